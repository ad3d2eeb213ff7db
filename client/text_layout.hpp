#pragma once
// Terminal text for Chinese output: display widths (CJK characters take two columns), aligned tables, money
// and times the way a clerk reads them.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/api_error.hpp"
#include "common/display_text.hpp"
#include "common/household.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

// Columns `text` takes in a terminal (common/utf8.hpp).
using common::display_width;

enum class align { left, right };

// `text` padded with spaces to `width` columns (never cut).
std::string pad(std::string_view text, std::size_t width, align a = align::left);

// Rows under a header, columns separated by two spaces, each as wide as its widest cell; no trailing spaces.
std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<align>& alignment = {});

// Money, land, times and labels as a person reads them: one definition with the server's documents.
using common::format_amount;
using common::format_beijing_time;
// A file's size as a person reads it: "812 B", "64 KB", "3.2 MB".
std::string size_text(std::uint64_t bytes);
using common::format_decimal;
using common::format_yuan;
using common::label_or_code;
using common::or_dash;
using common::plain_amount;

// fmt's format with a format string chosen at run time: a text in the reader's language, common::in(lang, …).
template <class... Args>
std::string rformat(std::string_view format, const Args&... args) {
    return fmt::vformat(format, fmt::make_format_args(args...));
}

}  // namespace fupin::client
