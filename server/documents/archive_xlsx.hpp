#pragma once
// The archive's table as XLSX: numbers as numbers, the header frozen and printed on every page. A sheet holds at
// most 1,048,575 rows under its header: a longer archive goes on in the next sheet, a household's rows together.
#include <optional>
#include <string>

#include "common/language.hpp"
#include "server/documents/archive_table.hpp"
#include "server/documents/xlsx_workbook.hpp"

namespace fupin::server::documents {

class archive_xlsx final : public archive_table {
public:
    archive_xlsx(sink out, common::language lang, const std::string& title, const std::string& county_name,
                 const std::string& printed_at);
    void add(const common::archive_household& h) override;
    void finish() override;
    std::int64_t rows() const override { return rows_; }

    // Rows under the header a sheet holds (Excel's limit; tests make it small).
    void set_sheet_rows(int rows) { sheet_rows_ = rows; }

private:
    void start_sheet();

    sink out_;
    common::language lang_;
    std::string title_;
    xlsx_workbook book_;
    std::optional<xlsx_workbook::sheet> sheet_;
    int sheets_ = 0;
    int sheet_rows_ = 1'048'575;
    int rows_in_sheet_ = 0;
    std::int64_t rows_ = 0;
};

}  // namespace fupin::server::documents
