#include "server/documents/pdf_table.hpp"

#include <algorithm>
#include <numeric>

namespace fupin::server::documents {
namespace {

constexpr double cell_padding = 3;
constexpr double header_grey = 0.88;
constexpr double label_grey = 0.94;
constexpr double total_grey = 0.9;

const std::string& cell_at(const std::vector<std::string>& cells, std::size_t i) {
    static const std::string none;
    return i < cells.size() ? cells[i] : none;
}

}  // namespace

pdf_table::pdf_table(pdf_document& doc, std::vector<table_column> columns, double font_size)
    : doc_(doc), columns_(std::move(columns)), font_size_(font_size) {
    const double total = std::accumulate(columns_.begin(), columns_.end(), 0.0,
                                         [](double sum, const table_column& c) { return sum + c.weight; });
    for (const auto& c : columns_) {
        widths_.push_back(doc_.content_width() * c.weight / total);
        titles_.push_back(c.title);
    }
}

bool pdf_table::has_header() const {
    return std::any_of(titles_.begin(), titles_.end(), [](const std::string& t) { return !t.empty(); });
}

double pdf_table::row_height(const std::vector<std::string>& cells, bool bold) const {
    double tallest = 0;
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const text_style style{font_size_, bold || columns_[i].label, columns_[i].align};
        tallest = std::max(tallest, doc_.text_height(cell_at(cells, i), widths_[i] - 2 * cell_padding, style));
    }
    return tallest + 2 * cell_padding;
}

void pdf_table::draw_row(const std::vector<std::string>& cells, bool bold, double grey) {
    const double height = row_height(cells, bold);
    const double top = doc_.cursor();
    double x = doc_.left();
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const double fill = grey < 1 ? grey : columns_[i].label ? label_grey : 1;
        if (fill < 1) doc_.fill_rectangle(x, top, widths_[i], height, fill);
        doc_.stroke_rectangle(x, top, widths_[i], height);
        const text_style style{font_size_, bold || columns_[i].label, columns_[i].align};
        doc_.draw_text(x + cell_padding, top + cell_padding, widths_[i] - 2 * cell_padding, cell_at(cells, i), style);
        x += widths_[i];
    }
    doc_.advance(height);
}

void pdf_table::draw_header() {
    draw_row(titles_, true, header_grey);
    page_of_header_ = doc_.page_number();
}

void pdf_table::add_row(const std::vector<std::string>& cells, bool emphasised) { place({cells}, emphasised); }

void pdf_table::add_rows_together(const std::vector<std::vector<std::string>>& rows) { place(rows, false); }

void pdf_table::place(const std::vector<std::vector<std::string>>& rows, bool emphasised) {
    const bool header = has_header();
    const double header_height = header ? row_height(titles_, true) : 0;
    const auto header_missing = [&] { return header && page_of_header_ != doc_.page_number(); };
    // Rows kept together go to the next page together when they do not fit here; a block taller than a whole
    // page is then split row by row.
    double needed = 0;
    for (const auto& r : rows) needed += row_height(r, emphasised);
    if (needed + (header_missing() ? header_height : 0) > doc_.space_left() && !doc_.page_is_empty()) doc_.new_page();
    for (const auto& r : rows) {
        const double h = row_height(r, emphasised);
        if (h + (header_missing() ? header_height : 0) > doc_.space_left() && !doc_.page_is_empty()) doc_.new_page();
        if (header_missing()) draw_header();
        draw_row(r, emphasised, emphasised ? total_grey : 1);
    }
}

}  // namespace fupin::server::documents
