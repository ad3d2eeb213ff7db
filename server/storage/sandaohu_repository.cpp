#include "server/storage/sandaohu_repository.hpp"

#include <algorithm>
#include <unordered_map>

namespace fupin::server::storage {
namespace {

// Each answer is one set-wise statement over its own table (a covering index of the year's measures, the
// pairings that hold, a covering index of the recent visits), merged here by household id, instead of six
// correlated subqueries per household: at 100,000 households that is the difference between seconds and a
// fraction of one (docs/performance.md, "三到户三到人"). The statements read the whole county and the merge
// keeps the area's households: the area is the household's village now, not the village a row was recorded in
// (a file may have moved since), and joining each row to its wide household row cost more than it saved.
// Unordered: a scan of the table beats walking an index and fetching each wide row (sorted below).
// The households helped in the year: registered, or exited with their policies kept through it (脱贫不脱政策).
constexpr const char* select_households =
    "SELECT h.id, h.head_name, h.village_code FROM households h "
    "WHERE (h.status = 'registered' OR (h.status = 'exited' AND h.policies_until >= ?)) AND h.village_code LIKE ?";
constexpr const char* select_plans = "SELECT x.household_id FROM assistance_plans x";
constexpr const char* where_plans = " WHERE x.year = ?";
// Per household: whether a measure of the year is under way or done, whether money of one was paid, and whether
// one lacks a helper.
constexpr const char* select_measures =
    "SELECT x.household_id, MAX(CASE WHEN x.status IN ('in_progress', 'completed') THEN 1 ELSE 0 END), "
    "MAX(CASE WHEN x.paid_total_fen > 0 THEN 1 ELSE 0 END), "
    "MAX(CASE WHEN x.helper_id IS NULL THEN 1 ELSE 0 END) FROM measures x";
constexpr const char* where_measures = " WHERE x.plan_year = ? AND x.status <> 'cancelled' GROUP BY x.household_id";
constexpr const char* select_paired = "SELECT DISTINCT x.household_id FROM pairings x";
constexpr const char* where_paired = " WHERE x.ended_at_ms IS NULL";
constexpr const char* select_visited = "SELECT DISTINCT x.household_id FROM visits x";
constexpr const char* where_visited = " WHERE x.visited_on >= ? AND x.helper_id IS NOT NULL";

}  // namespace

std::vector<common::sandaohu_household> sandaohu_repository::households(const std::string& area_code, int year,
                                                                        const std::string& since) {
    const std::string prefix = area_code + "%";
    std::vector<common::sandaohu_household> out;
    std::unordered_map<std::int64_t, std::size_t> at;
    for (const auto& r : conn_.query(select_households, {std::int64_t{year}, prefix})) {
        common::sandaohu_household h;
        h.household_id = r.get_int64(0);
        h.head_name = r.get_string(1);
        h.village_code = r.get_string(2);
        at.emplace(h.household_id, out.size());
        out.push_back(std::move(h));
    }
    if (out.empty()) return out;
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        return a.village_code != b.village_code ? a.village_code < b.village_code : a.household_id < b.household_id;
    });
    for (std::size_t i = 0; i < out.size(); ++i) at[out[i].household_id] = i;

    const auto each = [&](const char* select, const char* where, const std::vector<sql::value>& params, auto&& mark) {
        for (const auto& r : conn_.query(std::string(select) + where, params))
            if (const auto it = at.find(r.get_int64(0)); it != at.end()) mark(out[it->second], r);
    };
    const std::int64_t y = year;
    each(select_plans, where_plans, {y}, [](auto& h, const sql::row&) { h.plan = true; });
    each(select_measures, where_measures, {y}, [](auto& h, const sql::row& r) {
        h.project = r.get_int64(1) != 0;
        h.funds = r.get_int64(2) != 0;
        h.project_person = r.get_int64(3) == 0;  // it has measures, and none lacks a helper
    });
    each(select_paired, where_paired, {}, [](auto& h, const sql::row&) { h.responsibility = true; });
    each(select_visited, where_visited, {since}, [](auto& h, const sql::row&) { h.contact = true; });
    return out;
}

}  // namespace fupin::server::storage
