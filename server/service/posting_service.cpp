#include "server/service/posting_service.hpp"

#include <algorithm>

#include "common/application_workflow.hpp"
#include "common/area.hpp"
#include "common/china_date.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/case_steps.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/posting_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;
namespace action = common::procedure_action;
using workflow = common::application_workflow;
using namespace case_steps;

}  // namespace

posting_service::posting_service(clock now, common::posting_days days) : now_(std::move(now)), days_(days) {}

common::posting posting_service::publish(sql::connection& db, const principal& who, const std::string& level,
                                           const std::string& area_code, int year,
                                           std::vector<std::int64_t> ids) const {
    quota_service::check_year(year);
    const auto before = workflow::state_before_posting(level);
    if (!before)
        throw api_error::invalid_field("level", "invalid_value",
                                       "公示层级应为 " + common::allowed_codes(common::vocabulary::posting_levels),
                                       "level must be one of " + common::allowed_codes(common::vocabulary::posting_levels));
    // A village's list (first posting, result, an exit's village posting) is posted in a village, the second in
    // a township, the third and an exit's announcement in the county.
    if (common::area_level_of_code(area_code) != workflow::posting_area_level(level))
        throw api_error::invalid_field("area_code", "invalid_value", "区划代码与公示层级不符",
                                       "area_code does not fit the posting's level");
    if (ids.size() > 5000)
        throw api_error::invalid_field("application_ids", "invalid_value", "一次公示不能超过5000件",
                                       "a posting holds at most 5000 cases");
    const auto* t = workflow::find(action::post, *before);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        const auto area = storage::area_repository(db).find(area_code);
        if (!area) throw api_error::not_found("该区划", "that area");
        access_policy::require_step(who, t->roles, area_code);
        storage::application_repository apps(db);
        if (ids.empty()) ids = apps.ids_in_state(area_code, year, std::string(*before));
        if (ids.empty())
            throw api_error(409, "nothing_to_post", "没有可列入此次公示的申请", "no case is ready for this posting");
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());

        std::vector<common::application> cases;
        for (auto id : ids) {
            auto a = load_case_for_update(db, who, id);
            if (a.year != year || a.village_code.compare(0, area_code.size(), area_code) != 0)
                throw api_error(409, "not_in_posting_area", "第" + std::to_string(id) + "号申请不属于该区划或年度",
                                "case " + std::to_string(id) + " is not of this area and year")
                    .with_detail("application_id", std::to_string(id));
            if (a.state != *before) throw out_of_order(a, action::post);
            cases.push_back(std::move(a));
        }
        // The list reads in the panel's ranking within each village.
        std::stable_sort(cases.begin(), cases.end(), [](const auto& x, const auto& y) {
            if (x.village_code != y.village_code) return x.village_code < y.village_code;
            return x.appraisal_rank.value_or(1 << 30) < y.appraisal_rank.value_or(1 << 30);
        });

        // An exit's postings run as long as identification's of the same area.
        const auto area_level = workflow::posting_area_level(level);
        const int days = level == "result"          ? days_.result
                         : area_level == "village"  ? days_.village
                         : area_level == "township" ? days_.township
                                                    : days_.county;
        const common::posting_period period(today(now), days);
        common::posting p;
        p.level = level;
        p.area_code = area_code;
        p.area_name = area->name;
        p.year = year;
        p.published_on = common::format_date(period.published_on());
        p.days = days;
        p.last_day = common::format_date(period.last_day());
        p.next_step_on = common::format_date(period.next_step_on());
        p.published_at_ms = now;
        p.published_by = who.username;
        int position = 0;
        for (const auto& a : cases)
            p.entries.push_back({a.id, ++position, a.head_name, a.village_code, a.village_name, a.group_code,
                                 a.group_name, a.household_size, a.per_capita_net_income, a.main_cause,
                                 a.appraisal_rank});
        storage::posting_repository(db).insert(p);

        for (auto& a : cases) {
            a.posting_id = level == "result" ? std::nullopt : std::optional<std::int64_t>(p.id);
            record_step(db, who, a, action::post, t->to_state, "", "",
                        {{"posting_id", p.id}, {"level", level}, {"last_day", p.last_day},
                         {"next_step_on", p.next_step_on}},
                        now);
        }
        const json summary{{"posting_id", p.id},       {"level", level},         {"area_code", area_code},
                           {"area_name", area->name},  {"year", year},           {"published_on", p.published_on},
                           {"last_day", p.last_day},   {"next_step_on", p.next_step_on},
                           {"households", p.entries.size()}};
        event_outbox::append(db, "posting.published", "posting/" + std::to_string(p.id),
                             event_scope::of_area(area_code),
                             summary, summary, now);
        audit_trail::record(db, audit_actor::of(who), "posting.publish", "posting/" + std::to_string(p.id), "ok",
                            {{"level", level}, {"area_code", area_code}, {"cases", p.entries.size()}}, now);
        return p;
    });
}

common::posting posting_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    // Postings are public lists: every user of the county may read every one.
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        auto p = storage::posting_repository(db).find(id);
        if (!p) throw api_error::not_found("该公示", "posting");
        return std::move(*p);
    });
}

std::vector<common::posting> posting_service::list(sql::connection& db, const principal& who,
                                                              const std::string& area_code, int year,
                                                              const std::string& level) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read,
                              [&] { return storage::posting_repository(db).list(area_code, year, level); });
}

}  // namespace fupin::server::service
