#include "server/storage/poverty_line_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* select_lines = "SELECT year, amount_fen, set_by, set_at_ms FROM poverty_lines";
constexpr const char* where_year = " WHERE year = ?";
constexpr const char* order_by_year = " ORDER BY year";
constexpr const char* update_line = "UPDATE poverty_lines SET amount_fen = ?, set_by = ?, set_at_ms = ? WHERE year = ?";
constexpr const char* insert_line = "INSERT INTO poverty_lines (year, amount_fen, set_by, set_at_ms) VALUES (?, ?, ?, ?)";

common::poverty_line read_line(const sql::row& r) {
    return {static_cast<int>(r.get_int64(0)), r.get_int64(1), r.get_string(2), r.get_int64(3)};
}

}  // namespace

std::optional<common::poverty_line> poverty_line_repository::find(int year) {
    auto rows = conn_.query(std::string(select_lines) + where_year, {std::int64_t{year}});
    if (rows.empty()) return std::nullopt;
    return read_line(rows.front());
}

std::vector<common::poverty_line> poverty_line_repository::list() {
    std::vector<common::poverty_line> out;
    for (const auto& r : conn_.query(std::string(select_lines) + order_by_year)) out.push_back(read_line(r));
    return out;
}

void poverty_line_repository::save(const common::poverty_line& l) {
    // MySQL counts a matched row even when nothing changed, so 0 means: no line for that year yet.
    if (conn_.execute(update_line, {l.amount, l.set_by, l.set_at_ms, std::int64_t{l.year}}) == 0)
        conn_.execute(insert_line, {std::int64_t{l.year}, l.amount, l.set_by, l.set_at_ms});
}

}  // namespace fupin::server::storage
