#include "server/service/measure_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/assistance_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_access.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/sql/error.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/helper_repository.hpp"
#include "server/storage/measure_repository.hpp"
#include "server/storage/plan_repository.hpp"
#include "server/storage/project_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;

// The measure's helper and project exist, the helper is active and the project serves the household's area.
void check_references(sql::connection& db, common::measure& m, const std::string& village_code) {
    if (m.helper_id) {
        const auto helper = storage::helper_repository(db).find(m.helper_id);
        if (!helper) throw api_error::invalid_field("helper_id", "invalid_value", "没有这个帮扶责任人", "there is no such helper");
        if (!helper->active)
            throw api_error(409, "helper_inactive", "帮扶责任人" + helper->name + "已停用",
                            "the helper " + helper->name + " is inactive", "helper_id");
    }
    if (m.project_id) {
        const auto project = storage::project_repository(db).find(m.project_id);
        if (!project) throw api_error::invalid_field("project_id", "invalid_value", "没有这个项目", "there is no such project");
        if (!access_policy::area_covers(project->area_code, village_code))
            throw api_error(422, "project_elsewhere", "项目「" + project->name + "」不服务该户所在的村",
                            "the project " + project->name + " does not serve the household's village", "project_id");
    }
}

// The feed tells the household's own area what changed; no one else (no personal data).
json measure_summary(const common::measure& m) {
    return {{"measure_id", m.id}, {"household_id", m.household_id}, {"category", m.category},
            {"plan_year", m.plan_year}, {"status", m.status}};
}

std::string measure_record(std::int64_t id) { return "measure/" + std::to_string(id); }

}  // namespace

measure_service::measure_service(clock now) : now_(std::move(now)) {}

std::vector<common::measure> measure_service::of_household(sql::connection& db, const principal& who,
                                                           std::int64_t household_id, int year) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto h = household_in_area(db, who, household_id, permission::read_households, false);
        auto measures = storage::measure_repository(db).of_household(household_id, year);
        for (auto& m : measures) m.village_code = h.village_code;  // the household's village now
        return measures;
    });
}

common::measure measure_service::get(sql::connection& db, const principal& who, std::int64_t measure_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        auto m = storage::measure_repository(db).find(measure_id);
        if (!m) throw api_error::not_found("该帮扶措施", "that measure");
        // The household's area now, not the village the measure was recorded in (a file may have moved).
        m->village_code = household_in_area(db, who, m->household_id, permission::read_households, false).village_code;
        return *m;
    });
}

common::measure measure_service::add(sql::connection& db, const principal& who, std::int64_t household_id,
                                     common::measure m) const {
    access_policy::require(who, permission::record_assistance);
    common::check_measure(m);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto h = household_in_area(db, who, household_id, permission::record_assistance, false);
        require_helped(h, now_());
        check_references(db, m, h.village_code);
        m.household_id = household_id;
        m.village_code = h.village_code;
        const auto now = now_();
        storage::measure_repository measures(db);
        measures.insert(m, who.username, now);
        const auto stored = *measures.find(m.id);
        event_outbox::append(db, "measure.added", measure_record(m.id), event_scope::of_area(h.village_code),
                             measure_summary(stored), nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "measure.add", measure_record(m.id), "ok",
                            audit_diff::created(common::to_json(stored)), now);
        return stored;
    });
}

common::measure measure_service::update(sql::connection& db, const principal& who, std::int64_t measure_id,
                                        const common::measure input) const {
    access_policy::require(who, permission::record_assistance);
    common::check_measure(input);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        auto m = input;  // a copy: a retried transaction starts again from what was sent
        storage::measure_repository measures(db);
        const auto before = measures.find(measure_id);
        if (!before) throw api_error::not_found("该帮扶措施", "that measure");
        // The household's area now, not the village the measure was recorded in (a file may have moved).
        const auto h = household_in_area(db, who, before->household_id, permission::record_assistance, false);
        if (before->version != m.version) throw api_error::version_conflict("该帮扶措施", "the measure", before->version);
        // A helper or project chosen before stays, even if the helper has left or the household has moved since:
        // the measure can still be carried on, completed or cancelled.
        if (m.helper_id != before->helper_id || m.project_id != before->project_id) check_references(db, m, h.village_code);
        m.id = measure_id;
        m.household_id = before->household_id;
        m.village_code = before->village_code;
        const auto now = now_();
        if (!measures.update(m, before->version, who.username, now))
            throw api_error::version_conflict("该帮扶措施", "the measure", before->version + 1);
        auto stored = *measures.find(measure_id);
        stored.village_code = h.village_code;
        event_outbox::append(db, "measure.updated", measure_record(measure_id), event_scope::of_area(h.village_code),
                             measure_summary(stored), nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "measure.update", measure_record(measure_id), "ok",
                            audit_diff::changes(common::to_json(*before), common::to_json(stored)), now);
        return stored;
    });
}

