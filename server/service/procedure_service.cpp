#include "server/service/procedure_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/application_workflow.hpp"
#include "common/area.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_json.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/appraisal_repository.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/objection_repository.hpp"
#include "server/storage/posting_repository.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;
namespace state = common::application_state;
namespace action = common::procedure_action;
using workflow = common::application_workflow;

constexpr std::size_t max_text = 2000;
constexpr std::size_t max_name = 50;
constexpr std::size_t max_batch = 200;

std::string record_of(std::int64_t id) { return "application/" + std::to_string(id); }

api_error application_not_found() { return api_error::not_found("该申请", "application"); }

const std::string& zh(const common::vocabulary_list& list, std::string_view code) {
    return common::label(list, code, common::language::zh);
}
const std::string& en(const common::vocabulary_list& list, std::string_view code) {
    return common::label(list, code, common::language::en);
}

// Free text from a clerk: at most `limit` characters of valid UTF-8 without control characters.
std::string checked_text(const std::string& text, const std::string& field, std::size_t limit, bool required) {
    const auto length = common::utf8_length(text);
    if (!length || common::has_control_characters(text))
        throw api_error::invalid_field(field, "invalid_value", "字段 " + field + " 含有无效字符",
                                       field + " holds invalid characters");
    if (required && *length == 0) {
        if (field == "reason" || field == "answer")
            throw api_error(422, "reason_required", "不予通过、退回或异议成立时必须写明理由",
                            "a refusal, a return or an upheld objection needs a reason", field);
        throw api_error::invalid_field(field, "missing_field", "字段 " + field + " 不能为空", field + " is required");
    }
    if (*length > limit)
        throw api_error::invalid_field(field, "invalid_value",
                                       "字段 " + field + " 不能超过" + std::to_string(limit) + "个字",
                                       field + " is longer than " + std::to_string(limit) + " characters");
    return text;
}

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

std::chrono::year_month_day today(std::int64_t now) { return common::china_date_of_ms(now); }

// The public part of an event about a case: no name, no ID number, nothing personal.
json public_case_summary(const common::application& a, std::string_view act) {
    return {{"application_id", a.id},   {"year", a.year},         {"action", act},
            {"state", a.state},         {"township_code", a.township_code}, {"township_name", a.township_name},
            {"village_code", a.village_code}, {"village_name", a.village_name}};
}

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

    json summary{{"application_id", a.id}, {"household_id", a.household_id}, {"year", a.year},
                 {"action", act},          {"from_state", from},             {"to_state", a.state},
                 {"head_name", a.head_name}, {"village_name", a.village_name}, {"by", who.username}};
    if (!reason.empty()) summary["reason"] = reason;
    // Postings and registrations are public acts (两个公认); the rest stays within the case's area.
    const bool is_public = act == action::post || act == action::register_household;
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

common::identification_verdict judge(sql::connection& db, std::int64_t household_id, int year) {
    const auto line = quota_service::line_of(db, year);
    return common::identification_rules::judge(load_household(db, household_id), line, year);
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

}  // namespace

procedure_service::procedure_service(clock now, common::posting_days days) : now_(std::move(now)), days_(days) {}

common::application procedure_service::apply(sql::connection& db, const principal& who, std::int64_t household_id,
                                             int year, const std::string& note_in) const {
    quota_service::check_year(year);
    const auto note = checked_text(note_in, "note", max_text, false);
    const auto* t = workflow::find(action::apply, "");
    for (int attempt = 1;; ++attempt) {
        try {
            return run_in_transaction(db, sql::tx_mode::write, [&] {
                const auto now = now_();
                // Locked first, as an edit does: the file cannot move to another village while its case opens.
                storage::household_repository(db).lock(household_id);
                const auto h = load_household(db, household_id);
                access_policy::require_step(who, t->roles, h.village_code);
                storage::application_repository apps(db);
                auto existing = apps.find_by_household(household_id, year);
                if (!existing) existing = apps.find_open_by_household(household_id);
                if (existing)
                    throw api_error(409, "application_exists",
                                    "该户已有" + std::to_string(existing->year) + "年度的申请(第" +
                                        std::to_string(existing->id) + "号)",
                                    "the household already has a case for " + std::to_string(existing->year) + " (" +
                                        std::to_string(existing->id) + ")")
                        .with_detail("application_id", std::to_string(existing->id));
                if (h.status != "pending")
                    throw api_error(409, "household_not_pending", "该户已是“" +
                                        zh(common::vocabulary::household_statuses, h.status) + "”,不能再次申请",
                                    "the household is " + en(common::vocabulary::household_statuses, h.status) +
                                        " and cannot apply");
                const auto verdict =
                    common::identification_rules::judge(h, quota_service::line_of(db, year), year);
                if (!verdict.eligible) throw not_eligible(verdict);
                common::application a;
                a.household_id = household_id;
                a.year = year;
                a.state = "";
                a.township_code = h.township_code;
                a.village_code = h.village_code;
                apps.insert(a, now);
                auto stored = *apps.find(a.id);
                record_step(db, who, stored, action::apply, state::applied, note, "",
                            {{"verdict", common::to_json(verdict)}}, now);
                return stored;
            });
        } catch (const sql::constraint_violation&) {
            if (attempt >= 2) throw;  // run again: the check above then names the winner's case
        }
    }
}

