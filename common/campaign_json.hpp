#pragma once
// JSON of the year's campaign and of its progress.
#include <nlohmann/json.hpp>

#include "common/campaign.hpp"

namespace fupin::common {

nlohmann::json to_json(const campaign& c);
campaign campaign_from_json(const nlohmann::json& j);
// {"phases": [{"phase","starts_on","ends_on"}, …]} as a request sends it: strict (unknown keys 400), then checked
// by validate_campaign_phases.
std::vector<campaign_phase> campaign_phases_from_json(const nlohmann::json& j);
nlohmann::json to_json(const campaign_progress& p);
campaign_progress campaign_progress_from_json(const nlohmann::json& j);

}  // namespace fupin::common
