#include "server/documents/archive_csv.hpp"

#include <string>
#include <vector>

#include "common/archive_columns.hpp"
#include "common/csv_writer.hpp"

namespace fupin::server::documents {

archive_csv::archive_csv(sink out, common::language lang) : out_(std::move(out)) {
    out_(std::string(common::utf8_bom) + common::csv_line(common::archive_header(lang)));
}

void archive_csv::add(const common::household& h) {
    std::string text;
    for (const auto& row : common::archive_rows(h)) {
        std::vector<std::string> fields;
        fields.reserve(row.size());
        for (const auto& cell : row) fields.push_back(cell.text);
        text += common::csv_line(fields);
        ++rows_;
    }
    out_(text);
}

void archive_csv::finish() {}

}  // namespace fupin::server::documents
