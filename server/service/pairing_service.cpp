#include "server/service/pairing_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/helper_json.hpp"
#include "common/procedure_input.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/helper_service.hpp"
#include "server/service/household_access.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/helper_repository.hpp"
#include "server/storage/pairing_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;

std::string pairing_record(std::int64_t id) { return "pairing/" + std::to_string(id); }

// The feed tells the household's own area who answers for it; other areas hear nothing (no personal data).
json pairing_summary(const common::pairing& p) {
    return {{"pairing_id", p.id}, {"household_id", p.household_id}, {"helper_id", p.helper_id},
            {"helper_name", p.helper_name}};
}

// The household locked for this transaction (every pairing of it takes turns on its row), under the caller's
// right to pair in its village.
common::household lock_household(sql::connection& db, const principal& who, std::int64_t id) {
    return household_in_area(db, who, id, permission::pair_helpers, true);
}

// The helper locked (after the household: one order everywhere, so two pairings never deadlock), active, not
// yet paired with the household, and with room for one household more.
common::helper lock_helper_with_room(sql::connection& db, std::int64_t helper_id, const common::household& h,
                                     int limit) {
    const auto helper = storage::helper_repository(db).find_for_update(helper_id);
    if (!helper) throw api_error::not_found("该帮扶责任人", "that helper");
    if (!helper->active)
        throw api_error(409, "helper_inactive", "帮扶责任人" + helper->name + "已停用,不能再结对",
                        "the helper " + helper->name + " is inactive and takes no household", "helper_id");
    const auto current = storage::pairing_repository(db).current_of_household(h.id);
    for (const auto& p : current)
        if (p.helper_id == helper_id)
            throw api_error(409, "already_paired", helper->name + "已是该户的帮扶责任人",
                            helper->name + " already answers for this household", "helper_id")
                .with_detail("pairing_id", std::to_string(p.id));
    if (helper->households >= limit)
        throw api_error(409, "helper_full",
                        "帮扶责任人" + helper->name + "已结对" + std::to_string(helper->households) + "户,每人最多" +
                            std::to_string(limit) + "户",
                        "the helper " + helper->name + " answers for " + std::to_string(helper->households) +
                            " households already, the most one helper may",
                        "helper_id")
            .with_detail("limit", std::to_string(limit))
            .with_detail("households", std::to_string(helper->households));
    return *helper;
}

common::pairing start(sql::connection& db, const principal& who, const common::household& h,
                      const common::helper& helper, const std::string& reason, std::int64_t now) {
    common::pairing p;
    p.household_id = h.id;
    p.village_code = h.village_code;
    p.helper_id = helper.id;
    p.started_at_ms = now;
    p.started_by = who.username;
    p.start_reason = reason;
    storage::pairing_repository(db).insert(p);
    return *storage::pairing_repository(db).find(p.id);
}

common::pairing load_current(sql::connection& db, std::int64_t id) {
    auto p = storage::pairing_repository(db).find(id);
    if (!p) throw api_error::not_found("该结对记录", "that pairing");
    return *p;
}

void require_current(const common::pairing& p) {
    if (!p.current())
        throw api_error(409, "pairing_ended", "该结对已于此前结束", "the pairing has ended already")
            .with_detail("pairing_id", std::to_string(p.id));
}

}  // namespace

pairing_service::pairing_service(clock now, int helper_household_limit)
    : now_(std::move(now)), limit_(helper_household_limit) {}

common::household_helpers pairing_service::of_household(sql::connection& db, const principal& who,
                                                        std::int64_t household_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        household_in_area(db, who, household_id, permission::read_households, false);
        common::household_helpers out;
        out.household_id = household_id;
        storage::pairing_repository pairings(db);
        out.current = pairings.current_of_household(household_id);
        out.history = pairings.of_household(household_id);
        return out;
    });
}

