#include "common/name_mask.hpp"

#include "common/utf8.hpp"

namespace fupin::common {

std::string mask_name(std::string_view name) {
    if (name.empty()) return {};
    const auto length = utf8_length(name);
    if (!length) return "*";
    return std::string(name.substr(0, utf8_character_bytes(name, 0))) + std::string(*length - 1, '*');
}

}  // namespace fupin::common
