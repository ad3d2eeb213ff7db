#pragma once
// The import template (docs/imports.md): the export's columns with no rows, for a county office to fill in.
// CSV: the header alone. XLSX: the header on the first sheet, and a second sheet 填写说明 that says for each
// column what it takes (and its values, for a column of a vocabulary).
#include <string>

#include "common/language.hpp"
#include "server/documents/archive_table.hpp"

namespace fupin::server::documents {

void write_import_template_csv(const archive_table::sink& out, common::language lang);
void write_import_template_xlsx(const archive_table::sink& out, common::language lang, const std::string& county_name,
                                const std::string& printed_at);

}  // namespace fupin::server::documents
