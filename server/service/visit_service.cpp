#include "server/service/visit_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/assistance_json.hpp"
#include "common/china_date.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_access.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/helper_repository.hpp"
#include "server/storage/measure_repository.hpp"
#include "server/storage/pairing_repository.hpp"
#include "server/storage/visit_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;

bool is_check(const common::visit& v) { return v.kind == "unannounced_check"; }

// A visit counts as 联系到人, so the visitor must be one of the household's own: a helper paired with it now or
// named on one of its measures, and still active.
void require_helper_of(sql::connection& db, std::int64_t household_id, std::int64_t helper_id) {
    const auto helper = storage::helper_repository(db).find(helper_id);
    if (!helper) throw api_error::invalid_field("helper_id", "invalid_value", "没有这个帮扶责任人", "there is no such helper");
    bool answers = false;
    for (const auto& p : storage::pairing_repository(db).current_of_household(household_id))
        answers = answers || p.helper_id == helper_id;
    for (const auto& m : storage::measure_repository(db).of_household(household_id, 0))
        answers = answers || (m.helper_id == helper_id && m.status != "cancelled");
    if (!helper->active || !answers)
        throw api_error::invalid_field("helper_id", "invalid_value",
                                       "走访人应为与该户结对或负责其帮扶措施的在岗帮扶责任人",
                                       "the visitor must be an active helper paired with the household or named on one of "
                                       "its measures");
}

// The helper behind the account of a helper who logs in. He may name no other helper as the visitor.
std::int64_t own_helper_id(sql::connection& db, const principal& who, std::int64_t named) {
    const auto me = storage::helper_repository(db).find_by_username(who.username);
    if (!me || (named && named != me->id))
        throw api_error(403, "access_denied", "帮扶责任人只能记录本人的走访", "a helper records only his own visits");
    return me->id;
}

}  // namespace

visit_service::visit_service(clock now) : now_(std::move(now)) {}

std::vector<common::visit> visit_service::of_household(sql::connection& db, const principal& who,
                                                       std::int64_t household_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        household_in_area(db, who, household_id, permission::read_households, false);
        auto visits = storage::visit_repository(db).of_household(household_id);
        // The supervisors' unannounced checks look at the helper's work too: they are not his to read.
        if (access_policy::role_has_over_paired(who.role, permission::read_households))
            std::erase_if(visits, is_check);
        return visits;
    });
}

common::visit visit_service::record(sql::connection& db, const principal& who, std::int64_t household_id,
                                    const common::visit input) const {
    const auto& v = input;
    common::check_visit(v);
    // A check is the supervisors'; every other visit the village's and township's, or the helper's own.
    const auto needed = is_check(v) ? permission::record_checks : permission::record_visits;
    access_policy::require_role(who, needed);
    // A helper who logs in records his own visits: the visit names him, whether he says so or not.
    const bool by_the_helper = access_policy::role_has_over_paired(who.role, needed);
    if (is_check(v) && v.helper_id)
        throw api_error::invalid_field("helper_id", "invalid_value", "明察暗访由督查人员进行,不填帮扶责任人",
                                       "an unannounced check is the supervisor's and names no helper");
    if (!is_check(v) && !v.helper_id && !by_the_helper)
        throw api_error::invalid_field("helper_id", "missing_field", "请填写走访的帮扶责任人",
                                       "a visit names the helper who made it");
    const auto now = now_();
    if (v.visited_on > common::format_date(common::china_date_of_ms(now)))
        throw api_error::invalid_field("visited_on", "invalid_value", "走访日期不能晚于今天", "visited_on is in the future");
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        auto v = input;  // a copy: a retried transaction starts again from what was sent
        const auto h = household_in_area(db, who, household_id, needed, false);
        // A supervisor checks any file, an exited household's after its transition too (返贫 is what he looks for).
        if (!is_check(v)) require_helped(h, now_());
        if (by_the_helper) v.helper_id = own_helper_id(db, who, v.helper_id);
        if (v.helper_id) require_helper_of(db, h.id, v.helper_id);
        v.household_id = household_id;
        v.village_code = h.village_code;
        v.recorded_by = who.username;
        v.recorded_at_ms = now;
        storage::visit_repository(db).insert(v);
        const auto record = "visit/" + std::to_string(v.id);
        event_outbox::append(db, "visit.recorded", record, event_scope::of_area(h.village_code),
                             {{"visit_id", v.id}, {"household_id", household_id}, {"kind", v.kind},
                              {"visited_on", v.visited_on}},
                             nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "visit.record", record, "ok",
                            audit_diff::created(common::to_json(v)), now);
        auto stored = storage::visit_repository(db).of_household(household_id);
        for (auto& s : stored)
            if (s.id == v.id) return s;
        return v;
    });
}

}  // namespace fupin::server::service
