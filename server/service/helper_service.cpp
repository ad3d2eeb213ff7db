#include "server/service/helper_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/helper_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/sql/error.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/helper_unit_repository.hpp"
#include "server/storage/user_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;

api_error unit_name_taken(const std::string& name) {
    return api_error(409, "unit_name_taken", "已有名为「" + name + "」的帮扶单位", "a unit named " + name + " exists",
                     "name");
}

// The area of a unit must be the county's own division of the unit's level.
void check_unit_area(sql::connection& db, const common::helper_unit& unit) {
    common::check_helper_unit(unit);
    const auto area = storage::area_repository(db).find(unit.area_code);
    const std::string level = unit.area_code.size() == 6 ? "county" : unit.area_code.size() == 9 ? "township" : "village";
    if (!area || area->level != level)
        throw api_error::invalid_field("area_code", "invalid_value", "区划代码 " + unit.area_code + " 不在本县区划中",
                                       "the division " + unit.area_code + " is not one of the county's");
}

api_error account_taken(const std::string& username) {
    return api_error(409, "helper_account_taken", "账号 " + username + " 已属于另一名帮扶责任人",
                     "the account " + username + " belongs to another helper", "username");
}

// The account a helper logs in with: an account of the role helper, and no other helper's.
void check_account(sql::connection& db, const common::helper& helper) {
    if (helper.username.empty()) return;
    const auto user = storage::user_repository(db).find(helper.username);
    if (!user || user->role != "helper")
        throw api_error::invalid_field("username", "invalid_value",
                                       "没有角色为帮扶责任人(helper)的账号 " + helper.username,
                                       "there is no account " + helper.username + " of the role helper");
    const auto holder = storage::helper_repository(db).find_by_username(helper.username);
    if (holder && holder->id != helper.id) throw account_taken(helper.username);
}

// What the feed says of a unit or a helper: names only, never a phone (every office may read it).
json unit_summary(const common::helper_unit& u) {
    return {{"id", u.id}, {"name", u.name}, {"level", u.level}};
}
json helper_summary(const common::helper& h) {
    return {{"id", h.id}, {"name", h.name}, {"unit_id", h.unit_id}, {"active", h.active}};
}

std::string unit_record(std::int64_t id) { return "helper_unit/" + std::to_string(id); }
std::string helper_record(std::int64_t id) { return "helper/" + std::to_string(id); }

}  // namespace

helper_service::helper_service(clock now) : now_(std::move(now)) {}

std::vector<common::helper_unit> helper_service::units(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::helper_unit_repository(db).list(); });
}

common::helper_unit helper_service::create_unit(sql::connection& db, const principal& who,
                                                common::helper_unit unit) const {
    access_policy::require(who, permission::manage_helpers);
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            check_unit_area(db, unit);
            const auto now = now_();
            storage::helper_unit_repository(db).insert(unit, now);
            event_outbox::append(db, "helper_unit.created", unit_record(unit.id), {}, unit_summary(unit),
                                 unit_summary(unit), now);
            audit_trail::record(db, audit_actor::of(who), "helper_unit.create", unit_record(unit.id), "ok",
                                audit_diff::created(common::to_json(unit)), now);
            return unit;
        });
    } catch (const sql::constraint_violation&) {
        throw unit_name_taken(unit.name);
    }
}

common::helper_unit helper_service::update_unit(sql::connection& db, const principal& who, std::int64_t id,
                                                const common::helper_unit input) const {
    access_policy::require(who, permission::manage_helpers);
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            auto unit = input;  // a copy: a retried transaction starts again from what was sent
            storage::helper_unit_repository units(db);
            const auto before = units.find(id);
            if (!before) throw api_error::not_found("该帮扶单位", "that unit");
            if (before->version != unit.version) throw api_error::version_conflict("该帮扶单位", "the unit", before->version);
            check_unit_area(db, unit);
            unit.id = id;
            unit.created_at_ms = before->created_at_ms;
            const auto now = now_();
            if (!units.update(unit, before->version, now))
                throw api_error::version_conflict("该帮扶单位", "the unit", before->version + 1);
            event_outbox::append(db, "helper_unit.updated", unit_record(id), {}, unit_summary(unit),
                                 unit_summary(unit), now);
            audit_trail::record(db, audit_actor::of(who), "helper_unit.update", unit_record(id), "ok",
                                audit_diff::changes(common::to_json(*before), common::to_json(unit)), now);
            return unit;
        });
    } catch (const sql::constraint_violation&) {
        throw unit_name_taken(input.name);
    }
}

