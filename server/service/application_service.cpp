#include "server/service/application_service.hpp"

#include <algorithm>
#include <set>

#include "common/application_workflow.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_input.hpp"
#include "common/procedure_json.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/case_steps.hpp"
#include "server/service/department_check_service.hpp"
#include "server/service/exit_standard_service.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/sql/error.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;
namespace state = common::application_state;
namespace action = common::procedure_action;
using workflow = common::application_workflow;
using namespace case_steps;

constexpr std::size_t max_batch = 200;

const std::string& zh(const common::vocabulary_list& list, std::string_view code) {
    return common::label(list, code, common::language::zh);
}
const std::string& en(const common::vocabulary_list& list, std::string_view code) {
    return common::label(list, code, common::language::en);
}

api_error invalid_date(const std::string& field, const std::string& zh, const std::string& en) {
    return api_error::invalid_field(field, "invalid_value", zh, en);
}

// The panel's vote on an exit: its panel and counts, and a meeting held between the proposal and today.
common::exit_vote checked_vote(const std::optional<common::exit_vote>& vote, std::int64_t now, std::int64_t proposed_at) {
    if (!vote)
        throw api_error::invalid_field("vote", "missing_field", "脱贫退出的民主评议须填写评议小组及表决结果",
                                       "an exit's appraisal needs the panel and its vote");
    common::check_exit_vote(*vote);
    const auto meeting = common::parse_date(vote->meeting_date);
    if (!meeting || *meeting > today(now) || *meeting < today(proposed_at))
        throw invalid_date("vote.meeting_date", "评议日期应在提出拟退出之日至今天之间(YYYY-MM-DD)",
                           "the meeting's date (YYYY-MM-DD) falls between the proposal and today");
    return *vote;
}

// The household's acknowledgement: signed by one of its members between the vote's meeting and today, and
// witnessed.
json checked_acknowledgement(sql::connection& db, const std::optional<common::exit_acknowledgement>& ack,
                             const common::application& a, std::int64_t now) {
    if (!ack)
        throw api_error::invalid_field("acknowledgement", "missing_field", "须填写贫困户签字认可的日期、签字人和见证人",
                                       "the acknowledgement needs its date, who signed and who witnessed");
    common::check_exit_acknowledgement(*ack);
    // The meeting of the vote that brought the case here: the last appraise step's.
    auto earliest = today(a.created_at_ms);
    for (const auto& s : storage::application_repository(db).steps(a.id)) {
        const auto details = json::parse(s.details, nullptr, false);
        if (s.action == action::appraise && details.is_object() && details.contains("vote"))
            if (const auto met = common::parse_date(details["vote"].value("meeting_date", ""))) earliest = *met;
    }
    const auto on = common::parse_date(ack->acknowledged_on);
    if (!on || *on > today(now) || *on < earliest)
        throw invalid_date("acknowledgement.acknowledged_on", "签字日期应在民主评议之日至今天之间(YYYY-MM-DD)",
                           "the signature's date (YYYY-MM-DD) falls between the vote and today");
    const auto h = load_household(db, a.household_id);
    if (std::none_of(h.members.begin(), h.members.end(), [&](const auto& m) { return m.name == ack->signed_by; }))
        throw api_error::invalid_field("acknowledgement.signed_by", "invalid_value", "签字人应为该户家庭成员",
                                       "who signed must be a member of the household");
    return {{"acknowledged_on", ack->acknowledged_on}, {"signed_by", ack->signed_by}, {"witness", ack->witness}};
}

}  // namespace

application_service::application_service(clock now) : now_(std::move(now)) {}

common::application application_service::apply(sql::connection& db, const principal& who, std::int64_t household_id,
                                             int year, const std::string& note) const {
    return open_case(db, who, common::case_kind::identification, household_id, year, note);
}

common::application application_service::propose_exit(sql::connection& db, const principal& who,
                                                    std::int64_t household_id, int year, const std::string& note) const {
    return open_case(db, who, common::case_kind::exit, household_id, year, note);
}

