#pragma once
// An XLSX workbook written by libxlsxwriter in its constant-memory mode: each row goes to a temporary file as
// the next begins, so a sheet of any length costs the memory of one row. The finished file is handed on in
// pieces (finish()). Sheets are A4, print their header rows on every page, and carry the
// archive's frame in the printed head and foot, as the PDF documents do.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace fupin::server::documents {

enum class cell_kind { text, wrapped_text, heading, title };

class xlsx_workbook {
public:
    // county_name and printed_at go into every sheet's printed head and foot; title into the file's properties.
    xlsx_workbook(std::string title, std::string county_name, std::string printed_at);
    ~xlsx_workbook();
    xlsx_workbook(const xlsx_workbook&) = delete;
    xlsx_workbook& operator=(const xlsx_workbook&) = delete;

    class sheet {
    public:
        // Column widths in characters; sets the printed layout (landscape, fitted to the page's width).
        void set_columns(const std::vector<double>& widths);
        // A header row, repeated at the top of every printed page, frozen on screen.
        void header(const std::vector<std::string>& titles);
        void text(int column, std::string_view value, cell_kind kind = cell_kind::text);
        void amount(int column, std::int64_t fen);  // yuan with two decimals, a number to the spreadsheet
        void count(int column, double value);
        void number(int column, double value);  // as it is: land in mu to one decimal, a year
        // A picture (PNG bytes) with its top left corner at this row and column; it covers the rows below.
        void image(int column, std::string png);
        // Moves to the next row; rows are written in order, never again.
        void next_row();
        int row() const { return row_; }

    private:
        friend class xlsx_workbook;
        sheet(xlsx_workbook& book, void* worksheet) : book_(&book), worksheet_(worksheet) {}
        xlsx_workbook* book_;
        void* worksheet_;
        int row_ = 0;
    };

    // A new sheet named `name` (cut to Excel's 31 characters and cleared of []:*?/\; made unique with a number).
    sheet add_sheet(std::string_view name);
    // Closes the workbook and hands its bytes to `out` in pieces of at most 64 KiB; throws std::runtime_error
    // when libxlsxwriter failed, and what `out` throws.
    void finish(const std::function<void(std::string_view bytes)>& out);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace fupin::server::documents
