#pragma once
// The six answers of 三到户三到人 for every registered household of an area, read in one statement.
#include <string>
#include <vector>

#include "common/sandaohu.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class sandaohu_repository {
public:
    explicit sandaohu_repository(sql::connection& conn) : conn_(conn) {}

    // The households helped in `year` (registered, or exited with policies through it) whose village code starts
    // with `area_code`, by village then id: their plan,
    // measures and funds of `year`, their pairings now, and their helpers' visits on or after `since`.
    std::vector<common::sandaohu_household> households(const std::string& area_code, int year,
                                                       const std::string& since);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
