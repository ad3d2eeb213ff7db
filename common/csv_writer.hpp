#pragma once
// Comma-separated text (RFC 4180) as spreadsheets read it back: a field holding a comma, a quote or a line break
// is quoted, its quotes doubled; lines end in CRLF. The counterpart of csv_reader.
#include <string>
#include <vector>

namespace fupin::common {

// The byte-order mark that makes Excel read a CSV file as UTF-8 rather than the local code page.
inline constexpr const char* utf8_bom = "\xEF\xBB\xBF";

std::string csv_field(const std::string& text);
// The fields as one line, CRLF at its end.
std::string csv_line(const std::vector<std::string>& fields);

}  // namespace fupin::common
