#pragma once
// The year's campaign of 建档立卡 (plan 五): the county sets its four phases with their dates; every official
// reads them, and each township's progress against them (docs/protocol.md "The campaign"): the year's cases by
// state and how many are still open past the identification phase, the registered files complete (资料齐全,
// common/attachment.hpp's rule), with a helper, with the year's plan.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/api_error.hpp"
#include "common/campaign.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class campaign_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit campaign_service(clock now);

    // run_campaign (the county's poverty office and administrators). 422 as validate_campaign_phases says.
    common::campaign set(sql::connection& db, const principal& who, int year,
                         const std::vector<common::campaign_phase>& phases) const;
    // 404 campaign_not_set when the county has set none for the year.
    common::campaign get(sql::connection& db, const principal& who, int year) const;
    // area: the county or a township within the caller's ("" the caller's own; a village's office its township is
    // refused: progress is counted by township). Counted on the server's day in China.
    common::campaign_progress progress(sql::connection& db, const principal& who, int year,
                                       const std::string& area) const;

    // 404 campaign_not_set: what a read of a year without a campaign is answered.
    static common::api_error not_set(int year);

private:
    clock now_;
};

}  // namespace fupin::server::service
