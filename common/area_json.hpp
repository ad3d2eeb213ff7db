#pragma once
// The area file: the county's administrative tree as a JSON array, one compact object per line, e.g.
//   [{"code":"529901","level":"county","parent_code":"","name":"青峰县"},
//    {"code":"529901101","level":"township","parent_code":"529901","name":"石门镇"},
//    {"code":"529901101201","level":"village","name":"岩脚村","parent_code":"529901101","poor_village":true},
//    …]
// Parsing validates the whole tree, so storage can load it without further checks:
// codes are digits of the level's length (county 6, township 9, village 12, group 15); a county has no parent;
// every other area's parent appears earlier in the file, is one level up, and is the prefix of its code; codes are
// unique; names are 1..50 characters of UTF-8 without control characters; poor_village (贫困村, a boolean, false
// when left out) is a village's only.
// Errors (fupin::common::api_error, field like "[3].parent_code"): 400 invalid_json, 400 invalid_type,
// 400 unknown_field, 422 missing_field, 422 invalid_value, 422 too_long.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/area.hpp"

namespace fupin::common {

inline constexpr std::size_t max_area_name_chars = 50;

// 6, 9, 12 or 15 for "county", "township", "village", "group"; 0 for anything else.
std::size_t area_code_length(std::string_view level);
// "township" for "county", …, "group" for "village"; "" for "group" and unknown levels.
std::string_view child_area_level(std::string_view level);

std::vector<area> parse_area_file(std::string_view text);
std::vector<area> areas_from_json(const nlohmann::json& j);

nlohmann::json to_json(const area& a);
// The file format above: "[\n" + one object per line + "]\n".
std::string format_area_file(const std::vector<area>& areas);

}  // namespace fupin::common
