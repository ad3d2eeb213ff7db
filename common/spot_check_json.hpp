#pragma once
// JSON of spot checks (docs/protocol.md, "Spot checks"): the server writes them and reads an inspector's check
// record strictly; the client reads the server's answers back.
#include <nlohmann/json.hpp>

#include "common/spot_check.hpp"

namespace fupin::common {

nlohmann::json to_json(const spot_check& c);  // with strata; items when loaded
nlohmann::json to_json(const spot_check_item& i);
nlohmann::json to_json(const spot_check_result& r);
nlohmann::json to_json(const spot_check_accuracy& a);

// A request's check record: every key known (400 unknown_field otherwise), each of its type.
spot_check_result spot_check_result_from_request(const nlohmann::json& j);

// A server's answers.
spot_check spot_check_from_json(const nlohmann::json& j);
spot_check_accuracy spot_check_accuracy_from_json(const nlohmann::json& j);

}  // namespace fupin::common
