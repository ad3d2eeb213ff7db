#include "server/service/objection_service.hpp"

#include <algorithm>
#include <stdexcept>

#include "common/application_workflow.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_input.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/case_steps.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/objection_repository.hpp"
#include "server/storage/posting_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;
namespace state = common::application_state;
namespace action = common::procedure_action;
using workflow = common::application_workflow;
using namespace case_steps;

}  // namespace

objection_service::objection_service(clock now) : now_(std::move(now)) {}

common::objection objection_service::object(sql::connection& db, const principal& who, std::int64_t application_id,
                                            common::objection in) const {
    in.objector_name = common::checked_text(in.objector_name, "objector_name", common::max_person_name_chars, true);
    in.objector_contact = common::checked_text(in.objector_contact, "objector_contact", 100, false);
    in.grounds = common::checked_text(in.grounds, "grounds", common::max_procedure_text_chars, true);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        auto a = load_case_for_update(db, who, application_id);
        const auto level = workflow::posting_level_of(a.state);
        if (!level || !a.posting_id)
            throw api_error(409, "not_on_posting", "该申请当前不在公示期,不能登记异议",
                            "the case is not on a posting; objections are raised during a posting");
        access_policy::require_step(who, workflow::objection_recorders(*level), a.village_code);
        const auto p = storage::posting_repository(db).find(*a.posting_id);
        if (!p) throw std::logic_error("a case on a posting that does not exist");
        const common::posting_period period(*common::parse_date(p->published_on), p->days);
        if (!period.running_on(today(now)))
            throw api_error(409, "posting_closed", "公示期已于" + p->last_day + "结束,不能再登记异议",
                            "the posting ended on " + p->last_day + "; objections are closed")
                .with_detail("last_day", p->last_day);
        if (in.objected_on.empty()) in.objected_on = common::format_date(today(now));
        const auto on = common::parse_date(in.objected_on);
        if (!on || !period.running_on(*on) || std::chrono::sys_days{*on} > std::chrono::sys_days{today(now)})
            throw api_error::invalid_field("objected_on", "invalid_value", "异议日期应在公示期内且不晚于今天",
                                           "objected_on must fall in the posting period and not after today");
        in.application_id = a.id;
        in.posting_id = p->id;
        in.recorded_by = who.username;
        in.recorded_at_ms = now;
        storage::objection_repository(db).insert(in);
        ++a.open_objections;
        record_step(db, who, a, action::object, a.state, "", "",
                    {{"objection_id", in.id}, {"posting_id", p->id}, {"objected_on", in.objected_on}}, now);
        return in;
    });
}

std::vector<common::objection> objection_service::list(sql::connection& db, const principal& who,
                                                             std::int64_t application_id) const {
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto a = storage::application_repository(db).find(application_id);
        if (!a) throw application_not_found();
        access_policy::require(who, permission::read_households, a->village_code);
        return storage::objection_repository(db).for_application(application_id);
    });
}

common::objection objection_service::answer(sql::connection& db, const principal& who, std::int64_t objection_id,
                                            const std::string& outcome, const std::string& answer_text,
                                            const std::string& consequence) const {
    if (outcome != "upheld" && outcome != "dismissed")
        throw api_error::invalid_field("outcome", "invalid_value", "答复结果应为 upheld(异议成立)或 dismissed(异议不成立)",
                                       "outcome must be upheld or dismissed");
    const auto text = common::checked_text(answer_text, "answer", common::max_procedure_text_chars, true);
    if (outcome == "upheld" && consequence != "refuse" && consequence != "return")
        throw api_error::invalid_field("consequence", "invalid_value",
                                       "异议成立时应说明处理:refuse(不予通过)或 return(退回重审)",
                                       "an upheld objection needs a consequence: refuse or return");
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        storage::objection_repository objections(db);
        // Lock the case, then read the objection again under that lock: the order every step takes.
        auto found = objections.find(objection_id);
        if (!found) throw api_error::not_found("该异议", "objection");
        auto a = load_case_for_update(db, who, found->application_id);
        auto o = *objections.find_for_update(objection_id);
        if (o.state != "open")
            throw api_error(409, "objection_answered", "该异议已于此前答复", "the objection was already answered");
        const auto p = storage::posting_repository(db).find(o.posting_id);
        if (!p) throw std::logic_error("an objection to a posting that does not exist");
        access_policy::require_step(who, workflow::objection_answerers(p->level), a.village_code);
        o.state = outcome;
        o.answer = text;
        o.consequence = outcome == "upheld" ? consequence : "";
        o.answered_by = who.username;
        o.answered_at_ms = now;
        objections.save_answer(o);
        a.open_objections = std::max(0, a.open_objections - 1);
        json details{{"objection_id", o.id}, {"outcome", outcome}};
        if (outcome == "dismissed" || a.posting_id != o.posting_id) {
            // Dismissed, or the case has already left that posting: the answer is recorded, the case stays.
            record_step(db, who, a, action::answer, a.state, "", outcome == "upheld" ? text : "", std::move(details), now);
            return o;
        }
        details["consequence"] = consequence;
        std::optional<std::string_view> target = state::refused;
        if (consequence == "return") target = workflow::return_target(a.state);
        leave(db, who, a, action::answer, target.value_or(state::refused), "", text, std::move(details), o.id, now);
        return o;
    });
}

}  // namespace fupin::server::service
