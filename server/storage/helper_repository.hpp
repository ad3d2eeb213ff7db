#pragma once
// Helpers (帮扶责任人) and the volunteer service team, kept by the county. Reads fill the unit's name and level
// and the number of households the helper answers for now.
#include <optional>
#include <vector>

#include "common/helper.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

struct helper_filter {
    std::int64_t unit_id = 0;     // 0: every unit
    bool volunteers_only = false;  // the volunteer service team
    bool active_only = false;
};

class helper_repository {
public:
    explicit helper_repository(sql::connection& conn) : conn_(conn) {}

    // Sets h.id, h.version = 1 and both times.
    void insert(common::helper& h, std::int64_t now_ms);
    // Writes every field the county keeps if the helper is still at expected_version; bumps the version. False
    // when another change came first.
    bool update(common::helper& h, std::int64_t expected_version, std::int64_t now_ms);
    std::optional<common::helper> find(std::int64_t id);
    // The same, with the helper's row locked until the transaction ends: pairings of one helper queue on it, so
    // that each counts the households of the one before (the database lock on SQLite).
    std::optional<common::helper> find_for_update(std::int64_t id);
    // The helper who logs in with this account (role helper), if one does.
    std::optional<common::helper> find_by_username(const std::string& username);
    std::vector<common::helper> list(const helper_filter& filter);

private:
    std::optional<common::helper> find(std::int64_t id, bool lock);
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
