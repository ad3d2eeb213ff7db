#pragma once
// Poverty lines and quotas (规模控制): who may set them, the rule that no area's children share more than the
// area has, and the check an approval makes so that no area goes past its quota, even under concurrent
// approvals (take_place locks the three quota rows before it counts; docs/procedure.md, "Quotas").
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/procedure.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class quota_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit quota_service(clock now);

    std::vector<common::poverty_line> lines(sql::connection& db, const principal& who) const;
    common::poverty_line set_line(sql::connection& db, const principal& who, int year, common::money_fen amount) const;

    // The area `parent` (the caller's own area when empty) and its children that have a quota for the year.
    std::vector<common::quota> list(sql::connection& db, const principal& who, int year, std::string parent) const;
    common::quota set_quota(sql::connection& db, const principal& who, int year, const std::string& area_code,
                            int places) const;

    // The years the procedure takes (lines, quotas, cases): 2000–2100; 422 invalid_value at "year" otherwise.
    static void check_year(int year);

    // Inside the approving transaction: the year's line (409 poverty_line_not_set when none).
    static common::money_fen line_of(sql::connection& db, int year);
    // Inside the approving transaction: locks the county's, the township's and the village's quota rows, in that
    // order, and refuses (409 quota_not_set / quota_exceeded) unless each has a free place. Returns the figures
    // for the step's history: {"village": {"quota":…, "used":…}, …} with used counted before this case.
    static std::string take_place(sql::connection& db, int year, const std::string& village_code);

private:
    clock now_;
};

}  // namespace fupin::server::service
