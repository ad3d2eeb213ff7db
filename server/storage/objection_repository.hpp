#pragma once
// Objections (异议) raised during postings, and their answers.
#include <optional>
#include <vector>

#include "common/procedure.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class objection_repository {
public:
    explicit objection_repository(sql::connection& conn) : conn_(conn) {}

    void insert(common::objection& o);  // sets o.id
    std::optional<common::objection> find(std::int64_t id);
    std::optional<common::objection> find_for_update(std::int64_t id);
    std::vector<common::objection> for_application(std::int64_t application_id, bool open_only = false);
    // Writes state, answer, consequence, answered_by, answered_at_ms.
    void save_answer(const common::objection& o);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
