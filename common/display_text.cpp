#include "common/display_text.hpp"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace fupin::common {
namespace {

// The magnitude of fen without overflow at the most negative value.
unsigned long long magnitude_of(money_fen fen) {
    return fen < 0 ? 0ULL - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
}

}  // namespace

std::string format_amount(money_fen fen) {
    const auto magnitude = magnitude_of(fen);
    std::string whole = std::to_string(magnitude / 100);
    for (int pos = static_cast<int>(whole.size()) - 3; pos > 0; pos -= 3) whole.insert(static_cast<std::size_t>(pos), ",");
    return fmt::format("{}{}.{:02}", fen < 0 ? "-" : "", whole, magnitude % 100);
}

std::string plain_amount(money_fen fen) {
    const auto magnitude = magnitude_of(fen);
    return fmt::format("{}{}.{:02}", fen < 0 ? "-" : "", magnitude / 100, magnitude % 100);
}

std::string format_yuan(money_fen fen, language lang) {
    return format_amount(fen) + (lang == language::en ? " yuan" : " 元");
}

std::string format_decimal(double value) {
    if (!std::isfinite(value)) return "-";
    const double rounded = std::round(value * 10) / 10;
    if (rounded == std::floor(rounded)) return fmt::format("{:.0f}", rounded);
    return fmt::format("{:.1f}", rounded);
}

std::string format_beijing_time(std::int64_t ms_since_epoch) {
    using namespace std::chrono;
    if (ms_since_epoch == 0) return {};
    const sys_time<milliseconds> t{milliseconds(ms_since_epoch) + hours(8)};
    const auto day = floor<days>(t);
    const year_month_day ymd{day};
    const hh_mm_ss time{floor<minutes>(t - day)};
    return fmt::format("{:04}-{:02}-{:02} {:02}:{:02}", static_cast<int>(ymd.year()),
                       static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day()), time.hours().count(),
                       time.minutes().count());
}

std::string or_dash(const std::string& text) { return text.empty() ? "-" : text; }

std::string label_or_code(const vocabulary_list& list, const std::string& code, language lang) {
    if (code.empty()) return "-";
    const std::string& text = label(list, code, lang);
    return text.empty() ? code : text;
}

}  // namespace fupin::common
