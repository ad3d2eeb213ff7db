#pragma once
// Values as a person reads them, the same on a terminal, in a printed document and in a spreadsheet: money in
// yuan, land to one decimal, Beijing time, a vocabulary code's label. The client's printouts and the server's
// documents both write them through here.
#include <cstdint>
#include <string>

#include "common/household.hpp"
#include "common/language.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {

// 230050 → "2,300.50"; -5 → "-0.05".
std::string format_amount(money_fen fen);
// 230050 → "2300.50": for files a program reads again (CSV), without thousands separators.
std::string plain_amount(money_fen fen);
// "2,300.50 元" / "2,300.50 yuan".
std::string format_yuan(money_fen fen, language lang);
// Land and areas: at most one decimal, no trailing ".0": 3.5 → "3.5", 60 → "60".
std::string format_decimal(double value);
// Milliseconds since the epoch (UTC) as Beijing time "2026-11-29 18:05"; 0 → "".
std::string format_beijing_time(std::int64_t ms_since_epoch);
// A table's or label's value, "-" when there is none.
std::string or_dash(const std::string& text);
// A vocabulary code as a reader sees it: its label in `lang`, the code itself when the vocabulary does not know
// it (a newer server's), "-" when there is none.
std::string label_or_code(const vocabulary_list& list, const std::string& code, language lang);

}  // namespace fupin::common
