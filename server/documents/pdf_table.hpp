#pragma once
// A ruled table drawn into a pdf_document at its cursor. Rows are as tall as their tallest cell's text (pango
// breaks it inside the column); a row that does not fit below the cursor goes to the next page, and the header
// is drawn again at the top of it, so a register of many pages reads on every page.
#include <string>
#include <vector>

#include "server/documents/pdf_document.hpp"

namespace fupin::server::documents {

struct table_column {
    std::string title;     // empty for every column: a grid without a header (a form's label/value pairs)
    double weight = 1;     // share of the table's width
    text_align align = text_align::left;
    bool label = false;    // a form's label column: shaded, and bold
};

class pdf_table {
public:
    pdf_table(pdf_document& doc, std::vector<table_column> columns, double font_size = 9);

    // One row; cells beyond the columns are ignored, missing ones are empty. emphasised: bold on grey (totals).
    void add_row(const std::vector<std::string>& cells, bool emphasised = false);
    // Several rows that stay on one page when they fit on one (a household's lines).
    void add_rows_together(const std::vector<std::vector<std::string>>& rows);

private:
    double row_height(const std::vector<std::string>& cells, bool bold) const;
    void draw_row(const std::vector<std::string>& cells, bool bold, double grey);
    void draw_header();
    bool has_header() const;
    void place(const std::vector<std::vector<std::string>>& rows, bool emphasised);

    pdf_document& doc_;
    std::vector<table_column> columns_;
    std::vector<double> widths_;
    std::vector<std::string> titles_;
    double font_size_;
    int page_of_header_ = 0;  // the page the header was last drawn on (pages count from 1)
};

}  // namespace fupin::server::documents
