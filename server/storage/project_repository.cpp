#include "server/storage/project_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_project =
    "INSERT INTO projects (name, category, year, area_code, content, version, created_by, created_at_ms) "
    "VALUES (?, ?, ?, ?, ?, 1, ?, ?)";
// The households served are the measures naming the project that were not cancelled.
constexpr const char* select_projects =
    "SELECT p.id, p.name, p.category, p.year, p.area_code, p.content, p.version, p.created_at_ms, "
    "(SELECT COUNT(*) FROM measures m WHERE m.project_id = p.id AND m.status <> 'cancelled'), "
    "(SELECT COALESCE(SUM(f.planned_fen), 0) FROM measure_funds f JOIN measures m ON m.id = f.measure_id "
    " WHERE m.project_id = p.id AND m.status <> 'cancelled'), "
    "(SELECT COALESCE(SUM(f.paid_fen), 0) FROM measure_funds f JOIN measures m ON m.id = f.measure_id "
    " WHERE m.project_id = p.id AND m.status <> 'cancelled') FROM projects p";

common::project read_project(const sql::row& r) {
    common::project p;
    p.id = r.get_int64(0);
    p.name = r.get_string(1);
    p.category = r.get_string(2);
    p.year = static_cast<int>(r.get_int64(3));
    p.area_code = r.get_string(4);
    p.content = r.get_string(5);
    p.version = r.get_int64(6);
    p.created_at_ms = r.get_int64(7);
    p.households = static_cast<int>(r.get_int64(8));
    p.planned = r.get_int64(9);
    p.paid = r.get_int64(10);
    return p;
}

}  // namespace

void project_repository::insert(common::project& p, const std::string& by, std::int64_t now_ms) {
    conn_.execute(insert_project, {p.name, p.category, std::int64_t{p.year}, p.area_code, p.content, by, now_ms});
    p.id = conn_.last_insert_id();
    p.version = 1;
    p.created_at_ms = now_ms;
}

std::optional<common::project> project_repository::find(std::int64_t id) {
    const auto rows = conn_.query(std::string(select_projects) + " WHERE p.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_project(rows.front());
}

std::vector<common::project> project_repository::list(const std::string& area_code, int year) {
    std::string statement = std::string(select_projects) + " WHERE p.area_code LIKE ?";
    std::vector<sql::value> params;
    params.reserve(2);  // reserved: as the vector grew, GCC 12 warned (wrongly) of an uninitialized variant
    params.emplace_back(area_code + "%");
    if (year) statement += " AND p.year = ?", params.emplace_back(std::int64_t{year});
    std::vector<common::project> out;
    for (const auto& r : conn_.query(statement + " ORDER BY p.id DESC", params)) out.push_back(read_project(r));
    return out;
}

}  // namespace fupin::server::storage
