#include "client/text_layout.hpp"

#include <algorithm>

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

std::string size_text(std::uint64_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 1023) / 1024);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
}

}  // namespace fupin::client
