#include "client/text_layout.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace fupin::client {
namespace {

// Decodes one code point at text[i], advancing i; returns U+FFFD for an ill-formed byte (advancing by one).
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    int length = lead < 0x80 ? 1 : (lead >> 5) == 0x6 ? 2 : (lead >> 4) == 0xE ? 3 : (lead >> 3) == 0x1E ? 4 : 0;
    if (length == 0 || i + length > text.size()) {
        ++i;
        return 0xFFFD;
    }
    char32_t cp = length == 1 ? lead : lead & (0x7F >> length);
    for (int k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xC0) != 0x80) {
            ++i;
            return 0xFFFD;
        }
        cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    i += length;
    return cp;
}

bool is_wide(char32_t c) {
    return (c >= 0x1100 && c <= 0x115F) ||                    // Hangul Jamo
           (c >= 0x2E80 && c <= 0x303E) ||                    // CJK radicals, punctuation (、。「」)
           (c >= 0x3041 && c <= 0x33FF) ||                    // kana, bopomofo, CJK compatibility
           (c >= 0x3400 && c <= 0x4DBF) ||                    // CJK extension A
           (c >= 0x4E00 && c <= 0x9FFF) ||                    // CJK unified ideographs
           (c >= 0xA000 && c <= 0xA4CF) ||                    // Yi
           (c >= 0xAC00 && c <= 0xD7A3) ||                    // Hangul syllables
           (c >= 0xF900 && c <= 0xFAFF) ||                    // CJK compatibility ideographs
           (c >= 0xFE30 && c <= 0xFE4F) ||                    // CJK compatibility forms
           (c >= 0xFF00 && c <= 0xFF60) ||                    // fullwidth forms (，：（）)
           (c >= 0xFFE0 && c <= 0xFFE6) ||                    // fullwidth signs (￥)
           (c >= 0x1F300 && c <= 0x1F64F) ||                  // emoji
           (c >= 0x20000 && c <= 0x3FFFD);                    // CJK extensions B and later (rare names)
}

bool is_zero_width(char32_t c) {
    return (c >= 0x0300 && c <= 0x036F) || (c >= 0x200B && c <= 0x200F) || c == 0xFEFF ||
           (c >= 0xFE00 && c <= 0xFE0F);
}

}  // namespace

std::size_t display_width(std::string_view utf8) {
    std::size_t width = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const char32_t c = next_code_point(utf8, i);
        width += is_wide(c) ? 2 : is_zero_width(c) ? 0 : 1;
    }
    return width;
}

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

}  // namespace fupin::client
