#include "client/text_layout.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace fupin::client {

std::string pad(std::string_view text, std::size_t width, align a) {
    const std::size_t w = display_width(text);
    const std::string spaces(w < width ? width - w : 0, ' ');
    return a == align::left ? std::string(text) + spaces : spaces + std::string(text);
}

std::string format_table(const std::vector<std::string>& header, const std::vector<std::vector<std::string>>& rows,
                         const std::vector<align>& alignment) {
    std::vector<std::size_t> widths(header.size(), 0);
    const auto measure = [&](const std::vector<std::string>& row) {
        for (std::size_t c = 0; c < row.size() && c < widths.size(); ++c)
            widths[c] = std::max(widths[c], display_width(row[c]));
    };
    measure(header);
    for (const auto& row : rows) measure(row);

    std::string out;
    const auto emit = [&](const std::vector<std::string>& row) {
        std::string line;
        for (std::size_t c = 0; c < widths.size(); ++c) {
            const std::string cell = c < row.size() ? row[c] : std::string();
            const align a = c < alignment.size() ? alignment[c] : align::left;
            if (c > 0) line += "  ";
            line += pad(cell, widths[c], a);
        }
        while (!line.empty() && line.back() == ' ') line.pop_back();
        out += line;
        out += '\n';
    };
    emit(header);
    for (const auto& row : rows) emit(row);
    return out;
}

std::string format_amount(common::money_fen fen) {
    const bool negative = fen < 0;
    // Unsigned, so the most negative value does not overflow.
    const unsigned long long magnitude = negative ? 0ULL - static_cast<unsigned long long>(fen)
                                                  : static_cast<unsigned long long>(fen);
    std::string whole = std::to_string(magnitude / 100);
    for (int pos = static_cast<int>(whole.size()) - 3; pos > 0; pos -= 3) whole.insert(static_cast<std::size_t>(pos), ",");
    return fmt::format("{}{}.{:02}", negative ? "-" : "", whole, magnitude % 100);
}

std::string format_yuan(common::money_fen fen, common::language lang) {
    return format_amount(fen) + (lang == common::language::en ? " yuan" : " 元");
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

std::string label_or_code(const common::vocabulary_list& list, const std::string& code, common::language lang) {
    if (code.empty()) return "-";
    const std::string& text = common::label(list, code, lang);
    return text.empty() ? code : text;
}

}  // namespace fupin::client
