#pragma once
// JSON of the natural changes of a household's members (docs/protocol.md, "Member changes"), read and written by
// the server and the client alike.
#include <nlohmann/json.hpp>

#include "common/member_change.hpp"

namespace fupin::common {

// A clerk's request; the keys are checked by the caller (the request also names the file's version).
member_change_request member_change_request_from_json(const nlohmann::json& j);
nlohmann::json to_json(const member_change_request& r);

nlohmann::json to_json(const member_change& c);
member_change member_change_from_json(const nlohmann::json& j);  // a server's answer

}  // namespace fupin::common