std::vector<common::category_suggestion> measure_service::suggestions(sql::connection& db, const principal& who,
                                                                      std::int64_t household_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        return common::suggest_categories(household_in_area(db, who, household_id, permission::read_households, false));
    });
}

std::vector<common::project> measure_service::projects(sql::connection& db, const principal& who,
                                                       std::string area_code, int year) const {
    access_policy::require(who, permission::read_households);
    if (area_code.empty()) area_code = who.area_code;
    // A project serves a township or a village. Listed: those inside the area asked for and those above it that
    // reach into it (a township's project, for a village's clerk), as far as the caller's own area reaches.
    const auto related = [](const std::string& a, const std::string& b) {
        return access_policy::area_covers(a, b) || access_policy::area_covers(b, a);
    };
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        std::vector<common::project> out;
        for (auto& p : storage::project_repository(db).list(area_code.substr(0, 9), year))
            if (related(area_code, p.area_code) && related(who.area_code, p.area_code)) out.push_back(std::move(p));
        return out;
    });
}

common::project measure_service::add_project(sql::connection& db, const principal& who, common::project p) const {
    access_policy::require(who, permission::record_assistance);
    common::check_project(p);
    access_policy::require(who, permission::record_assistance, p.area_code);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto area = storage::area_repository(db).find(p.area_code);
        if (!area || (area->level != "township" && area->level != "village"))
            throw api_error::invalid_field("area_code", "invalid_value", "区划代码 " + p.area_code + " 不是本县的乡镇或村",
                                           p.area_code + " is not a township or village of the county");
        const auto now = now_();
        storage::project_repository projects(db);
        projects.insert(p, who.username, now);
        const auto record = "project/" + std::to_string(p.id);
        const json summary{{"project_id", p.id}, {"name", p.name}, {"category", p.category}, {"year", p.year}};
        event_outbox::append(db, "project.added", record, event_scope::of_area(p.area_code), summary, nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "project.add", record, "ok",
                            audit_diff::created(common::to_json(p)), now);
        return *projects.find(p.id);
    });
}

common::assistance_plan measure_service::plan(sql::connection& db, const principal& who, std::int64_t household_id,
                                              int year) const {
    access_policy::require_role(who, permission::read_households);
    if (year < 2000 || year > 2100)
        throw api_error::invalid_field("year", "invalid_value", "年度应在2000至2100之间", "year must be 2000-2100");
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        household_in_area(db, who, household_id, permission::read_households, false);
        auto p = storage::plan_repository(db).find(household_id, year).value_or(common::assistance_plan{});
        p.household_id = household_id;
        p.year = year;
        p.measures = storage::measure_repository(db).of_household(household_id, year);
        return p;
    });
}

common::assistance_plan measure_service::save_plan(sql::connection& db, const principal& who,
                                                   std::int64_t household_id, const common::assistance_plan input) const {
    access_policy::require(who, permission::record_assistance);
    common::check_assistance_plan(input);
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            auto plan = input;  // a copy: a retried transaction starts again from what was sent
            const auto h = household_in_area(db, who, household_id, permission::record_assistance, false);
            require_helped(h, now_());
            storage::plan_repository plans(db);
            const auto before = plans.find(household_id, plan.year);
            const std::int64_t current = before ? before->version : 0;
            if (current != plan.version) throw api_error::version_conflict("该户帮扶计划", "the plan", current);
            plan.household_id = household_id;
            const auto now = now_();
            if (!plans.save(plan, who.username, now)) throw api_error::version_conflict("该户帮扶计划", "the plan", current + 1);
            const auto record = "plan/" + std::to_string(household_id) + "/" + std::to_string(plan.year);
            const json summary{{"household_id", household_id}, {"year", plan.year},
                               {"acknowledged", !plan.acknowledged_on.empty()}};
            event_outbox::append(db, "plan.saved", record, event_scope::of_area(h.village_code), summary, nullptr, now);
            audit_trail::record(db, audit_actor::of(who), "plan.save", record, "ok",
                                audit_diff::changes(before ? common::to_json(*before) : json(nullptr),
                                                    common::to_json(plan)),
                                now);
            plan.measures = storage::measure_repository(db).of_household(household_id, plan.year);
            return plan;
        });
    } catch (const sql::constraint_violation&) {
        // Two first plans of one year at once: the second finds the first's row taken.
        throw api_error::version_conflict("该户帮扶计划", "the plan", 1);
    }
}

}  // namespace fupin::server::service
