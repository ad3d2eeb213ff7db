#pragma once
// Each township's progress in a year's campaign, counted inside the caller's transaction: the campaign's own
// answer (campaign_service::progress) and the figures the supervision ranks by (supervision_service) are one
// count.
#include <chrono>
#include <string>
#include <vector>

#include "common/campaign.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// The townships within `area` (the county, or one township), by code. Open cases still with the village or the
// township count as overdue when `identification_over` (the identification phase ended before today); those
// waiting on the county do not. Completeness is judged by the one rule,
// common::completeness_gaps.
std::vector<common::township_progress> count_township_progress(sql::connection& db, const std::string& area, int year,
                                                               bool identification_over);

// Whether the identification phase of these phases ended before `today`.
bool identification_over(const std::vector<common::campaign_phase>& phases, std::chrono::year_month_day today);

}  // namespace fupin::server::service