common::application procedure_service::take_step(sql::connection& db, const principal& who, std::int64_t id,
                                                  const step_request& r, std::int64_t now) const {
    auto a = load_case_for_update(db, who, id);
    if (r.version && *r.version != a.version)
        throw api_error(409, "version_conflict",
                        "该申请已被他人处理(当前版本 " + std::to_string(a.version) + "),请重新读取",
                        "the case was changed meanwhile (now version " + std::to_string(a.version) + "); read it again",
                        "version")
            .with_detail("current_version", std::to_string(a.version));
    const auto note = checked_text(r.note, "note", max_text, false);

    if (r.action == action::refuse || r.action == action::send_back) {
        if (workflow::is_final(a.state)) throw out_of_order(a, r.action);
        access_policy::require_step(who, workflow::refusers(a.state), a.village_code);
        const auto reason = checked_text(r.reason, "reason", max_text, true);
        std::optional<std::string_view> target = state::refused;
        if (r.action == action::send_back) target = workflow::return_target(a.state);
        if (!target) throw out_of_order(a, r.action);
        leave(db, who, a, r.action, *target, note, reason, json::object(), 0, now);
        return a;
    }

    const auto* t = workflow::find(r.action, a.state);
    if (!t) throw out_of_order(a, r.action);
    access_policy::require_step(who, t->roles, a.village_code);
    json details = json::object();
    if (t->waits_for_posting) {
        require_posting_over(db, a, now, details);
        a.posting_id.reset();
    }
    if (t->judges_eligibility) {
        const auto verdict = judge(db, a.household_id, a.year);
        if (!verdict.eligible) throw not_eligible(verdict).with_detail("application_id", std::to_string(a.id));
        details["verdict"] = common::to_json(verdict);
    }
    std::string household_status;
    if (t->takes_quota_place || t->to_state == state::registered) {
        // A household registered meanwhile (by a case of another year) takes no second place and is not
        // registered twice.
        household_status = load_household(db, a.household_id).status;
        if (household_status != "pending")
            throw api_error(409, "household_not_pending",
                            "该户已是“" + zh(common::vocabulary::household_statuses, household_status) + "”",
                            "the household is already " + en(common::vocabulary::household_statuses, household_status))
                .with_detail("application_id", std::to_string(a.id));
    }
    if (t->takes_quota_place) details["quota"] = json::parse(quota_service::take_place(db, a.year, a.village_code));
    // The step's event and audit entry first: every write takes the outbox head, then the audit head.
    record_step(db, who, a, r.action, t->to_state, note, "", std::move(details), now);
    if (t->to_state == state::registered) {
        storage::household_repository(db).set_status(a.household_id, "registered", now);
        audit_trail::record(db, audit_actor::of(who), "household.register", "household/" + std::to_string(a.household_id),
                            "ok", {{"status", {{"before", household_status}, {"after", "registered"}}}, {"year", a.year}},
                            now);
    }
    return a;
}

common::application procedure_service::step(sql::connection& db, const principal& who, std::int64_t id,
                                            const step_request& r) const {
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        auto a = take_step(db, who, id, r, now_());
        a.steps = storage::application_repository(db).steps(a.id);
        return a;
    });
}