std::vector<common::pairing> pairing_service::of_helper(sql::connection& db, const principal& who,
                                                        std::int64_t helper_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto helper = storage::helper_repository(db).find(helper_id);
        if (!helper) throw api_error::not_found("该帮扶责任人", "that helper");
        helper_service::require_readable(who, *helper);
        // A helper who logs in sees all of his households; an official those of his area.
        const bool own = access_policy::role_has_over_paired(who.role, permission::read_households);
        std::vector<common::pairing> out;
        for (auto& p : storage::pairing_repository(db).current_of_helper(helper_id))
            if (own || access_policy::area_covers(who.area_code, p.village_code)) out.push_back(std::move(p));
        return out;
    });
}

common::pairing pairing_service::pair(sql::connection& db, const principal& who, std::int64_t household_id,
                                      std::int64_t helper_id, const std::string& reason) const {
    access_policy::require(who, permission::pair_helpers);
    common::checked_text(reason, "reason", common::max_pairing_reason_chars, true);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto h = lock_household(db, who, household_id);
        require_helped(h, now_());
        const auto helper = lock_helper_with_room(db, helper_id, h, limit_);
        if (storage::pairing_repository(db).current_of_household(h.id).size() >= max_helpers_per_household)
            throw api_error(409, "household_has_two_helpers", "该户已有两名帮扶责任人(最多二帮一)",
                            "the household has two helpers already, the most it may have");
        const auto now = now_();
        const auto p = start(db, who, h, helper, reason, now);
        event_outbox::append(db, "pairing.started", pairing_record(p.id), event_scope::of_area(h.village_code),
                             pairing_summary(p), nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "pairing.start", pairing_record(p.id), "ok",
                            audit_diff::created(common::to_json(p)), now);
        return p;
    });
}

common::pairing pairing_service::end(sql::connection& db, const principal& who, std::int64_t pairing_id,
                                     const std::string& reason) const {
    access_policy::require(who, permission::pair_helpers);
    common::checked_text(reason, "reason", common::max_pairing_reason_chars, true);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto before = load_current(db, pairing_id);
        const auto h = lock_household(db, who, before.household_id);
        const auto p = load_current(db, pairing_id);  // read again under the household's lock
        require_current(p);
        const auto now = now_();
        storage::pairing_repository(db).end(pairing_id, now, who.username, reason, 0);
        const auto ended = load_current(db, pairing_id);
        event_outbox::append(db, "pairing.ended", pairing_record(pairing_id), event_scope::of_area(h.village_code),
                             pairing_summary(ended), nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "pairing.end", pairing_record(pairing_id), "ok",
                            audit_diff::changes(common::to_json(p), common::to_json(ended)), now);
        return ended;
    });
}

common::pairing pairing_service::replace(sql::connection& db, const principal& who, std::int64_t pairing_id,
                                         std::int64_t helper_id, const std::string& reason) const {
    access_policy::require(who, permission::pair_helpers);
    common::checked_text(reason, "reason", common::max_pairing_reason_chars, true);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto before = load_current(db, pairing_id);
        const auto h = lock_household(db, who, before.household_id);
        require_helped(h, now_());
        const auto old = load_current(db, pairing_id);
        require_current(old);
        const auto helper = lock_helper_with_room(db, helper_id, h, limit_);
        const auto now = now_();
        const auto p = start(db, who, h, helper, reason, now);
        storage::pairing_repository(db).end(pairing_id, now, who.username, reason, p.id);
        const auto ended = load_current(db, pairing_id);
        auto summary = pairing_summary(p);
        summary["replaces"] = pairing_summary(ended);
        event_outbox::append(db, "pairing.changed", pairing_record(p.id), event_scope::of_area(h.village_code),
                             summary, nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "pairing.change", pairing_record(p.id), "ok",
                            {{"pairing_id", {{"before", old.id}, {"after", p.id}}},
                             {"helper_id", {{"before", old.helper_id}, {"after", p.helper_id}}},
                             {"helper_name", {{"before", old.helper_name}, {"after", p.helper_name}}},
                             {"household_id", {{"before", h.id}, {"after", h.id}}},
                             {"reason", {{"before", nullptr}, {"after", reason}}}},
                            now);
        return p;
    });
}

}  // namespace fupin::server::service
