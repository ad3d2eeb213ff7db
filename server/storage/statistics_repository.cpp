#include "server/storage/statistics_repository.hpp"

#include <algorithm>
#include <stdexcept>

#include <fmt/format.h>

#include "common/area.hpp"

namespace fupin::server::storage {
namespace {

// Which households belong to the area and which column names the area directly below it. Only these fixed
// texts reach the SQL; the area's code is a parameter. The county's measures need no join with the households:
// an archive is one county's. A county's and a township's households are counted from the tallies kept by
// village (migration 027); a village's, by group, from its own households.
struct area_scope {
    const char* where;  // with one parameter
    const char* child;
    std::string parameter;
    bool whole_archive = false;
    bool tallied = true;
};

area_scope scope_of(const std::string& area_code) {
    const auto level = common::area_level_of_code(area_code);
    if (level == "county") return {"h.township_code LIKE ?", "h.township_code", area_code + "%", true};
    if (level == "township") return {"h.township_code = ?", "h.village_code", area_code};
    if (level == "village") return {"h.village_code = ?", "h.group_code", area_code, false, false};
    throw std::invalid_argument("statistics of a county, township or village only");
}

// The tallies of the villages whose code begins with the parameter, one row per combination.
constexpr const char* select_tallies =
    "SELECT village_code, status, main_cause, poverty_type, income_band, military_family, only_child_family, "
    "two_daughters_family, households, people FROM household_tallies WHERE village_code LIKE ? AND households > 0";
// A village's households grouped by group and the same combination.
constexpr const char* select_village_groups =
    "SELECT h.group_code, h.status, h.main_cause, h.poverty_type, h.income_band, h.military_family, "
    "h.only_child_family, h.two_daughters_family, COUNT(*), SUM(h.member_count) FROM households h "
    "WHERE h.village_code = ? GROUP BY h.group_code, h.status, h.main_cause, h.poverty_type, h.income_band, "
    "h.military_family, h.only_child_family, h.two_daughters_family";

// The year's measures (alias m) or funds (alias f, which keep their measure's household, year and status:
// migration 028) of the area, not cancelled: the JOIN and WHERE after FROM, with the year and (unless the whole
// archive) the area's code to bind.
std::string year_of(const area_scope& scope, const char* alias, const char* status) {
    if (scope.whole_archive) return fmt::format(" WHERE {0}.plan_year = ? AND {0}.{1} <> 'cancelled'", alias, status);
    return fmt::format(" JOIN households h ON h.id = {0}.household_id WHERE {0}.plan_year = ? AND {0}.{1} <> 'cancelled' "
                       "AND {2}",
                       alias, status, scope.where);
}

std::vector<sql::value> measure_parameters(const area_scope& scope, int year) {
    if (scope.whole_archive) return {std::int64_t{year}};
    return {std::int64_t{year}, scope.parameter};
}

}  // namespace

std::vector<statistics_group> statistics_repository::households(const std::string& area_code) {
    const auto scope = scope_of(area_code);
    const auto rows = scope.tallied ? conn_.query(select_tallies, {area_code + "%"})
                                    : conn_.query(select_village_groups, {area_code});
    std::vector<statistics_group> out;
    for (const auto& r : rows) {
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
             "SELECT m.category, COUNT(*), COUNT(DISTINCT m.household_id), COALESCE(SUM(m.planned_total_fen), 0), "
             "COALESCE(SUM(m.paid_total_fen), 0) FROM measures m" +
                 year_of(scope, "m", "status") + " GROUP BY m.category ORDER BY m.category",
             measure_parameters(scope, year)))
        out.push_back({r.get_string(0), r.get_int64(1), r.get_int64(2), r.get_int64(3), r.get_int64(4)});
    return out;
}

std::vector<common::money_tally> statistics_repository::funds_by_source(const std::string& area_code, int year) {
    const auto scope = scope_of(area_code);
    std::vector<common::money_tally> out;
    for (const auto& r : conn_.query(
             "SELECT f.source, COUNT(*), COUNT(DISTINCT f.household_id), COALESCE(SUM(f.planned_fen), 0), "
             "COALESCE(SUM(f.paid_fen), 0) FROM measure_funds f" +
                 year_of(scope, "f", "measure_status") + " GROUP BY f.source ORDER BY f.source",
             measure_parameters(scope, year)))
        out.push_back({r.get_string(0), r.get_int64(1), r.get_int64(2), r.get_int64(3), r.get_int64(4)});
    return out;
}

}  // namespace fupin::server::storage
