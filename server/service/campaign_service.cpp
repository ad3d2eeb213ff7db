#include "server/service/campaign_service.hpp"

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/service/township_progress.hpp"
#include "server/storage/campaign_repository.hpp"

namespace fupin::server::service {
common::api_error campaign_service::not_set(int year) {
    return common::api_error(404, "campaign_not_set", std::to_string(year) + "年度的工作阶段尚未设定",
                             "no campaign is set for " + std::to_string(year));
}

campaign_service::campaign_service(clock now) : now_(std::move(now)) {}

common::campaign campaign_service::set(sql::connection& db, const principal& who, int year,
                                       const std::vector<common::campaign_phase>& phases) const {
    access_policy::require(who, permission::run_campaign);
    common::validate_campaign_phases(phases);
    common::campaign c{year, phases, who.username, now_()};
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::campaign_repository(db).set(c);
        nlohmann::json list = nlohmann::json::array();
        for (const auto& p : phases) list.push_back({{"phase", p.phase}, {"starts_on", p.starts_on}, {"ends_on", p.ends_on}});
        audit_trail::record(db, audit_actor::of(who), "campaign.set", "campaign/" + std::to_string(year), "ok",
                            {{"phases", list}}, c.set_at_ms);
    });
    return c;
}

common::campaign campaign_service::get(sql::connection& db, const principal& who, int year) const {
    access_policy::require(who, permission::read_households);
    auto found = run_in_transaction(db, sql::tx_mode::read, [&] { return storage::campaign_repository(db).find(year); });
    if (!found) throw not_set(year);
    return *found;
}

common::campaign_progress campaign_service::progress(sql::connection& db, const principal& who, int year,
                                                     const std::string& asked) const {
    // Progress is counted by township: a village's office has none of its own to read.
    if (common::area_level_of_code(who.area_code) == "village")
        throw common::api_error(403, "access_denied", "工作进度按乡镇统计，村级账号不能查看",
                                "progress is counted by township: a village's account cannot read it");
    const auto area = access_policy::listed_area(who, asked);
    const auto level = common::area_level_of_code(area);
    if (level != "county" && level != "township")
        throw common::api_error(400, "invalid_parameter", "进度按乡镇统计：area 应为县或乡镇的区划代码",
                                "progress is counted by township: area must be the county or a township", "area");
    const auto today = common::china_date_of_ms(now_());
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::campaign_repository campaigns(db);
        const auto c = campaigns.find(year);
        if (!c) throw not_set(year);
        common::campaign_progress out;
        out.year = year;
        out.as_of = common::format_date(today);
        out.current_phase = common::phase_on(c->phases, today);
        out.phases = c->phases;

        out.townships = count_township_progress(db, area, year, identification_over(c->phases, today));
        return out;
    });
}

}  // namespace fupin::server::service
