#include "server/storage/area_repository.hpp"

namespace fupin::server::storage {
namespace {

// The one dialect difference here: how an upsert is spelled.
constexpr const char* upsert_sqlite =
    "INSERT INTO areas (code, parent_code, level, name, poor_village) VALUES (?, ?, ?, ?, ?) "
    "ON CONFLICT (code) DO UPDATE SET parent_code = excluded.parent_code, level = excluded.level, "
    "name = excluded.name, poor_village = excluded.poor_village";
constexpr const char* upsert_mysql =
    "INSERT INTO areas (code, parent_code, level, name, poor_village) VALUES (?, ?, ?, ?, ?) "
    "ON DUPLICATE KEY UPDATE parent_code = VALUES(parent_code), level = VALUES(level), name = VALUES(name), "
    "poor_village = VALUES(poor_village)";
constexpr const char* select_by_code = "SELECT code, parent_code, level, name, poor_village FROM areas WHERE code = ?";
constexpr const char* select_children =
    "SELECT code, parent_code, level, name, poor_village FROM areas WHERE parent_code = ? ORDER BY code";
constexpr const char* count_all = "SELECT COUNT(*) FROM areas";
constexpr const char* select_within =
    "SELECT code, parent_code, level, name, poor_village FROM areas WHERE code LIKE ? ORDER BY code";

common::area read_area(const sql::row& r) {
    return common::area{r.get_string(0), r.get_string(1), r.get_string(2), r.get_string(3), r.get_int64(4) != 0};
}

}  // namespace

void area_repository::upsert(const common::area& a) {
    conn_.execute(conn_.dialect() == sql::dialect::mysql ? upsert_mysql : upsert_sqlite,
                  {a.code, a.parent_code, a.level, a.name, std::int64_t{a.poor_village ? 1 : 0}});
    conn_.record_changed(changed_record());  // household files show their areas' names
}

std::optional<common::area> area_repository::find(const std::string& code) {
    const auto rows = conn_.query(select_by_code, {code});
    if (rows.empty()) return std::nullopt;
    return read_area(rows.front());
}

std::map<std::string, common::area> area_repository::find_all(const std::vector<std::string>& codes) {
    std::map<std::string, common::area> found;
    if (codes.empty()) return found;
    // Padded to a power of two, repeating the last code, so only a few distinct statements are prepared.
    std::size_t slots = 1;
    while (slots < codes.size()) slots *= 2;
    std::string sql = "SELECT code, parent_code, level, name, poor_village FROM areas WHERE code IN (?";
    for (std::size_t i = 1; i < slots; ++i) sql += ", ?";
    sql += ")";
    std::vector<sql::value> params(codes.begin(), codes.end());
    params.resize(slots, codes.back());
    for (const auto& r : conn_.query(sql, params)) {
        auto a = read_area(r);
        found.emplace(a.code, std::move(a));
    }
    return found;
}

std::vector<common::area> area_repository::within(const std::string& code) {
    std::vector<common::area> out;
    for (const auto& r : conn_.query(select_within, {code + "%"})) out.push_back(read_area(r));
    return out;
}

std::vector<common::area> area_repository::children(const std::string& parent_code) {
    std::vector<common::area> out;
    for (const auto& r : conn_.query(select_children, {parent_code})) out.push_back(read_area(r));
    return out;
}

std::int64_t area_repository::count() { return conn_.query(count_all).at(0).get_int64(0); }

}  // namespace fupin::server::storage
