#include "common/utf8.hpp"

#include <utf8proc.h>

namespace fupin::common {
namespace {

// The character at text[at] and its length in bytes; length 0 when ill-formed.
struct character {
    utf8proc_int32_t code_point = -1;
    std::size_t bytes = 0;
};

character read_character(std::string_view text, std::size_t at) {
    if (at >= text.size()) return {};
    character c;
    const auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + at),
                                    static_cast<utf8proc_ssize_t>(text.size() - at), &c.code_point);
    if (n > 0) c.bytes = static_cast<std::size_t>(n);
    return c;
}

}  // namespace

std::optional<std::size_t> utf8_length(std::string_view text) {
    std::size_t count = 0;
    for (std::size_t i = 0; i < text.size(); ++count) {
        const auto bytes = utf8_character_bytes(text, i);
        if (bytes == 0) return std::nullopt;
        i += bytes;
    }
    return count;
}

std::size_t utf8_character_bytes(std::string_view text, std::size_t at) { return read_character(text, at).bytes; }

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = read_character(text, i);
        if (c.bytes == 0) {
            ++width;
            ++i;
            continue;
        }
        const int w = utf8proc_charwidth(c.code_point);
        width += w > 0 ? static_cast<std::size_t>(w) : 0;
        i += c.bytes;
    }
    return width;
}

bool has_control_characters(std::string_view text) {
    for (char ch : text) {
        const auto c = static_cast<unsigned char>(ch);
        if (c < 0x20 || c == 0x7F) return true;
    }
    return false;
}

}  // namespace fupin::common
