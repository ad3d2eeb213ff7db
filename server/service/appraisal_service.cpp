#include "server/service/appraisal_service.hpp"

#include <algorithm>
#include <map>

#include "common/application_workflow.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_input.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/case_steps.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/appraisal_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;
namespace state = common::application_state;
namespace action = common::procedure_action;
using workflow = common::application_workflow;
using namespace case_steps;

std::vector<common::ranking_entry> ranking_of(sql::connection& db, const std::vector<std::int64_t>& ids) {
    storage::application_repository apps(db);
    std::vector<common::ranking_entry> entries;
    for (auto id : ids) {
        const auto a = apps.find(id);
        auto e = common::identification_rules::indicators(load_household(db, a->household_id));
        e.application_id = id;
        entries.push_back(std::move(e));
    }
    common::identification_rules::rank(entries);
    return entries;
}

}  // namespace

appraisal_service::appraisal_service(clock now) : now_(std::move(now)) {}

std::vector<common::ranking_entry> appraisal_service::proposal(sql::connection& db, const principal& who,
                                                               const std::string& village_code, int year) const {
    quota_service::check_year(year);
    access_policy::require(who, permission::read_households, village_code);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        return ranking_of(db, storage::application_repository(db).ids_in_state(village_code, year,
                                                                                 std::string(state::village_verified)));
    });
}

common::appraisal appraisal_service::appraise(sql::connection& db, const principal& who, common::appraisal in) const {
    quota_service::check_year(in.year);
    if (in.village_code.size() != 12)
        throw api_error::invalid_field("village_code", "invalid_value", "村代码应为12位", "village_code has 12 digits");
    const auto now = now_();
    const auto meeting = common::parse_date(in.meeting_date);
    if (!meeting || std::chrono::sys_days{*meeting} > std::chrono::sys_days{today(now)})
        throw api_error::invalid_field("meeting_date", "invalid_value", "评议日期应为不晚于今天的日期(YYYY-MM-DD)",
                                       "meeting_date must be a date (YYYY-MM-DD) no later than today");
    common::check_panel(in.panel);
    const int panel_size = static_cast<int>(in.panel.size());

    const auto* t = workflow::find(action::appraise, state::village_verified);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        access_policy::require_step(who, t->roles, in.village_code);
        storage::application_repository apps(db);
        const auto ids = apps.ids_in_state(in.village_code, in.year, std::string(state::village_verified));
        if (ids.empty())
            throw api_error(409, "nothing_to_appraise", "该村本年度没有待民主评议(已核实)的申请",
                            "the village has no verified case to appraise this year");
        common::check_appraisal_results(in.results, ids, in.panel.size());
        const int n = static_cast<int>(ids.size());

        // Lock every case before writing anything (see step_many), and read each state again under its lock: a
        // refusal committed since the list was read must not be overwritten.
        for (auto id : ids) {
            const auto locked = load_case_for_update(db, who, id);
            if (locked.state != state::village_verified) throw out_of_order(locked, action::appraise);
        }
        std::map<std::int64_t, int> proposed;
        for (const auto& e : ranking_of(db, ids)) proposed[e.application_id] = e.rank;
        in.id = 0;
        in.recorded_by = who.username;
        in.recorded_at_ms = now;
        for (auto& res : in.results) res.proposed_rank = proposed[res.application_id];
        storage::appraisal_repository(db).insert(in);

        auto ordered = in.results;
        std::sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) { return x.application_id < y.application_id; });
        for (const auto& res : ordered) {
            auto a = load_case_for_update(db, who, res.application_id);
            json details{{"appraisal_id", in.id},        {"meeting_date", in.meeting_date},
                         {"panel_size", panel_size},      {"proposed_rank", res.proposed_rank},
                         {"final_rank", res.final_rank},  {"votes_for", res.votes_for},
                         {"votes_against", res.votes_against}, {"votes_abstain", res.votes_abstain}};
            if (res.votes_for * 2 > panel_size) {
                a.appraisal_rank = res.final_rank;
                record_step(db, who, a, action::appraise, t->to_state, "", "", std::move(details), now);
            } else {
                const auto reason = "民主评议赞成票未过半数(" + std::to_string(res.votes_for) + "/" +
                                    std::to_string(panel_size) + ")";
                record_step(db, who, a, action::appraise, state::refused, "", reason, std::move(details), now);
            }
        }
        audit_trail::record(db, audit_actor::of(who), "appraisal.record", "appraisal/" + std::to_string(in.id), "ok",
                            {{"village_code", in.village_code}, {"year", in.year}, {"cases", n}}, now);
        return in;
    });
}

}  // namespace fupin::server::service
