#pragma once
// The statistics' JSON (docs/protocol.md "Statistics"): written by the server, read back strictly by the client.
#include <nlohmann/json.hpp>

#include "common/statistics.hpp"

namespace fupin::common {

nlohmann::json to_json(const statistics_report& r);
// Throws api_error (400/422) naming the field when the answer is not one.
statistics_report statistics_report_from_json(const nlohmann::json& j);

}  // namespace fupin::common