std::vector<common::helper> helper_service::helpers(sql::connection& db, const principal& who,
                                                    const storage::helper_filter& filter) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::helper_repository(db).list(filter); });
}

void helper_service::require_readable(const principal& who, const common::helper& helper) {
    if (access_policy::role_has(who.role, permission::read_households)) return;
    if (!access_policy::role_has_over_paired(who.role, permission::read_households) || helper.username != who.username)
        throw api_error(403, "access_denied", "帮扶责任人只能查看本人的信息", "a helper reads only his own record");
}

common::helper helper_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        auto found = storage::helper_repository(db).find(id);
        if (!found) throw api_error::not_found("该帮扶责任人", "that helper");
        require_readable(who, *found);
        return *found;
    });
}

common::helper helper_service::create(sql::connection& db, const principal& who, common::helper helper) const {
    access_policy::require(who, permission::manage_helpers);
    common::check_helper(helper);
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            const auto unit = storage::helper_unit_repository(db).find(helper.unit_id);
            if (!unit)
                throw api_error::invalid_field("unit_id", "invalid_value", "没有这个帮扶单位", "there is no such unit");
            check_account(db, helper);
            const auto now = now_();
            storage::helper_repository helpers(db);
            helpers.insert(helper, now);
            helper.unit_name = unit->name;
            helper.unit_level = unit->level;
            event_outbox::append(db, "helper.created", helper_record(helper.id), {}, helper_summary(helper),
                                 helper_summary(helper), now);
            audit_trail::record(db, audit_actor::of(who), "helper.create", helper_record(helper.id), "ok",
                                audit_diff::created(common::to_json(helper)), now);
            return helper;
        });
    } catch (const sql::constraint_violation&) {
        if (helper.username.empty()) throw;
        throw account_taken(helper.username);  // another helper took the account since the check
    }
}

common::helper helper_service::update(sql::connection& db, const principal& who, std::int64_t id,
                                      const common::helper input, account_edit account) const {
    access_policy::require(who, permission::manage_helpers);
    common::check_helper(input);
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            auto helper = input;  // a copy: a retried transaction starts again from what was sent
            storage::helper_repository helpers(db);
            // Locked: a pairing that counts this helper's households waits, so none slips in as he is made inactive.
            const auto before = helpers.find_for_update(id);
            if (!before) throw api_error::not_found("该帮扶责任人", "that helper");
            if (before->version != helper.version) throw api_error::version_conflict("该帮扶责任人", "the helper", before->version);
            const auto unit = storage::helper_unit_repository(db).find(helper.unit_id);
            if (!unit)
                throw api_error::invalid_field("unit_id", "invalid_value", "没有这个帮扶单位", "there is no such unit");
            if (!helper.active && before->households > 0)
                throw api_error(409, "helper_has_households",
                                "该帮扶责任人仍结对" + std::to_string(before->households) + "户,请先为这些户更换帮扶责任人",
                                "the helper still answers for " + std::to_string(before->households) +
                                    " households; give them other helpers first")
                    .with_detail("households", std::to_string(before->households));
            helper.id = id;
            if (account == account_edit::keep) helper.username = before->username;
            // Checked when it changes: an account linked before keeps working through an edit of the phone.
            if (helper.username != before->username) check_account(db, helper);
            helper.created_at_ms = before->created_at_ms;
            helper.households = before->households;
            helper.unit_name = unit->name;
            helper.unit_level = unit->level;
            const auto now = now_();
            if (!helpers.update(helper, before->version, now))
                throw api_error::version_conflict("该帮扶责任人", "the helper", before->version + 1);
            event_outbox::append(db, "helper.updated", helper_record(id), {}, helper_summary(helper),
                                 helper_summary(helper), now);
            audit_trail::record(db, audit_actor::of(who), "helper.update", helper_record(id), "ok",
                                audit_diff::changes(common::to_json(*before), common::to_json(helper)), now);
            return helper;
        });
    } catch (const sql::constraint_violation&) {
        if (input.username.empty()) throw;
        throw account_taken(input.username);  // another helper took the account since the check
    }
}

}  // namespace fupin::server::service
