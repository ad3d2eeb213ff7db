#include "server/documents/archive_xlsx.hpp"

#include <cmath>

#include "common/archive_columns.hpp"

namespace fupin::server::documents {

archive_xlsx::archive_xlsx(sink out, common::language lang, const std::string& title, const std::string& county_name,
                           const std::string& printed_at)
    : out_(std::move(out)), lang_(lang), title_(title), book_(title, county_name, printed_at) {
    start_sheet();
}

void archive_xlsx::start_sheet() {
    ++sheets_;
    sheet_ = book_.add_sheet(sheets_ == 1 ? title_ : title_ + "(" + std::to_string(sheets_) + ")");
    std::vector<double> widths;
    for (const auto& c : common::archive_columns())
        widths.push_back(c.kind == common::column_kind::text ? 18 : 12);
    sheet_->set_columns(widths);
    sheet_->header(common::archive_header(lang_));
    rows_in_sheet_ = 0;
}

void archive_xlsx::add(const common::archive_household& h) {
    const auto rows = common::archive_rows(h);
    // A household's rows stay on one sheet, so each sheet can be read back on its own.
    if (rows_in_sheet_ > 0 && rows_in_sheet_ + static_cast<int>(rows.size()) > sheet_rows_) start_sheet();
    for (const auto& row : rows) {
        for (std::size_t c = 0; c < row.size(); ++c) {
            const int column = static_cast<int>(c);
            const auto kind = common::archive_columns()[c].kind;
            if (!row[c].number) {
                if (!row[c].text.empty()) sheet_->text(column, row[c].text);
            } else if (kind == common::column_kind::money) {
                sheet_->amount(column, std::llround(*row[c].number * 100));
            } else {
                sheet_->number(column, *row[c].number);
            }
        }
        sheet_->next_row();
        ++rows_in_sheet_;
        ++rows_;
    }
}

void archive_xlsx::finish() { book_.finish(out_); }

}  // namespace fupin::server::documents
