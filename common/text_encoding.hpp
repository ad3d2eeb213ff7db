#pragma once
// Text files from other offices come in UTF-8 or in GB18030 (Excel's "CSV" on a Chinese Windows writes the
// latter): the one place that tells them apart and turns the second into the first, through glibc's iconv.
#include <optional>
#include <string>
#include <string_view>

namespace fupin::common {

struct utf8_text {
    std::string text;      // UTF-8, without a byte-order mark
    std::string encoding;  // "utf-8" | "gb18030": what the bytes were
};

// Well-formed UTF-8 is taken as it is; anything else is read as GB18030. A leading byte-order mark is dropped (a
// file that starts with UTF-8's must be UTF-8). nullopt when it is neither (GB18030 maps every byte sequence of
// its grammar, so this means bytes outside it, or a character cut off). Throws std::runtime_error when this
// machine's iconv cannot convert GB18030 at all.
std::optional<utf8_text> decode_utf8_or_gb18030(std::string_view bytes);

}  // namespace fupin::common
