#pragma once
// JSON of the exit standard and of an exit verdict (docs/protocol.md, "Exit standard"), read and written by the
// server and the client alike.
#include <nlohmann/json.hpp>

#include "common/exit_rules.hpp"

namespace fupin::common {

nlohmann::json to_json(const exit_standard& s);
exit_standard exit_standard_from_json(const nlohmann::json& j);  // a server's answer
nlohmann::json to_json(const exit_verdict& v);
exit_verdict exit_verdict_from_json(const nlohmann::json& j);  // a server's answer

}  // namespace fupin::common
