#include "server/service/case_steps.hpp"

#include <stdexcept>

#include "common/application_workflow.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/exit_json.hpp"
#include "common/procedure_json.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/exit_standard_service.hpp"
#include "server/service/quota_service.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/objection_repository.hpp"
#include "server/storage/posting_repository.hpp"

namespace fupin::server::service::case_steps {

using common::api_error;
using nlohmann::json;
namespace state = common::application_state;
namespace action = common::procedure_action;
using workflow = common::application_workflow;

namespace {

std::string record_of(std::int64_t id) { return "application/" + std::to_string(id); }

const std::string& zh(const common::vocabulary_list& list, std::string_view code) {
    return common::label(list, code, common::language::zh);
}
const std::string& en(const common::vocabulary_list& list, std::string_view code) {
    return common::label(list, code, common::language::en);
}

// The public part of an event about a case: no name, no ID number, nothing personal.
json public_case_summary(const common::application& a, std::string_view act) {
    return {{"application_id", a.id},   {"kind", a.kind}, {"year", a.year},         {"action", act},
            {"state", a.state},         {"township_code", a.township_code}, {"township_name", a.township_name},
            {"village_code", a.village_code}, {"village_name", a.village_name}};
}

// A case leaving its posting (refused or returned) takes its open objections with it: each is closed as upheld
// together with the one that decided, so none stays open on a case that moved.
void close_open_objections(sql::connection& db, const principal& who, common::application& a, std::int64_t decided_by,
                           const std::string& consequence, std::int64_t now) {
    storage::objection_repository objections(db);
    for (auto o : objections.for_application(a.id, true)) {
        if (o.id == decided_by) continue;
        o.state = "upheld";
        o.answer = decided_by ? "随第" + std::to_string(decided_by) + "号异议一并处理" : "案件已不予通过或退回,一并处理";
        o.consequence = consequence;
        o.answered_by = who.username;
        o.answered_at_ms = now;
        objections.save_answer(o);
        // Closed by the step, not answered one by one: each still gets its own entry, so the trail shows what
        // became of every objection a resident raised.
        audit_trail::record(db, audit_actor::of(who), "objection.close", "objection/" + std::to_string(o.id), "ok",
                            json{{"application_id", a.id},
                                 {"state", o.state},
                                 {"consequence", consequence},
                                 {"with_objection", decided_by ? json(decided_by) : json(nullptr)}},
                            now);
    }
    a.open_objections = 0;
}

}  // namespace

api_error application_not_found() { return api_error::not_found("该申请", "application"); }

api_error out_of_order(const common::application& a, std::string_view wanted) {
    std::string next_zh, next_en, next_codes;
    for (const auto* t : workflow::next_steps(a.state)) {
        if (!next_codes.empty()) next_zh += "、", next_en += ", ", next_codes += ",";
        next_zh += zh(common::vocabulary::procedure_actions, t->action);
        next_en += en(common::vocabulary::procedure_actions, t->action);
        next_codes += t->action;
    }
    api_error e(409, "step_out_of_order",
                "申请当前为“" + zh(common::vocabulary::application_states, a.state) + "”,不能进行“" +
                    zh(common::vocabulary::procedure_actions, wanted) + "”" +
                    (next_zh.empty() ? std::string("(程序已结束)") : "(下一步应为:" + next_zh + ")"),
                "the case is " + en(common::vocabulary::application_states, a.state) + "; " +
                    en(common::vocabulary::procedure_actions, wanted) + " is not its next step" +
                    (next_en.empty() ? std::string(" (the procedure has ended)") : " (next: " + next_en + ")"));
    e.with_detail("state", a.state).with_detail("next", next_codes).with_detail("application_id", std::to_string(a.id));
    return e;
}

api_error not_eligible(const common::identification_verdict& v) {
    std::string why_zh, why_en, codes;
    for (const auto& r : v.reasons) {
        if (r.code.rfind("priority_", 0) == 0 || r.code == "below_line") continue;  // not why it fails
        if (!codes.empty()) why_zh += ";", why_en += "; ", codes += ",";
        why_zh += r.zh;
        why_en += r.en;
        codes += r.code;
    }
    api_error e(409, "not_eligible", "该户不符合扶贫对象识别条件:" + why_zh,
                "the household does not qualify: " + why_en);
    e.with_detail("reasons", codes);
    return e;
}

api_error exit_standard_not_met(const common::exit_verdict& v) {
    std::string why_zh, why_en, codes;
    for (const auto& r : v.shortfalls) {
        if (!codes.empty()) why_zh += ";", why_en += "; ";
        if (codes.find(r.code) == std::string::npos) codes += (codes.empty() ? "" : ",") + r.code;
        why_zh += r.zh;
        why_en += r.en;
    }
    api_error e(409, "exit_standard_not_met", "该户尚未达到脱贫标准:" + why_zh,
                "the household does not meet the exit standard: " + why_en);
    e.with_detail("reasons", codes);
    return e;
}

std::chrono::year_month_day today(std::int64_t now) { return common::china_date_of_ms(now); }

// Everything a step writes besides the case itself: its history row, its event and its audit entry.
void record_step(sql::connection& db, const principal& who, common::application& a, std::string_view act,
                 std::string_view to_state, const std::string& note, const std::string& reason, json details,
                 std::int64_t now) {
    const std::string from = a.state;
    const auto expected = a.version;
    a.state = std::string(to_state);
    storage::application_repository apps(db);
    if (!apps.update(a, expected, now)) {
        // The row is locked by this transaction, so this means a bug rather than a race; say so plainly.
        throw api_error(409, "version_conflict", "该申请已被他人处理,请重新读取", "the case was changed meanwhile; read it again");
    }
    common::application_step s;
    s.action = std::string(act);
    s.from_state = from;
    s.to_state = a.state;
    s.at_ms = now;
    s.username = who.username;
    s.role = who.role;
    s.note = note;
    s.reason = reason;
    s.details = details.is_null() ? "{}" : details.dump();
    apps.add_step(a.id, s);
    a.steps.push_back(s);

    json summary{{"application_id", a.id}, {"household_id", a.household_id}, {"kind", a.kind}, {"year", a.year},
                 {"action", act},          {"from_state", from},             {"to_state", a.state},
                 {"head_name", a.head_name}, {"village_name", a.village_name}, {"by", who.username}};
    if (!reason.empty()) summary["reason"] = reason;
    // Postings, registrations and exits are public acts (两个公认); the rest stays within the case's area.
    const bool is_public = act == action::post || act == action::register_household || act == action::exit_household;
    json changes{{"state", {{"before", from}, {"after", a.state}}}};
    if (!reason.empty()) changes["reason"] = reason;
    // Made before the outbox's head is taken: from there to the commit, writes run one at a time.
    auto entry = audit_trail::prepare(audit_actor::of(who), "application." + std::string(act), record_of(a.id), "ok",
                                      changes, now);
    event_outbox::append(db, "application." + std::string(act), record_of(a.id), {a.township_code, a.village_code},
                         summary, is_public ? public_case_summary(a, act) : json(nullptr), now);
    audit_trail::append(db, entry);
}

common::household load_household(sql::connection& db, std::int64_t id) {
    auto h = storage::household_repository(db).find(id);
    if (!h) throw api_error::not_found("该户档案", "household file");
    return std::move(*h);
}

json judge_case(sql::connection& db, std::string_view kind, std::int64_t household_id, int year, std::int64_t now,
                std::int64_t application_id) {
    auto naming_the_case = [&](api_error e) {
        if (application_id) e.with_detail("application_id", std::to_string(application_id));
        return e;
    };
    const auto h = load_household(db, household_id);
    if (kind == common::case_kind::exit) {
        const auto verdict = common::exit_rules::judge(h, exit_standard_service::standard_of(db, year),
                                                       common::format_date(today(now)));
        if (!verdict.meets) throw naming_the_case(exit_standard_not_met(verdict));
        return common::to_json(verdict);
    }
    const auto verdict = common::identification_rules::judge(h, quota_service::line_of(db, year), year);
    if (!verdict.eligible) throw naming_the_case(not_eligible(verdict));
    return common::to_json(verdict);
}

// Where a case goes when it leaves its level: refused (final) or back to an earlier step.
void leave(sql::connection& db, const principal& who, common::application& a, std::string_view act,
           std::string_view target, const std::string& note, const std::string& reason, json details,
           std::int64_t decided_by_objection, std::int64_t now) {
    close_open_objections(db, who, a, decided_by_objection, target == state::refused ? "refuse" : "return", now);
    if (a.posting_id) details["posting_id"] = *a.posting_id;
    a.posting_id.reset();
    if (target == state::applied || target == state::group_appraised) a.appraisal_rank.reset();
    record_step(db, who, a, act, target, note, reason, std::move(details), now);
}

void require_posting_over(sql::connection& db, const common::application& a, std::int64_t now, json& details) {
    if (!a.posting_id) throw std::logic_error("a posted case without its posting");
    const auto p = storage::posting_repository(db).find(*a.posting_id);
    if (!p) throw std::logic_error("a case on a posting that does not exist");
    const common::posting_period period(*common::parse_date(p->published_on), p->days);
    if (!period.over_on(today(now)))
        throw api_error(409, "posting_not_over",
                        "公示期至" + p->last_day + "止,公示期满后(" + p->next_step_on + "起)方可进行下一步",
                        "the posting runs through " + p->last_day + "; the next step is allowed from " +
                            p->next_step_on)
            .with_detail("last_day", p->last_day)
            .with_detail("next_step_on", p->next_step_on)
            .with_detail("application_id", std::to_string(a.id));
    if (a.open_objections > 0)
        throw api_error(409, "objection_pending",
                        "该申请有" + std::to_string(a.open_objections) + "件异议尚未核实答复,暂停办理",
                        "the case is held: " + std::to_string(a.open_objections) + " objection(s) are not answered")
            .with_detail("open_objections", std::to_string(a.open_objections))
            .with_detail("application_id", std::to_string(a.id));
    details["posting_id"] = p->id;
}

common::application load_case_for_update(sql::connection& db, const principal& who, std::int64_t id) {
    auto a = storage::application_repository(db).find_for_update(id);
    if (!a) throw application_not_found();
    access_policy::require(who, permission::read_households, a->village_code);
    return std::move(*a);
}

}  // namespace fupin::server::service::case_steps
