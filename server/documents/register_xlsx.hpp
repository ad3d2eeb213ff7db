#pragma once
// The register or book as an XLSX workbook: a village's register is one sheet; a township's book has a sheet
// per village and a first sheet summing them. Size and per-capita income are numbers the spreadsheet can sum.
#include <optional>

#include "server/documents/register_writer.hpp"
#include "server/documents/xlsx_workbook.hpp"

namespace fupin::server::documents {

class register_xlsx final : public register_writer {
public:
    // area: the village (a register) or the township (a book).
    register_xlsx(sink out, const common::area& area, common::language lang, const std::string& county_name,
                  const std::string& printed_at);

    void begin_village(const common::area& village) override;
    void add(const common::household& h, const std::vector<std::string>& helpers) override;
    void end_village() override;
    void finish() override;

private:
    void totals_row(xlsx_workbook::sheet& sheet, const register_totals& totals, const std::string& label);

    sink out_;
    common::area area_;
    common::language lang_;
    xlsx_workbook book_;
    std::optional<xlsx_workbook::sheet> summary_;  // a book's first sheet, written last
    std::optional<xlsx_workbook::sheet> sheet_;    // the current village's
    register_totals village_;
    std::vector<register_totals> villages_;
};

}  // namespace fupin::server::documents
