#pragma once
// JSON of attachments and of a file's completeness.
#include <vector>

#include <nlohmann/json.hpp>

#include "common/attachment.hpp"

namespace fupin::common {

nlohmann::json to_json(const attachment& a);
attachment attachment_from_json(const nlohmann::json& j);
// {"household_id", "complete", "gaps": [{"code", "zh", "en"}]}
nlohmann::json completeness_json(std::int64_t household_id, const std::vector<completeness_gap>& gaps);
std::vector<completeness_gap> completeness_gaps_from_json(const nlohmann::json& j);

}  // namespace fupin::common
