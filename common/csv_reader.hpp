#pragma once
// Comma-separated text (RFC 4180) as other offices' spreadsheets write it: fields split by commas, a field in
// double quotes may hold commas, line breaks and doubled quotes; lines end in CRLF or LF. Strict: a quote inside
// an unquoted field, text after a closing quote or a quote left open is an error naming its line, so a file cut
// short or mangled is refused instead of read wrongly.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace fupin::common {

struct csv_record {
    int line = 0;  // the line where the record starts (1-based)
    std::vector<std::string> fields;
};

struct csv_table {
    std::vector<csv_record> records;  // lines of empty fields (",,,") left out
    // The first syntax error, if any: reading stops there.
    int error_line = 0;
    std::string error_zh;
    std::string error_en;
    bool ok() const { return error_line == 0; }
};

// Reads at most `max_records` records; one more is an error (the file is too long).
csv_table read_csv(std::string_view text, std::size_t max_records);

// A field without the spaces a spreadsheet leaves around a value: ASCII space and tab, the no-break space
// (U+00A0) and the ideographic space (U+3000) a Chinese input method types.
std::string trimmed_field(std::string_view s);

}  // namespace fupin::common
