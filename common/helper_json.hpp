#pragma once
// Helpers, their units and pairings in JSON (docs/protocol.md, "Helpers and pairing"), and the checks of a
// clerk's input that need no database: names, posts, phone numbers, levels and backgrounds. A request is read
// strictly (unknown keys refused) and checked; a response is read leniently (a newer server may add fields).
#include <nlohmann/json.hpp>

#include "common/helper.hpp"
#include "common/household_json.hpp"

namespace fupin::common {

inline constexpr std::size_t max_unit_name_chars = 100;
inline constexpr std::size_t max_helper_post_chars = 50;
inline constexpr std::size_t max_pairing_reason_chars = 500;

nlohmann::json to_json(const helper_unit& u);
nlohmann::json to_json(const helper& h);
nlohmann::json to_json(const pairing& p);
nlohmann::json to_json(const household_helpers& h);

// Requests are checked (422 with the field) as they are read: a unit's name and level, and its area code's
// length for the level (the county's 6 digits for 省直/市直/县直, a township's 9, a village's 12).
helper_unit helper_unit_from_json(const nlohmann::json& j, json_source source = json_source::request);
// A helper's unit, name, post and phone (required: the household's village must reach the helper), and the
// volunteer background; a team leader is a member of the team.
helper helper_from_json(const nlohmann::json& j, json_source source = json_source::request);
pairing pairing_from_json(const nlohmann::json& j);
household_helpers household_helpers_from_json(const nlohmann::json& j);

// The checks helper_unit_from_json and helper_from_json make, for records built in code.
void check_helper_unit(const helper_unit& u);
void check_helper(const helper& h);

}  // namespace fupin::common