common::application application_service::open_case(sql::connection& db, const principal& who, std::string_view kind,
                                                 std::int64_t household_id, int year, const std::string& note_in) const {
    quota_service::check_year(year);
    const auto note = common::checked_text(note_in, "note", common::max_procedure_text_chars, false);
    const auto& t = workflow::opening(kind);
    const bool exit = kind == common::case_kind::exit;
    if (exit) {
        // A household leaves in the year being assessed: this one, or the last one at the turn of the year.
        // Another year would start (or end) its transition period from a year it did not leave in.
        const int this_year = static_cast<int>(today(now_()).year());
        if (year != this_year && year != this_year - 1)
            throw api_error::invalid_field("year", "invalid_value", "脱贫退出的年度应为今年或上一年",
                                           "an exit is of this year or the last");
    }
    // Members the department lists name are flagged before the file is judged, and stay flagged if it is refused
    // (only for a caller who may take the step: anyone else is refused below and leaves nothing behind).
    const bool gated = workflow::stopped_by_department_flags(t);
    if (gated) {
        const auto village = run_in_transaction(db, sql::tx_mode::read, [&] {
            const auto found = storage::household_repository(db).find(household_id);
            return found ? found->village_code : std::string();
        });
        if (!village.empty() && access_policy::may_take_step(who, t.roles, village))
            department_check_service::raise_new_flags(db, who, household_id, now_());
    }
    return once_more_after_a_lost_insert([&] {  // run again: the check below then names the winner's case
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            const auto now = now_();
            // Locked first, as an edit does: the file cannot move to another village while its case opens.
            storage::household_repository(db).lock(household_id);
            const auto h = load_household(db, household_id);
            access_policy::require_step(who, t.roles, h.village_code);
            storage::application_repository apps(db);
            auto existing = apps.find_by_household(household_id, std::string(kind), year);
            if (!existing) existing = apps.find_open_by_household(household_id);
            if (existing)
                throw api_error(409, "application_exists",
                                "该户已有" + std::to_string(existing->year) + "年度的" +
                                    zh(common::vocabulary::case_kinds, existing->kind) + "案件(第" +
                                    std::to_string(existing->id) + "号)",
                                "the household already has a case (" +
                                    en(common::vocabulary::case_kinds, existing->kind) + ") for " +
                                    std::to_string(existing->year) + " (" + std::to_string(existing->id) + ")")
                    .with_detail("application_id", std::to_string(existing->id));
            // Identification takes a household not yet registered, or one that left and fell back (返贫); an
            // exit takes a registered one.
            const bool fits = exit ? h.status == "registered" : h.status == "pending" || h.status == "exited";
            if (!fits)
                throw api_error(409, exit ? "household_not_registered" : "household_not_pending",
                                "该户是“" + zh(common::vocabulary::household_statuses, h.status) + "”,不能" +
                                    zh(common::vocabulary::procedure_actions, t.action),
                                "the household is " + en(common::vocabulary::household_statuses, h.status) +
                                    "; no " + en(common::vocabulary::procedure_actions, t.action) + " is possible");
            if (gated) department_check_service::refuse_if_excluded(db, who, household_id, now);
            const auto verdict = judge_case(db, kind, household_id, year, now);
            common::application a;
            a.household_id = household_id;
            a.kind = std::string(kind);
            a.year = year;
            a.state = "";
            a.township_code = h.township_code;
            a.village_code = h.village_code;
            apps.insert(a, now);
            auto stored = *apps.find(a.id);
            record_step(db, who, stored, t.action, t.to_state, note, "", {{"verdict", verdict}}, now);
            return stored;
        });
    });
}

