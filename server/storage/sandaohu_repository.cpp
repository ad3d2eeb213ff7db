#include "server/storage/sandaohu_repository.hpp"

namespace fupin::server::storage {
namespace {

// One row per household, each answer an EXISTS on its own index (measures_household, pairings_household,
// visits_household, the plans' key), so the cost grows with the households asked for, not with the county.
constexpr const char* select_households =
    "SELECT h.id, h.head_name, h.village_code, "
    "CASE WHEN EXISTS (SELECT 1 FROM assistance_plans p WHERE p.household_id = h.id AND p.year = ?) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id AND m.plan_year = ? "
    "AND m.status IN ('in_progress', 'completed')) THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM measures m JOIN measure_funds f ON f.measure_id = m.id "
    "WHERE m.household_id = h.id AND m.plan_year = ? AND m.status <> 'cancelled' AND f.paid_fen > 0) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM pairings pa WHERE pa.household_id = h.id AND pa.ended_at_ms IS NULL) "
    "THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id AND m.plan_year = ? "
    "AND m.status <> 'cancelled') AND NOT EXISTS (SELECT 1 FROM measures m WHERE m.household_id = h.id "
    "AND m.plan_year = ? AND m.status <> 'cancelled' AND m.helper_id IS NULL) THEN 1 ELSE 0 END, "
    "CASE WHEN EXISTS (SELECT 1 FROM visits v WHERE v.household_id = h.id AND v.visited_on >= ? "
    "AND v.helper_id IS NOT NULL) THEN 1 ELSE 0 END "
    "FROM households h WHERE h.status = 'registered' AND h.village_code LIKE ? ORDER BY h.village_code, h.id";

}  // namespace

std::vector<common::sandaohu_household> sandaohu_repository::households(const std::string& area_code, int year,
                                                                        const std::string& since) {
    const std::int64_t y = year;
    std::vector<common::sandaohu_household> out;
    for (const auto& r : conn_.query(select_households, {y, y, y, y, y, since, area_code + "%"})) {
        common::sandaohu_household h;
        h.household_id = r.get_int64(0);
        h.head_name = r.get_string(1);
        h.village_code = r.get_string(2);
        h.plan = r.get_int64(3) != 0;
        h.project = r.get_int64(4) != 0;
        h.funds = r.get_int64(5) != 0;
        h.responsibility = r.get_int64(6) != 0;
        h.project_person = r.get_int64(7) != 0;
        h.contact = r.get_int64(8) != 0;
        out.push_back(std::move(h));
    }
    return out;
}

}  // namespace fupin::server::storage
