#include "server/service/township_progress.hpp"

#include <map>

#include "common/application_workflow.hpp"
#include "common/area.hpp"
#include "common/attachment.hpp"
#include "common/posting_period.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/campaign_repository.hpp"

namespace fupin::server::service {

bool identification_over(const std::vector<common::campaign_phase>& phases, std::chrono::year_month_day today) {
    for (const auto& p : phases)
        if (p.phase == "identification")
            if (const auto ends = common::parse_date(p.ends_on))
                return std::chrono::sys_days{today} > std::chrono::sys_days{*ends};
    return false;
}

std::vector<common::township_progress> count_township_progress(sql::connection& db, const std::string& area, int year,
                                                               bool identification_over) {
    storage::area_repository areas(db);
    std::vector<common::area> townships;
    if (common::area_level_of_code(area) == "township") {
        if (const auto t = areas.find(area)) townships.push_back(*t);
    } else {
        for (auto& a : areas.children(area))
            if (a.level == "township") townships.push_back(std::move(a));
    }
    storage::campaign_repository campaigns(db);
    const auto households = campaigns.households(area);
    const auto cases = campaigns.cases_by_state(area, year);
    const auto with_helper = campaigns.registered_with_helper(area);
    const auto with_plan = campaigns.registered_with_plan(area, year);
    std::map<std::string, std::pair<std::int64_t, std::int64_t>> files;  // registered, complete
    for (const auto& [id, f] : campaigns.registered_files(area)) {
        auto& [registered, complete] = files[f.file.township_code];
        ++registered;
        if (common::completeness_gaps(f.file, f.attachments, true).empty()) ++complete;
    }
    auto count_of = [](const std::map<std::string, std::int64_t>& m, const std::string& key) {
        const auto it = m.find(key);
        return it == m.end() ? std::int64_t{0} : it->second;
    };
    std::vector<common::township_progress> out;
    for (const auto& t : townships) {
        common::township_progress p;
        p.township_code = t.code;
        p.township_name = t.name;
        p.households = count_of(households, t.code);
        if (const auto it = cases.find(t.code); it != cases.end())
            for (const auto& [state, n] : it->second) {
                p.cases += n;
                if (state == common::application_state::registered || state == common::application_state::announced)
                    p.cases_registered += n;
                else if (state == common::application_state::refused)
                    p.cases_refused += n;
                if (!common::application_workflow::is_final(state)) {
                    p.cases_open += n;
                    // A case waiting on the county's approval or posting is the county's to move, not the
                    // township's.
                    if (identification_over && common::application_workflow::level_of(state) != "county")
                        p.cases_overdue += n;
                }
            }
        if (const auto it = files.find(t.code); it != files.end()) {
            p.registered = it->second.first;
            p.complete_files = it->second.second;
        }
        p.with_helper = count_of(with_helper, t.code);
        p.with_plan = count_of(with_plan, t.code);
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace fupin::server::service
