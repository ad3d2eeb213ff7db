#pragma once
// One node of the county's administrative tree (county → township → village → village group), identified by its
// statistical division code. Plain data shared by the area file parser, storage and the client.
#include <string>
#include <string_view>

namespace fupin::common {

struct area {
    std::string code;         // county 6 digits, township 9, village 12, group 15
    std::string parent_code;  // empty for the county
    std::string level;        // "county" | "township" | "village" | "group"
    std::string name;         // Chinese name, e.g. "石门镇"
    bool poor_village = false;  // 贫困村 (villages only): a village the province lists as poor
};

// What a division code's length says (统计用区划代码): county 6 digits, township 9, village 12, group 15. The one
// place that reads the level or the parent from a code.
std::string area_level_of_code(std::string_view code);  // "county" | "township" | "village" | "group" | ""
std::string parent_code_of(std::string_view code);      // "" for a county (or a malformed code)
std::string township_code_of(std::string_view code);    // the township a township/village/group code lies in; ""

}  // namespace fupin::common
