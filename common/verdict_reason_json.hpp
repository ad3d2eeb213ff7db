#pragma once
// JSON of the reasons a verdict gives ([{"code","zh","en"}, …]): identification's reasons, the exit standard's
// shortfalls and a review entry's flags are all lists of verdict_reason, written and read here once.
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/identification_rules.hpp"

namespace fupin::common {

nlohmann::json to_json(const std::vector<verdict_reason>& reasons);
// Unknown keys of a reason are left alone (a newer server); wrong types are refused naming `path`[i].
std::vector<verdict_reason> verdict_reasons_from_json(const nlohmann::json& j, const std::string& path);

}  // namespace fupin::common
