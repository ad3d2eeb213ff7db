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

// 230050 → "2,300.50"; -5 → "-0.05".
std::string format_amount(common::money_fen fen);
// "2,300.50 元" / "2,300.50 yuan".
std::string format_yuan(common::money_fen fen, common::language lang);
// Land and areas: at most one decimal, no trailing ".0": 3.5 → "3.5", 60 → "60".
std::string format_decimal(double value);
// Milliseconds since the epoch (UTC) as Beijing time "2026-11-29 18:05"; 0 → "".
std::string format_beijing_time(std::int64_t ms_since_epoch);

// fmt's format with a format string chosen at run time: a text in the reader's language, common::in(lang, …).
template <class... Args>
std::string rformat(std::string_view format, const Args&... args) {
    return fmt::vformat(format, fmt::make_format_args(args...));
}

// A table's or label's value, "-" when there is none.
std::string or_dash(const std::string& text);

// A vocabulary code as a reader sees it: its label in `lang`, the code itself when the vocabulary does not know
// it (a newer server's), "-" when there is none.
std::string label_or_code(const common::vocabulary_list& list, const std::string& code, common::language lang);

}  // namespace fupin::client