std::vector<common::application> procedure_service::step_many(sql::connection& db, const principal& who,
                                                              const std::vector<std::int64_t>& ids,
                                                              const step_request& r) const {
    if (ids.empty() || ids.size() > max_batch)
        throw api_error::invalid_field("application_ids", "invalid_value", "一次应处理1至200件申请",
                                       "give 1 to 200 cases at a time");
    if (std::set<std::int64_t>(ids.begin(), ids.end()).size() != ids.size())
        throw api_error::invalid_field("application_ids", "invalid_value", "申请编号有重复", "a case is listed twice");
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        std::vector<common::application> out;
        // Ascending ids: two batches over overlapping cases lock them in the same order.
        auto sorted = ids;
        std::sort(sorted.begin(), sorted.end());
        // Every case locked before any step takes the quota rows or the outbox and audit heads: a single step
        // (case first, then those) then never waits for this batch while holding something it needs.
        for (auto id : sorted) load_case_for_update(db, who, id);
        for (auto id : sorted) {
            try {
                out.push_back(take_step(db, who, id, step_request{r.action, std::nullopt, r.note, r.reason}, now));
            } catch (api_error& e) {
                e.with_detail("application_id", std::to_string(id));
                throw;
            }
        }
        return out;
    });
}

common::application procedure_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::application_repository apps(db);
        auto a = apps.find(id);
        if (!a) throw application_not_found();
        access_policy::require(who, permission::read_households, a->village_code);
        a->steps = apps.steps(id);
        return std::move(*a);
    });
}

std::vector<common::application> procedure_service::list(sql::connection& db, const principal& who,
                                                         const common::application_filter& filter) const {
    access_policy::require(who, permission::read_households);
    const std::string scope = who.area_code.size() > 6 ? who.area_code : "";
    return run_in_transaction(db, sql::tx_mode::read,
                              [&] { return storage::application_repository(db).list(filter, scope); });
}

common::identification_verdict procedure_service::verdict(sql::connection& db, const principal& who,
                                                          std::int64_t household_id, int year) const {
    quota_service::check_year(year);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto h = load_household(db, household_id);
        access_policy::require(who, permission::read_households, h.village_code);
        return common::identification_rules::judge(h, quota_service::line_of(db, year), year);
    });
}

namespace {

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

std::vector<common::ranking_entry> procedure_service::proposal(sql::connection& db, const principal& who,
                                                               const std::string& village_code, int year) const {
    quota_service::check_year(year);
    access_policy::require(who, permission::read_households, village_code);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        return ranking_of(db, storage::application_repository(db).ids_in_state(village_code, year,
                                                                                 std::string(state::village_verified)));
    });
}

