#pragma once
// UTF-8 checks for text fields: length limits are in characters (a Chinese name of 3 characters is 9 bytes), and
// ill-formed text must be refused before it reaches the JSON encoder or the database.
#include <cstddef>
#include <optional>
#include <string_view>

namespace fupin::common {

// The number of code points, or nullopt if `text` is not well-formed UTF-8 (overlong forms, surrogates and
// code points above U+10FFFF are ill-formed).
std::optional<std::size_t> utf8_length(std::string_view text);

// True if `text` holds a C0 control character or DEL (tabs and newlines included): single-line fields refuse them.
bool has_control_characters(std::string_view text);

}  // namespace fupin::common
