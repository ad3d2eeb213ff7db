#include "server/storage/visit_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_visit =
    "INSERT INTO visits (household_id, village_code, helper_id, kind, visited_on, done, situation, follow_up, "
    "recorded_by, recorded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_visits =
    "SELECT v.id, v.household_id, v.village_code, v.helper_id, h.name, v.kind, v.visited_on, v.done, v.situation, "
    "v.follow_up, v.recorded_by, v.recorded_at_ms FROM visits v LEFT JOIN helpers h ON h.id = v.helper_id "
    "WHERE v.household_id = ? ORDER BY v.visited_on DESC, v.id DESC";

}  // namespace

void visit_repository::insert(common::visit& v) {
    conn_.execute(insert_visit, {v.household_id, v.village_code,
                                 v.helper_id ? sql::value(v.helper_id) : sql::value(sql::null), v.kind, v.visited_on,
                                 v.done, v.situation, v.follow_up, v.recorded_by, v.recorded_at_ms});
    v.id = conn_.last_insert_id();
}

std::vector<common::visit> visit_repository::of_household(std::int64_t household_id) {
    std::vector<common::visit> out;
    for (const auto& r : conn_.query(select_visits, {household_id})) {
        common::visit v;
        v.id = r.get_int64(0);
        v.household_id = r.get_int64(1);
        v.village_code = r.get_string(2);
        v.helper_id = r.is_null(3) ? 0 : r.get_int64(3);
        v.helper_name = r.is_null(4) ? "" : r.get_string(4);
        v.kind = r.get_string(5);
        v.visited_on = r.get_string(6);
        v.done = r.get_string(7);
        v.situation = r.get_string(8);
        v.follow_up = r.get_string(9);
        v.recorded_by = r.get_string(10);
        v.recorded_at_ms = r.get_int64(11);
        out.push_back(std::move(v));
    }
    return out;
}

}  // namespace fupin::server::storage
