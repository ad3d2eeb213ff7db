#pragma once
// One node of the county's administrative tree (county → township → village → village group), identified by its
// statistical division code. Plain data shared by the area file parser, storage and the client.
#include <string>

namespace fupin::common {

struct area {
    std::string code;         // county 6 digits, township 9, village 12, group 15
    std::string parent_code;  // empty for the county
    std::string level;        // "county" | "township" | "village" | "group"
    std::string name;         // Chinese name, e.g. "石门镇"
};

}  // namespace fupin::common
