#pragma once
// The first worksheet of an XLSX workbook, row by row, each cell as its text: what an import needs of the
// spreadsheets county offices keep (Excel, WPS). Read with libzip and expat (Debian libzip-dev,
// libexpat1-dev), streaming: the sheet is never held whole, only its shared strings.
// Numbers come as the workbook stores them ("2300.5"), booleans as 1 or 0, text as written; formulas as their
// last value. Throws unreadable_file (input_errors.hpp) for a file that is not a workbook.
#include <functional>
#include <string>
#include <vector>

namespace fupin::client {

// row: the sheet's row number (1-based); cells: by column (A = 0), missing cells empty.
using sheet_row_handler = std::function<void(int row, const std::vector<std::string>& cells)>;

void read_first_sheet(const std::string& path, const sheet_row_handler& on_row);

}  // namespace fupin::client
