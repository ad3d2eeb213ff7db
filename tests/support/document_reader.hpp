#pragma once
// Reads printed documents back the way a person's tools would, for tests: a PDF's text through pdftotext and
// its pages' count through pdfinfo (poppler-utils), an XLSX sheet's cells through unzip. The bytes are written
// to a temporary file first.
#include <map>
#include <string>
#include <vector>

namespace fupin::test_support {

// The text of every page, in reading order (pdftotext -layout), pages separated by form feeds.
std::string pdf_text(const std::string& pdf_bytes);
int pdf_pages(const std::string& pdf_bytes);
// The fonts a PDF embeds, as pdffonts lists them (name, type, …), one line each.
std::string pdf_fonts(const std::string& pdf_bytes);
// One page as a PNG at `dpi` (pdftoppm), saved to `png_path`: for a person to look at.
void pdf_page_png(const std::string& pdf_bytes, int page, const std::string& png_path, int dpi = 80);

// Whether `text` holds `what`, spaces aside: pdftotext keeps or drops the narrow spaces between Chinese
// characters and digits ("第 1 页" comes back as "第1页") as their width suggests.
bool has_text(const std::string& text, const std::string& what);
// Writes a document under `path` (its folder made), for a person to open.
void save_document(const std::string& bytes, const std::string& path);

// A workbook's sheet names in order, and a sheet's cells by reference ("A1" → its text or number as written).
std::vector<std::string> xlsx_sheet_names(const std::string& xlsx_bytes);
std::map<std::string, std::string> xlsx_cells(const std::string& xlsx_bytes, int sheet_number);  // from 1
// The names of a zip archive's entries (an XLSX's parts), in its order.
std::vector<std::string> zip_entries(const std::string& zip_bytes);

}  // namespace fupin::test_support
