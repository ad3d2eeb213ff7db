#pragma once
// The register or book as a PDF: A4 landscape, each village from a new page under its heading, its households'
// lines in a table whose header repeats on every page, its totals at the foot; a book ends with the summary of
// its villages.
#include <memory>
#include <optional>

#include "server/documents/pdf_document.hpp"
#include "server/documents/pdf_table.hpp"
#include "server/documents/register_writer.hpp"

namespace fupin::server::documents {

class register_pdf final : public register_writer {
public:
    // area: the village (a register) or the township (a book).
    register_pdf(sink out, page_frame frame, const common::area& area, common::language lang);

    void begin_village(const common::area& village) override;
    void add(const common::household& h, const std::vector<std::string>& helpers) override;
    void end_village() override;
    void finish() override;

private:
    void totals_row(pdf_table& table, const register_totals& totals, const std::string& label);

    pdf_document doc_;
    common::area area_;
    common::language lang_;
    std::unique_ptr<pdf_table> table_;  // the current village's
    register_totals village_;
    std::vector<register_totals> villages_;
};

}  // namespace fupin::server::documents
