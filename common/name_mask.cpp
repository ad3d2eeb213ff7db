#include "common/name_mask.hpp"

#include "common/utf8.hpp"

namespace fupin::common {

std::string mask_name(std::string_view name) {
    if (name.empty()) return {};
    const auto length = utf8_length(name);
    if (!length) return "*";
    // Well-formed, so the lead byte alone tells how long the first character is.
    const auto lead = static_cast<unsigned char>(name.front());
    const std::size_t first = lead < 0x80 ? 1 : (lead & 0xE0) == 0xC0 ? 2 : (lead & 0xF0) == 0xE0 ? 3 : 4;
    return std::string(name.substr(0, first)) + std::string(*length - 1, '*');
}

}  // namespace fupin::common
