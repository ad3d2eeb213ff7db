#pragma once
// The household file as JSON, in exactly the shape of docs/protocol.md. Reading is strict: a wrong type or an
// unknown key is refused with a field path rather than guessed at, so a client bug surfaces at once.
// Errors (fupin::common::api_error): 400 invalid_json (not an object), 400 invalid_type, 400 unknown_field,
// 422 invalid_value (money with more than two decimals, numbers out of range, malformed times).
#include <cstdint>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/household.hpp"

namespace fupin::common {

// What the JSON is: a request body (output-only fields are accepted and ignored) or a server response read by
// the client (output-only fields are read too: id, status, created_at, updated_at, the area names, head_name,
// per_capita_net_income). `version` is read in both: an update names the version it was based on.
enum class json_source { request, response };

nlohmann::json to_json(const household& h);
household household_from_json(const nlohmann::json& j, json_source source = json_source::request);

// One member, as inside a household ("members[2]" is the path its refusals name).
nlohmann::json to_json(const member& m);
member member_from_json(const nlohmann::json& j, const std::string& path);

nlohmann::json to_json(const household_page& page);
// Reads a list response ({"items":[…],"next_page_token":"…"}); items are read as json_source::response.
household_page household_page_from_json(const nlohmann::json& j);

// Money: fen ⇄ yuan. to_json writes whole yuan as integers and the rest with the shortest exact decimals,
// so 230050 fen is 2300.5. yuan_to_fen refuses (422 invalid_value at `field`) more than two decimals, NaN,
// infinities and amounts whose fen do not fit exactly in a double (above 2^53 fen).
nlohmann::json fen_to_json(money_fen fen);
money_fen fen_from_json(const nlohmann::json& j, const std::string& field);

// "2026-11-29T10:00:00.000Z" from milliseconds since the epoch, and back (422 invalid_value at `field` if the
// text is not that exact shape).
std::string format_utc_ms(std::int64_t ms_since_epoch);
std::int64_t parse_utc_ms(std::string_view text, const std::string& field);
// The same for a time that may be unset: 0 ⇄ null.
nlohmann::json utc_ms_or_null(std::int64_t ms_since_epoch);
std::int64_t utc_ms_or_zero_at(const nlohmann::json& j, const std::string& field);

}  // namespace fupin::common
