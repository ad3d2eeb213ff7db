#pragma once
// A value crossing the SQL layer: a bound parameter or a result column. Four kinds cover both backends;
// booleans travel as int64 0/1, money as int64 fen, land and areas as double.
#include <cstdint>
#include <string>
#include <variant>

namespace fupin::server::sql {

using value = std::variant<std::monostate, std::int64_t, double, std::string>;

// The SQL NULL, for readable parameter lists: {sql::null, std::int64_t{3}}.
inline constexpr std::monostate null{};

}  // namespace fupin::server::sql
