#pragma once
// Visits to households (走访记录) and the county's unannounced checks (明察暗访). Never changed once recorded.
#include <vector>

#include "common/assistance.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class visit_repository {
public:
    explicit visit_repository(sql::connection& conn) : conn_(conn) {}

    // Sets v.id.
    void insert(common::visit& v);
    // A household's visits, newest first.
    std::vector<common::visit> of_household(std::int64_t household_id);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
