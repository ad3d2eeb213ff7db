#pragma once
// The natural changes of households' members (人口自然变更), the file's history of its member list.
#include <vector>

#include "common/member_change.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class member_change_repository {
public:
    explicit member_change_repository(sql::connection& conn) : conn_(conn) {}

    void insert(common::member_change& c);  // sets c.id
    std::vector<common::member_change> of_household(std::int64_t household_id);  // newest first

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
