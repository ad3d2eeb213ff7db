#include "common/area.hpp"

namespace fupin::common {

std::string area_level_of_code(std::string_view code) {
    switch (code.size()) {
        case 6: return "county";
        case 9: return "township";
        case 12: return "village";
        case 15: return "group";
        default: return "";
    }
}

std::string parent_code_of(std::string_view code) {
    switch (code.size()) {
        case 9: return std::string(code.substr(0, 6));
        case 12: return std::string(code.substr(0, 9));
        case 15: return std::string(code.substr(0, 12));
        default: return "";
    }
}

std::string township_code_of(std::string_view code) {
    return code.size() >= 9 ? std::string(code.substr(0, 9)) : std::string();
}

}  // namespace fupin::common