common::appraisal procedure_service::appraise(sql::connection& db, const principal& who, common::appraisal in) const {
    quota_service::check_year(in.year);
    if (in.village_code.size() != 12)
        throw api_error::invalid_field("village_code", "invalid_value", "村代码应为12位", "village_code has 12 digits");
    const auto now = now_();
    const auto meeting = common::parse_date(in.meeting_date);
    if (!meeting || std::chrono::sys_days{*meeting} > std::chrono::sys_days{today(now)})
        throw api_error::invalid_field("meeting_date", "invalid_value", "评议日期应为不晚于今天的日期(YYYY-MM-DD)",
                                       "meeting_date must be a date (YYYY-MM-DD) no later than today");
    std::set<std::string> names;
    for (std::size_t i = 0; i < in.panel.size(); ++i)
        names.insert(checked_text(in.panel[i], "panel[" + std::to_string(i) + "]", max_name, true));
    if (in.panel.size() < 9 || in.panel.size() > 15 || names.size() != in.panel.size())
        throw api_error::invalid_field("panel", "invalid_panel", "评议小组应由9至15名不同的成员组成",
                                       "the panel has 9 to 15 different members");
    const int panel_size = static_cast<int>(in.panel.size());

    const auto* t = workflow::find(action::appraise, state::village_verified);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        access_policy::require_step(who, t->roles, in.village_code);
        storage::application_repository apps(db);
        const auto ids = apps.ids_in_state(in.village_code, in.year, std::string(state::village_verified));
        if (ids.empty())
            throw api_error(409, "nothing_to_appraise", "该村本年度没有待民主评议(已核实)的申请",
                            "the village has no verified case to appraise this year");
        const std::set<std::int64_t> expected(ids.begin(), ids.end());
        std::set<std::int64_t> given;
        std::set<int> ranks;
        for (std::size_t i = 0; i < in.results.size(); ++i) {
            const auto& res = in.results[i];
            const auto path = "results[" + std::to_string(i) + "]";
            if (!expected.count(res.application_id) || !given.insert(res.application_id).second)
                throw api_error::invalid_field(path + ".application_id", "invalid_ranking",
                                               "第" + std::to_string(res.application_id) +
                                                   "号申请不是本村待评议的申请,或重复出现",
                                               "case " + std::to_string(res.application_id) +
                                                   " is not a verified case of the village, or is listed twice");
            ranks.insert(res.final_rank);
            if (res.votes_for < 0 || res.votes_against < 0 || res.votes_abstain < 0 ||
                res.votes_for + res.votes_against + res.votes_abstain > panel_size)
                throw api_error::invalid_field(path, "invalid_votes", "票数不能为负,合计不能超过评议小组人数",
                                               "votes cannot be negative nor add up to more than the panel");
        }
        if (given.size() != expected.size()) {
            std::string missing;
            for (auto id : expected)
                if (!given.count(id)) missing += (missing.empty() ? "" : ",") + std::to_string(id);
            throw api_error(422, "cases_missing", "本村待评议的申请未全部评议:" + missing,
                            "every verified case of the village must be appraised; missing: " + missing, "results")
                .with_detail("missing", missing);
        }
        const int n = static_cast<int>(ids.size());
        if (static_cast<int>(ranks.size()) != n || *ranks.begin() != 1 || *ranks.rbegin() != n)
            throw api_error::invalid_field("results", "invalid_ranking", "排名应为1至" + std::to_string(n) + ",不重复",
                                           "ranks must be 1 to " + std::to_string(n) + ", each once");

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

common::posting procedure_service::publish(sql::connection& db, const principal& who, const std::string& level,
                                           const std::string& area_code, int year,
                                           std::vector<std::int64_t> ids) const {
    quota_service::check_year(year);
    const auto before = workflow::state_before_posting(level);
    if (!before)
        throw api_error::invalid_field("level", "invalid_value",
                                       "公示层级应为 " + common::allowed_codes(common::vocabulary::posting_levels),
                                       "level must be one of " + common::allowed_codes(common::vocabulary::posting_levels));
    // A village's list (first posting, result) is posted in a village, the second in a township, the third in
    // the county.
    const std::string area_level = level == "township" || level == "county" ? level : std::string("village");
    if (common::area_level_of_code(area_code) != area_level)
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

        const int days = level == "village" ? days_.village : level == "township" ? days_.township
                         : level == "county" ? days_.county : days_.result;
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

common::posting procedure_service::get_posting(sql::connection& db, const principal& who, std::int64_t id) const {
    // Postings are public lists: every user of the county may read every one.
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        auto p = storage::posting_repository(db).find(id);
        if (!p) throw api_error::not_found("该公示", "posting");
        return std::move(*p);
    });
}

std::vector<common::posting> procedure_service::list_postings(sql::connection& db, const principal& who,
                                                              const std::string& area_code, int year,
                                                              const std::string& level) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read,
                              [&] { return storage::posting_repository(db).list(area_code, year, level); });
}

common::objection procedure_service::object(sql::connection& db, const principal& who, std::int64_t application_id,
                                            common::objection in) const {
    in.objector_name = checked_text(in.objector_name, "objector_name", max_name, true);
    in.objector_contact = checked_text(in.objector_contact, "objector_contact", 100, false);
    in.grounds = checked_text(in.grounds, "grounds", max_text, true);
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

std::vector<common::objection> procedure_service::objections(sql::connection& db, const principal& who,
                                                             std::int64_t application_id) const {
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto a = storage::application_repository(db).find(application_id);
        if (!a) throw application_not_found();
        access_policy::require(who, permission::read_households, a->village_code);
        return storage::objection_repository(db).for_application(application_id);
    });
}

common::objection procedure_service::answer(sql::connection& db, const principal& who, std::int64_t objection_id,
                                            const std::string& outcome, const std::string& answer_text,
                                            const std::string& consequence) const {
    if (outcome != "upheld" && outcome != "dismissed")
        throw api_error::invalid_field("outcome", "invalid_value", "答复结果应为 upheld(异议成立)或 dismissed(异议不成立)",
                                       "outcome must be upheld or dismissed");
    const auto text = checked_text(answer_text, "answer", max_text, true);
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
