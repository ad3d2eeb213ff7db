#pragma once
// Projects (项目) that serve several households; reads count the measures naming them and add up their funds.
#include <optional>
#include <vector>

#include "common/assistance.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class project_repository {
public:
    explicit project_repository(sql::connection& conn) : conn_(conn) {}

    // Sets p.id, p.version = 1 and the time.
    void insert(common::project& p, const std::string& by, std::int64_t now_ms);
    std::optional<common::project> find(std::int64_t id);
    // The projects of the area and those below it (area_code a prefix), of one year (0: every year), newest first.
    std::vector<common::project> list(const std::string& area_code, int year);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
