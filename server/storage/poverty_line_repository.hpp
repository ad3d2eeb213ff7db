#pragma once
// The poverty line of each year (per-capita net income, fen).
#include <optional>
#include <vector>

#include "common/procedure.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class poverty_line_repository {
public:
    explicit poverty_line_repository(sql::connection& conn) : conn_(conn) {}

    std::optional<common::poverty_line> find(int year);
    std::vector<common::poverty_line> list();  // by year
    void save(const common::poverty_line& line);  // insert or replace the year's line

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