common::application application_service::take_step(sql::connection& db, const principal& who, std::int64_t id,
                                                  const step_request& r, std::int64_t now) const {
    auto a = load_case_for_update(db, who, id);
    if (r.version && *r.version != a.version)
        throw api_error(409, "version_conflict",
                        "该申请已被他人处理(当前版本 " + std::to_string(a.version) + "),请重新读取",
                        "the case was changed meanwhile (now version " + std::to_string(a.version) + "); read it again",
                        "version")
            .with_detail("current_version", std::to_string(a.version));
    const auto note = common::checked_text(r.note, "note", common::max_procedure_text_chars, false);

    if (r.action == action::refuse || r.action == action::send_back) {
        if (r.vote || r.acknowledgement)
            throw api_error::invalid_field(r.vote ? "vote" : "acknowledgement", "invalid_value",
                                           "不予通过或退回时不填写表决结果或签字情况",
                                           "a refusal or a return takes no vote and no acknowledgement");
        if (workflow::is_final(a.state)) throw out_of_order(a, r.action);
        access_policy::require_step(who, workflow::refusers(a.state), a.village_code);
        const auto reason = common::checked_text(r.reason, "reason", common::max_procedure_text_chars, true);
        std::optional<std::string_view> target = state::refused;
        if (r.action == action::send_back) target = workflow::return_target(a.state);
        if (!target) throw out_of_order(a, r.action);
        leave(db, who, a, r.action, *target, note, reason, json::object(), 0, now);
        return a;
    }

    const auto* t = workflow::find(r.action, a.state);
    if (!t) throw out_of_order(a, r.action);
    // Identification's village appraisal ranks the whole village at once and postings list many cases: each has
    // its endpoint. An exit's appraisal is one household's vote, taken here.
    if (t->action == action::post || (t->action == action::appraise && !t->takes_vote))
        throw api_error::invalid_field("action", "invalid_value",
                                       "“" + zh(common::vocabulary::procedure_actions, t->action) +
                                           "”请通过民主评议或公示的接口办理",
                                       "take " + en(common::vocabulary::procedure_actions, t->action) +
                                           " through its own endpoint (appraisals, postings)");
    if (r.vote && !t->takes_vote)
        throw api_error::invalid_field("vote", "invalid_value", "只有脱贫退出的民主评议才填写表决结果",
                                       "only an exit's appraisal takes a vote");
    if (r.acknowledgement && !t->takes_acknowledgement)
        throw api_error::invalid_field("acknowledgement", "invalid_value", "只有贫困户签字认可一步才填写签字情况",
                                       "only the step acknowledge takes an acknowledgement");
    access_policy::require_step(who, t->roles, a.village_code);
    json details = json::object();
    if (t->waits_for_posting) {
        require_posting_over(db, a, now, details);
        a.posting_id.reset();
    }
    if (workflow::stopped_by_department_flags(*t)) {
        try {
            department_check_service::refuse_if_excluded(db, who, a.household_id, now);
        } catch (api_error& e) {
            e.with_detail("application_id", std::to_string(a.id));
            throw;
        }
    }
    if (t->judges_household) details["verdict"] = judge_case(db, a.kind, a.household_id, a.year, now, a.id);
    if (t->takes_vote) {
        const auto vote = checked_vote(r.vote, now, a.created_at_ms);
        details["vote"] = {{"meeting_date", vote.meeting_date}, {"panel", vote.panel},
                           {"votes_for", vote.votes_for},       {"votes_against", vote.votes_against},
                           {"votes_abstain", vote.votes_abstain}};
        // More than half the panel must be for, as in identification's appraisal; otherwise the exit ends here.
        if (static_cast<std::size_t>(vote.votes_for) * 2 <= vote.panel.size()) {
            record_step(db, who, a, r.action, state::refused, note, "民主评议赞成票未超过评议小组半数,不予退出",
                        std::move(details), now);
            return a;
        }
    }
    if (t->takes_acknowledgement)
        details["acknowledgement"] = checked_acknowledgement(db, r.acknowledgement, a, now);
    std::string household_status;
    if (t->takes_quota_place || t->to_state == state::registered) {
        // A household registered meanwhile (by a case of another year) takes no second place and is not
        // registered twice. An exited household that fell back (返贫) is identified again.
        household_status = load_household(db, a.household_id).status;
        if (household_status != "pending" && household_status != "exited")
            throw api_error(409, "household_not_pending",
                            "该户已是“" + zh(common::vocabulary::household_statuses, household_status) + "”",
                            "the household is already " + en(common::vocabulary::household_statuses, household_status))
                .with_detail("application_id", std::to_string(a.id));
    }
    if (t->takes_quota_place) details["quota"] = json::parse(quota_service::take_place(db, a.year, a.village_code));
    // The household's row first (and with it its village's statistics tallies, migration 027), then the step's
    // event and audit entry: every write locks the rows it changes before the outbox head, then the audit head,
    // as creates and edits do, so two writes do not wait on each other in opposite orders.
    storage::household_repository households(db);
    const auto household_record = "household/" + std::to_string(a.household_id);
    // 脱贫不脱政策: helpers and measures stay through the exit year's transition period.
    const int policies_until = t->to_state == state::exited
                                   ? a.year + exit_standard_service::standard_of(db, a.year).transition_years
                                   : 0;
    if (t->to_state == state::registered)
        households.set_status(a.household_id, "registered", now, std::nullopt, std::nullopt, a.year);
    if (t->to_state == state::exited) households.set_status(a.household_id, "exited", now, a.year, policies_until);
    record_step(db, who, a, r.action, t->to_state, note, "", std::move(details), now);
    if (t->to_state == state::registered) {
        audit_trail::record(db, audit_actor::of(who), "household.register", household_record, "ok",
                            {{"status", {{"before", household_status}, {"after", "registered"}}}, {"year", a.year}},
                            now);
    }
    if (t->to_state == state::exited) {
        audit_trail::record(db, audit_actor::of(who), "household.exit", household_record, "ok",
                            {{"status", {{"before", "registered"}, {"after", "exited"}}},
                             {"exit_year", a.year},
                             {"policies_until", policies_until}},
                            now);
    }
    return a;
}

