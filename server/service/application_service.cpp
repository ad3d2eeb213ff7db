#include "server/service/application_service.hpp"

#include <algorithm>
#include <set>

#include "common/application_workflow.hpp"
#include "common/procedure_input.hpp"
#include "common/procedure_json.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/case_steps.hpp"
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

}  // namespace

application_service::application_service(clock now) : now_(std::move(now)) {}

common::application application_service::apply(sql::connection& db, const principal& who, std::int64_t household_id,
                                             int year, const std::string& note_in) const {
    quota_service::check_year(year);
    const auto note = common::checked_text(note_in, "note", common::max_procedure_text_chars, false);
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

common::application application_service::step(sql::connection& db, const principal& who, std::int64_t id,
                                            const step_request& r) const {
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
        return common::identification_rules::judge(h, quota_service::line_of(db, year), year);
    });
}

}  // namespace fupin::server::service
