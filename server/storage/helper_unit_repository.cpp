#include "server/storage/helper_unit_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_unit =
    "INSERT INTO helper_units (name, level, area_code, version, created_at_ms, updated_at_ms) "
    "VALUES (?, ?, ?, 1, ?, ?)";
constexpr const char* update_unit =
    "UPDATE helper_units SET name = ?, level = ?, area_code = ?, version = version + 1, updated_at_ms = ? "
    "WHERE id = ? AND version = ?";
constexpr const char* select_units =
    "SELECT id, name, level, area_code, version, created_at_ms, updated_at_ms FROM helper_units";

common::helper_unit read_unit(const sql::row& r) {
    return {r.get_int64(0), r.get_string(1), r.get_string(2), r.get_string(3),
            r.get_int64(4), r.get_int64(5), r.get_int64(6)};
}

}  // namespace

void helper_unit_repository::insert(common::helper_unit& u, std::int64_t now_ms) {
    conn_.execute(insert_unit, {u.name, u.level, u.area_code, now_ms, now_ms});
    u.id = conn_.last_insert_id();
    u.version = 1;
    u.created_at_ms = u.updated_at_ms = now_ms;
}

bool helper_unit_repository::update(common::helper_unit& u, std::int64_t expected_version, std::int64_t now_ms) {
    if (conn_.execute(update_unit, {u.name, u.level, u.area_code, now_ms, u.id, expected_version}) == 0) return false;
    u.version = expected_version + 1;
    u.updated_at_ms = now_ms;
    return true;
}

std::optional<common::helper_unit> helper_unit_repository::find(std::int64_t id) {
    const auto rows = conn_.query(std::string(select_units) + " WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_unit(rows.front());
}

std::vector<common::helper_unit> helper_unit_repository::list() {
    // The levels from the province down, as the county lists them; CASE keeps the order out of the codes.
    std::vector<common::helper_unit> out;
    for (const auto& r : conn_.query(std::string(select_units) +
                                     " ORDER BY CASE level WHEN 'provincial' THEN 1 WHEN 'municipal' THEN 2 "
                                     "WHEN 'county' THEN 3 WHEN 'township' THEN 4 ELSE 5 END, area_code, name"))
        out.push_back(read_unit(r));
    return out;
}

}  // namespace fupin::server::storage
