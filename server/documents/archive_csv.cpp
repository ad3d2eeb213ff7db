#include "server/documents/archive_csv.hpp"

#include <string>
#include <vector>

#include "common/archive_columns.hpp"
#include "common/csv_writer.hpp"

namespace fupin::server::documents {

archive_csv::archive_csv(sink out, common::language lang) : out_(std::move(out)) {
    out_(std::string(common::utf8_bom) + common::csv_line(common::archive_header(lang)));
}

namespace {

// A text cell as Excel must take it: a long number (an ID number, a bank account) kept as text by a leading tab,
// or Excel keeps 15 digits and zeroes the rest; a cell that begins like a formula (=, +, -, @) kept from being
// one by a leading apostrophe. Amounts and counts are written as numbers.
std::string for_excel(const common::archive_column& column, const std::string& text) {
    if (column.kind != common::column_kind::text || text.empty()) return text;
    if (text.size() > 11 && text.find_first_not_of("0123456789Xx") == std::string::npos) return "\t" + text;
    if (std::string_view("=+-@").find(text.front()) != std::string_view::npos) return "'" + text;
    return text;
}

}  // namespace

void archive_csv::add(const common::archive_household& h) {
    std::string text;
    const auto& columns = common::archive_columns();
    for (const auto& row : common::archive_rows(h)) {
        std::vector<std::string> fields;
        fields.reserve(row.size());
        for (std::size_t c = 0; c < row.size(); ++c) fields.push_back(for_excel(columns[c], row[c].text));
        text += common::csv_line(fields);
        ++rows_;
    }
    out_(text);
}

void archive_csv::finish() {}

}  // namespace fupin::server::documents
