#include "server/storage/statistics_repository.hpp"

#include <stdexcept>

#include <fmt/format.h>

#include "common/area.hpp"

namespace fupin::server::storage {
namespace {

// Which households belong to the area, and which column names the area directly below it. Only these fixed
// texts reach the SQL; the area's code is a parameter.
struct area_scope {
    const char* where;  // with one parameter
    const char* child;
    std::string parameter;
};

area_scope scope_of(const std::string& area_code) {
    const auto level = common::area_level_of_code(area_code);
    if (level == "county") return {"h.township_code LIKE ?", "h.township_code", area_code + "%"};
    if (level == "township") return {"h.township_code = ?", "h.village_code", area_code};
    if (level == "village") return {"h.village_code = ?", "h.group_code", area_code};
    throw std::invalid_argument("statistics of a county, township or village only");
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
        scope.child, band, scope.where);
    std::vector<statistics_group> out;
    for (const auto& r : conn_.query(sql, {scope.parameter})) {
        statistics_group g;
        g.child = r.get_string(0);
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

common::tally statistics_repository::in_poor_villages(const std::string& area_code) {
    const auto scope = scope_of(area_code);
    const auto rows = conn_.query(
        fmt::format("SELECT COUNT(*), COALESCE(SUM(h.member_count), 0) FROM households h "
                    "JOIN areas v ON v.code = h.village_code WHERE v.poor_village = 1 AND {}",
                    scope.where),
        {scope.parameter});
    return {rows.at(0).get_int64(0), rows.at(0).get_int64(1)};
}

std::map<std::string, std::int64_t> statistics_repository::registered_with_helper(const std::string& area_code) {
    const auto scope = scope_of(area_code);
    std::map<std::string, std::int64_t> out;
    for (const auto& r : conn_.query(
             fmt::format("SELECT {0}, COUNT(*) FROM households h WHERE {1} AND h.status = 'registered' AND EXISTS "
                         "(SELECT 1 FROM pairings p WHERE p.household_id = h.id AND p.ended_at_ms IS NULL) "
                         "GROUP BY {0}",
                         scope.child, scope.where),
             {scope.parameter}))
        out[r.get_string(0)] = r.get_int64(1);
    return out;
}

std::vector<common::money_tally> statistics_repository::measures_by_category(const std::string& area_code, int year) {
    const auto scope = scope_of(area_code);
    std::vector<common::money_tally> out;
    for (const auto& r : conn_.query(
             fmt::format("SELECT m.category, COUNT(*), COUNT(DISTINCT m.household_id), "
                         "COALESCE(SUM(fp.planned), 0), COALESCE(SUM(m.paid_total_fen), 0) "
                         "FROM measures m JOIN households h ON h.id = m.household_id "
                         "LEFT JOIN (SELECT measure_id, SUM(planned_fen) AS planned FROM measure_funds "
                         "GROUP BY measure_id) fp ON fp.measure_id = m.id "
                         "WHERE m.plan_year = ? AND m.status <> 'cancelled' AND {} GROUP BY m.category ORDER BY m.category",
                         scope.where),
             {std::int64_t{year}, scope.parameter}))
        out.push_back({r.get_string(0), r.get_int64(1), r.get_int64(2), r.get_int64(3), r.get_int64(4)});
    return out;
}

std::vector<common::money_tally> statistics_repository::funds_by_source(const std::string& area_code, int year) {
    const auto scope = scope_of(area_code);
    std::vector<common::money_tally> out;
    for (const auto& r : conn_.query(
             fmt::format("SELECT f.source, COUNT(DISTINCT f.measure_id), COUNT(DISTINCT m.household_id), "
                         "COALESCE(SUM(f.planned_fen), 0), COALESCE(SUM(f.paid_fen), 0) "
                         "FROM measure_funds f JOIN measures m ON m.id = f.measure_id "
                         "JOIN households h ON h.id = m.household_id "
                         "WHERE m.plan_year = ? AND m.status <> 'cancelled' AND {} GROUP BY f.source ORDER BY f.source",
                         scope.where),
             {std::int64_t{year}, scope.parameter}))
        out.push_back({r.get_string(0), r.get_int64(1), r.get_int64(2), r.get_int64(3), r.get_int64(4)});
    return out;
}

}  // namespace fupin::server::storage