void application_service::raise_department_flags(sql::connection& db, const principal& who,
                                                 const std::vector<std::int64_t>& ids,
                                                 const std::string& action) const {
    std::vector<std::int64_t> households;
    run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::application_repository apps(db);
        for (auto id : ids) {
            const auto a = apps.find(id);
            if (!a) continue;
            const auto* t = workflow::find(action, a->state);
            // Only for a caller who may take the step: anyone else is refused by it and leaves nothing behind.
            if (t && workflow::stopped_by_department_flags(*t) &&
                access_policy::may_take_step(who, t->roles, a->village_code))
                households.push_back(a->household_id);
        }
    });
    for (auto h : households) department_check_service::raise_new_flags(db, who, h, now_());
}

common::application application_service::step(sql::connection& db, const principal& who, std::int64_t id,
                                            const step_request& r) const {
    raise_department_flags(db, who, {id}, r.action);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        auto a = take_step(db, who, id, r, now_());
        a.steps = storage::application_repository(db).steps(a.id);
        return a;
    });
}

std::vector<common::application> application_service::step_many(sql::connection& db, const principal& who,
                                                              const std::vector<std::int64_t>& ids,
                                                              const step_request& r) const {
    if (ids.empty() || ids.size() > max_batch)
        throw api_error::invalid_field("application_ids", "invalid_value", "一次应处理1至200件申请",
                                       "give 1 to 200 cases at a time");
    if (std::set<std::int64_t>(ids.begin(), ids.end()).size() != ids.size())
        throw api_error::invalid_field("application_ids", "invalid_value", "申请编号有重复", "a case is listed twice");
    raise_department_flags(db, who, ids, r.action);
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
                auto one = r;  // the same step for each case; a case's version is not named in a batch
                one.version.reset();
                out.push_back(take_step(db, who, id, one, now));
            } catch (api_error& e) {
                e.with_detail("application_id", std::to_string(id));
                throw;
            }
        }
        return out;
    });
}

common::application application_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::application_repository apps(db);
        auto a = apps.find(id);
        if (!a) throw application_not_found();
        access_policy::require(who, permission::read_households, a->village_code);
        a->steps = apps.steps(id);
        return std::move(*a);
    });
}

std::vector<common::application> application_service::list(sql::connection& db, const principal& who,
                                                         const common::application_filter& filter) const {
    access_policy::require(who, permission::read_households);
    const std::string scope = who.area_code.size() > 6 ? who.area_code : "";
    return run_in_transaction(db, sql::tx_mode::read,
                              [&] { return storage::application_repository(db).list(filter, scope); });
}

common::identification_verdict application_service::verdict(sql::connection& db, const principal& who,
                                                          std::int64_t household_id, int year) const {
    quota_service::check_year(year);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto h = load_household(db, household_id);
        access_policy::require(who, permission::read_households, h.village_code);
        auto verdict = common::identification_rules::judge(h, quota_service::line_of(db, year), year);
        // What apply would answer: a flag that holds the household stops it first.
        auto held = department_check_service::holding_reasons(db, household_id);
        if (!held.empty()) {
            verdict.eligible = false;
            verdict.reasons.insert(verdict.reasons.begin(), held.begin(), held.end());
        }
        return verdict;
    });
}

}  // namespace fupin::server::service
