#pragma once
// Fills an archive's assistance tables the way a county's year of work leaves them, straight through the SQL
// layer and many rows per INSERT: a helper for every 5 households and most households paired, about 5 measures
// per household (most with a helper, most under way or done, most with money paid), a plan for most, and about
// 10 visits per household over the last 200 days. The same household index always gets the same rows.
#include <cstdint>
#include <string>

#include "server/sql/connection.hpp"

namespace fupin::bench {

struct seed_counts {
    std::int64_t households = 0;
    std::int64_t helpers = 0;
    std::int64_t pairings = 0;
    std::int64_t measures = 0;
    std::int64_t funds = 0;
    std::int64_t plans = 0;
    std::int64_t visits = 0;
    double seconds = 0;
};

// Seeds every household with id 1..households (which must exist), for `year`, visits dated up to `today`
// ("YYYY-MM-DD"). Does nothing when measures exist already (returns their counts as zero). Every household is
// made `registered` first: the view counts registered households only.
seed_counts seed_assistance(server::sql::connection& conn, std::int64_t households, int year, const std::string& today);

}  // namespace fupin::bench
