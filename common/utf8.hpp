#pragma once
// The one place that reads UTF-8, on utf8proc (Debian libutf8proc-dev): whether text is well-formed, its length
// in characters (a Chinese name of 3 characters is 9 bytes; limits count characters), and the columns a
// terminal gives it. Ill-formed text must be refused before it reaches the JSON encoder or the database.
#include <cstddef>
#include <optional>
#include <string_view>

namespace fupin::common {

// The number of characters (code points), or nullopt if `text` is not well-formed UTF-8 (overlong forms,
// surrogates and code points above U+10FFFF are ill-formed).
std::optional<std::size_t> utf8_length(std::string_view text);

// The bytes of the well-formed character that starts at text[at]; 0 if it is ill-formed or `at` is the end.
std::size_t utf8_character_bytes(std::string_view text, std::size_t at);

// The columns a terminal gives `text`: 2 for Chinese characters and fullwidth forms, 0 for combining marks and
// zero-width spaces, 1 otherwise; an ill-formed byte counts as one column.
std::size_t display_width(std::string_view text);

// True if `text` holds a C0 control character or DEL (tabs and newlines included): single-line fields refuse them.
bool has_control_characters(std::string_view text);

}  // namespace fupin::common
