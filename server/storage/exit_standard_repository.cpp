#include "server/storage/exit_standard_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* select_standards =
    "SELECT year, income_line_fen, transition_years, set_by, set_at_ms FROM exit_standards";
constexpr const char* where_year = " WHERE year = ?";
constexpr const char* order_by_year = " ORDER BY year";
constexpr const char* update_standard =
    "UPDATE exit_standards SET income_line_fen = ?, transition_years = ?, set_by = ?, set_at_ms = ? WHERE year = ?";
constexpr const char* insert_standard =
    "INSERT INTO exit_standards (year, income_line_fen, transition_years, set_by, set_at_ms) VALUES (?, ?, ?, ?, ?)";

common::exit_standard read_standard(const sql::row& r) {
    return {static_cast<int>(r.get_int64(0)), r.get_int64(1), static_cast<int>(r.get_int64(2)), r.get_string(3),
            r.get_int64(4)};
}

}  // namespace

std::optional<common::exit_standard> exit_standard_repository::find(int year) {
    auto rows = conn_.query(std::string(select_standards) + where_year, {std::int64_t{year}});
    if (rows.empty()) return std::nullopt;
    return read_standard(rows.front());
}

std::vector<common::exit_standard> exit_standard_repository::list() {
    std::vector<common::exit_standard> out;
    for (const auto& r : conn_.query(std::string(select_standards) + order_by_year)) out.push_back(read_standard(r));
    return out;
}

void exit_standard_repository::save(const common::exit_standard& s) {
    // As the poverty lines: 0 rows matched means no standard for that year yet.
    if (conn_.execute(update_standard, {s.income_line, std::int64_t{s.transition_years}, s.set_by, s.set_at_ms,
                                        std::int64_t{s.year}}) == 0)
        conn_.execute(insert_standard, {std::int64_t{s.year}, s.income_line, std::int64_t{s.transition_years},
                                        s.set_by, s.set_at_ms});
}

}  // namespace fupin::server::storage
