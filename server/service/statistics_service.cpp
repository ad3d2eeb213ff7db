#include "server/service/statistics_service.hpp"

#include <map>
#include <set>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/statistics_repository.hpp"

namespace fupin::server::service {
namespace {

using common::keyed_tally;
using common::tally;

void add(tally& t, const tally& more) {
    t.households += more.households;
    t.people += more.people;
}

// Every code of the vocabulary in its order, with what was counted under it (0 for none).
std::vector<keyed_tally> in_order(const common::vocabulary_list& list, const std::map<std::string, tally>& counted) {
    std::vector<keyed_tally> out;
    for (const auto& entry : list.entries) {
        const auto it = counted.find(entry.code);
        out.push_back({entry.code, it == counted.end() ? tally{} : it->second});
    }
    // Codes the vocabulary no longer has (an older file's) are counted too, after the known ones.
    for (const auto& [code, count] : counted)
        if (!common::is_valid(list, code)) out.push_back({code, count});
    return out;
}

}  // namespace

common::statistics_report statistics_service::report(sql::connection& db, const principal& who, std::string area_code,
                                                     int year) const {
    if (area_code.empty()) area_code = who.area_code;
    if (year < 2000 || year > 2100)
        throw common::api_error::invalid_field("year", "invalid_value", "年度应在2000至2100之间", "year must be 2000-2100");
    const auto level = common::area_level_of_code(area_code);
    if (level != "county" && level != "township" && level != "village")
        throw common::api_error::invalid_field("area", "invalid_value", "应为县、乡镇或村的区划代码",
                                               "area must be the county, a township or a village");
    access_policy::require(who, permission::read_households, area_code);

    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::area_repository areas(db);
        const auto self = areas.find(area_code);
        if (!self) throw common::api_error::not_found("该区划", "that area");
        common::statistics_report r;
        r.area_code = area_code;
        r.area_name = self->name;
        r.area_level = self->level;
        r.year = year;

        std::map<std::string, tally> all_by_status, by_cause, by_type, by_band, by_attribute;
        std::map<std::string, tally> child_totals;
        std::map<std::string, std::map<std::string, tally>> child_by_status;
        tally total;
        storage::statistics_repository counts(db);
        const auto poor = counts.poor_villages(area_code);
        const std::set<std::string> poor_villages(poor.begin(), poor.end());
        // The scan's groups are by village (a village's own figures: by group); the area directly below is a
        // prefix of that code: a township's 9 digits for the county, the village itself for a township.
        const std::size_t child_digits = level == "county" ? 9 : level == "township" ? 12 : 15;
        for (const auto& g : counts.households(area_code)) {
            const auto child = g.place.substr(0, child_digits);
            add(total, g.count);
            add(child_totals[child], g.count);
            add(child_by_status[child][g.status], g.count);
            add(all_by_status[g.status], g.count);
            add(by_cause[g.main_cause], g.count);
            add(by_type[g.poverty_type], g.count);
            add(by_band[g.income_band], g.count);
            if (g.military_family) add(by_attribute["military_family"], g.count);
            if (g.only_child_family) add(by_attribute["only_child_family"], g.count);
            if (g.two_daughters_family) add(by_attribute["two_daughters_family"], g.count);
            if (poor_villages.count(g.place.substr(0, 12))) add(by_attribute["poor_village"], g.count);
        }
        const auto helped = counts.registered_with_helper(area_code);

        common::area_tally own{area_code, self->name, self->level, total, in_order(common::vocabulary::household_statuses, all_by_status), 0};
        for (const auto& [child, n] : helped) own.with_helper += n;
        r.areas.push_back(std::move(own));
        for (const auto& child : areas.children(area_code)) {
            common::area_tally line{child.code, child.name, child.level, {}, {}, 0};
            if (const auto it = child_totals.find(child.code); it != child_totals.end()) line.all = it->second;
            const auto statuses = child_by_status.find(child.code);
            line.by_status = in_order(common::vocabulary::household_statuses,
                                      statuses == child_by_status.end() ? std::map<std::string, tally>{} : statuses->second);
            if (const auto it = helped.find(child.code); it != helped.end()) line.with_helper = it->second;
            r.areas.push_back(std::move(line));
        }
        r.by_status = in_order(common::vocabulary::household_statuses, all_by_status);
        r.by_main_cause = in_order(common::vocabulary::poverty_causes, by_cause);
        r.by_poverty_type = in_order(common::vocabulary::poverty_types, by_type);
        r.by_income_band = in_order(common::vocabulary::income_bands, by_band);
        r.by_attribute = in_order(common::vocabulary::household_attributes, by_attribute);
        r.measures_by_category = counts.measures_by_category(area_code, year);
        r.funds_by_source = counts.funds_by_source(area_code, year);
        return r;
    });
}

}  // namespace fupin::server::service
