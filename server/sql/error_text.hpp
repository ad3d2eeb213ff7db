#pragma once
// Database messages can quote the offending value ("Duplicate entry '5299...' for key ..."), and values
// can be ID numbers, which must not reach the log in full. These helpers keep only identifier-like quotes.
#include <string>
#include <string_view>

namespace fupin::server::sql {

// Replaces every quoted ('…', "…" or `…`) segment that is not made of letters, '_' and '.' by '…'.
std::string redact_values(std::string_view message);

// At most the first 300 bytes of a statement, for error messages.
std::string sql_excerpt(std::string_view sql);

}  // namespace fupin::server::sql
