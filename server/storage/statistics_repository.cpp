#include "server/storage/statistics_repository.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "common/area.hpp"

namespace fupin::server::storage {
namespace {

// Which households belong to the area, which column names the area directly below it, and which place the
// grouped scan groups by. Only these fixed texts reach the SQL; the area's code is a parameter. The county's
// measures need no join with the households: an archive is one county's.
struct area_scope {
    const char* where;  // with one parameter
    const char* child;
    const char* place;
    std::string parameter;
    bool whole_archive = false;
};

area_scope scope_of(const std::string& area_code) {
    const auto level = common::area_level_of_code(area_code);
    if (level == "county") return {"h.township_code LIKE ?", "h.township_code", "h.village_code", area_code + "%", true};
    if (level == "township") return {"h.township_code = ?", "h.village_code", "h.village_code", area_code};
    if (level == "village") return {"h.village_code = ?", "h.group_code", "h.group_code", area_code};
    throw std::invalid_argument("statistics of a county, township or village only");
}

// The year's measures of the area, not cancelled: FROM and WHERE, with the year and (unless the whole archive)
// the area's code to bind.
std::string measures_of(const area_scope& scope) {
    if (scope.whole_archive) return " WHERE m.plan_year = ? AND m.status <> 'cancelled'";
    return fmt::format(" JOIN households h ON h.id = m.household_id WHERE m.plan_year = ? AND m.status <> 'cancelled' "
                       "AND {}",
                       scope.where);
}

std::vector<sql::value> measure_parameters(const area_scope& scope, int year) {
    if (scope.whole_archive) return {std::int64_t{year}};
    return {std::int64_t{year}, scope.parameter};
}

// The income band of a household's per-capita net income, from the one table of bands.
std::string band_case() {
    const auto& bands = common::income_band_starts();
    std::string sql = "CASE";
    for (auto it = bands.rbegin(); it + 1 != bands.rend(); ++it)
        sql += fmt::format(" WHEN h.per_capita_net_income_fen >= {} THEN '{}'", it->from, it->code);
    return sql + fmt::format(" ELSE '{}' END", bands.front().code);
}

}  // namespace

std::vector<statistics_group> statistics_repository::households(const std::string& area_code) {
    const auto scope = scope_of(area_code);
    const std::string band = band_case();
    const auto sql = fmt::format(
        "SELECT {0}, h.status, h.main_cause, h.poverty_type, {1}, h.military_family, h.only_child_family, "
        "h.two_daughters_family, COUNT(*), SUM(h.member_count) FROM households h WHERE {2} "
        "GROUP BY {0}, h.status, h.main_cause, h.poverty_type, {1}, h.military_family, h.only_child_family, "
        "h.two_daughters_family",
        scope.place, band, scope.where);
    std::vector<statistics_group> out;
    for (const auto& r : conn_.query(sql, {scope.parameter})) {
        statistics_group g;
        g.place = r.get_string(0);
        g.status = r.get_string(1);
        g.main_cause = r.get_string(2);
        g.poverty_type = r.get_string(3);
        g.income_band = r.get_string(4);
        g.military_family = r.get_int64(5) != 0;
        g.only_child_family = r.get_int64(6) != 0;
        g.two_daughters_family = r.get_int64(7) != 0;
        g.count = {r.get_int64(8), r.get_int64(9)};
        out.push_back(std::move(g));
    }
    return out;
}

std::vector<std::string> statistics_repository::poor_villages(const std::string& area_code) {
    std::vector<std::string> out;
    for (const auto& r : conn_.query("SELECT code FROM areas WHERE level = 'village' AND poor_village = 1 AND "
                                     "code LIKE ? ORDER BY code",
                                     {area_code.substr(0, std::min<std::size_t>(area_code.size(), 12)) + "%"}))
        out.push_back(r.get_string(0));
    return out;
}

std::map<std::string, std::int64_t> statistics_repository::registered_with_helper(const std::string& area_code) {
    const auto scope = scope_of(area_code);
    std::map<std::string, std::int64_t> out;
    // From the pairings that hold (far fewer than the households), each household once.
    for (const auto& r : conn_.query(
             fmt::format("SELECT {0}, COUNT(DISTINCT h.id) FROM pairings p JOIN households h ON h.id = p.household_id "
                         "WHERE p.ended_at_ms IS NULL AND h.status = 'registered' AND {1} GROUP BY {0}",
                         scope.child, scope.where),
             {scope.parameter}))
        out[r.get_string(0)] = r.get_int64(1);
    return out;
}

std::vector<common::money_tally> statistics_repository::measures_by_category(const std::string& area_code, int year) {
    const auto scope = scope_of(area_code);
    std::vector<common::money_tally> out;
    for (const auto& r : conn_.query(
             "SELECT m.category, COUNT(DISTINCT m.id), COUNT(DISTINCT m.household_id), "
             "COALESCE(SUM(f.planned_fen), 0), COALESCE(SUM(f.paid_fen), 0) "
             "FROM measures m LEFT JOIN measure_funds f ON f.measure_id = m.id" +
                 measures_of(scope) + " GROUP BY m.category ORDER BY m.category",
             measure_parameters(scope, year)))
        out.push_back({r.get_string(0), r.get_int64(1), r.get_int64(2), r.get_int64(3), r.get_int64(4)});
    return out;
}

std::vector<common::money_tally> statistics_repository::funds_by_source(const std::string& area_code, int year) {
    const auto scope = scope_of(area_code);
    std::vector<common::money_tally> out;
    for (const auto& r : conn_.query(
             "SELECT f.source, COUNT(DISTINCT f.measure_id), COUNT(DISTINCT m.household_id), "
             "COALESCE(SUM(f.planned_fen), 0), COALESCE(SUM(f.paid_fen), 0) "
             "FROM measure_funds f JOIN measures m ON m.id = f.measure_id" +
                 measures_of(scope) + " GROUP BY f.source ORDER BY f.source",
             measure_parameters(scope, year)))
        out.push_back({r.get_string(0), r.get_int64(1), r.get_int64(2), r.get_int64(3), r.get_int64(4)});
    return out;
}

}  // namespace fupin::server::storage
