#pragma once
// The county's exit standard of each year (脱贫标准: the income line, the transition period).
#include <optional>
#include <vector>

#include "common/exit_rules.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class exit_standard_repository {
public:
    explicit exit_standard_repository(sql::connection& conn) : conn_(conn) {}

    std::optional<common::exit_standard> find(int year);
    std::vector<common::exit_standard> list();  // by year
    void save(const common::exit_standard& standard);  // insert or replace the year's

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
