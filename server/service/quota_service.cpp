#include "server/service/quota_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/area.hpp"
#include "common/household_json.hpp"
#include "common/procedure_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/poverty_line_repository.hpp"
#include "server/storage/quota_repository.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;

constexpr int max_places = 10'000'000;

int sum_places(const std::vector<common::quota>& qs, const std::string& except = {}) {
    int sum = 0;
    for (const auto& q : qs)
        if (q.area_code != except) sum += q.places;
    return sum;
}


}  // namespace

quota_service::quota_service(clock now) : now_(std::move(now)) {}

std::vector<common::poverty_line> quota_service::lines(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::poverty_line_repository(db).list(); });
}

common::poverty_line quota_service::set_line(sql::connection& db, const principal& who, int year,
                                             common::money_fen amount) const {
    access_policy::require(who, permission::set_county_quotas);
    check_year(year);
    if (amount <= 0 || amount > 100'000'000)
        throw api_error::invalid_field("amount", "invalid_value", "扶贫标准应为正数(元/人/年)",
                                       "amount must be a positive number of yuan per person per year");
    // The first line of a year, or the first quota of an area, is an insert; two of them at once leave one
    // loser on the primary key, which, run again, finds the row and updates it.
    return once_more_after_a_lost_insert([&] {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            const auto now = now_();
            storage::poverty_line_repository lines(db);
            const auto before = lines.find(year);
            common::poverty_line line{year, amount, who.username, now};
            lines.save(line);
            const auto summary = nlohmann::json{{"year", year}, {"amount", common::fen_to_json(amount)}};
            event_outbox::append(db, "poverty_line.set", "poverty_line/" + std::to_string(year), {}, summary, summary,
                                 now);
            audit_trail::record(db, audit_actor::of(who), "poverty_line.set", "poverty_line/" + std::to_string(year), "ok",
                                {{"amount", {{"before", before ? common::fen_to_json(before->amount) : nlohmann::json(nullptr)},
                                             {"after", common::fen_to_json(amount)}}}},
                                now);
            return line;
        });
    });
}

std::vector<common::quota> quota_service::list(sql::connection& db, const principal& who, int year,
                                               std::string parent) const {
    access_policy::require(who, permission::read_households);
    check_year(year);
    if (parent.empty()) parent = who.area_code;
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        storage::quota_repository quotas(db);
        storage::area_repository areas(db);
        std::vector<common::quota> out;
        if (auto own = quotas.find(year, parent)) out.push_back(*own);
        for (auto& q : quotas.children(year, parent)) out.push_back(std::move(q));
        for (auto& q : out) {
            q.level = common::area_level_of_code(q.area_code);
            if (auto a = areas.find(q.area_code)) q.area_name = a->name;
            q.used = quotas.places_used(year, q.area_code);
            q.allocated = q.level == "village" ? 0 : sum_places(quotas.children(year, q.area_code));
        }
        return out;
    });
}

common::quota quota_service::set_quota(sql::connection& db, const principal& who, int year,
                                       const std::string& area_code, int places) const {
    check_year(year);
    if (places < 0 || places > max_places)
        throw api_error::invalid_field("quota", "invalid_value", "名额应为0至10000000之间的整数",
                                       "quota must be a whole number from 0 to 10000000");
    // The first line of a year, or the first quota of an area, is an insert; two of them at once leave one
    // loser on the primary key, which, run again, finds the row and updates it.
    return once_more_after_a_lost_insert([&] {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            storage::area_repository areas(db);
            const auto area = areas.find(area_code);
            if (!area || area->level == "group") throw api_error::not_found("该区划", "that area");
            // The county sets its own total and the townships'; a township divides its quota among its villages.
            if (area->level == "village") access_policy::require(who, permission::set_village_quotas, area_code);
            else access_policy::require(who, permission::set_county_quotas);

            storage::quota_repository quotas(db);
            const auto parent = common::parent_code_of(area_code);
            if (!parent.empty()) {
                const auto parent_quota = quotas.find_for_update(year, parent);
                if (!parent_quota)
                    throw api_error(409, "parent_quota_not_set", "请先下达上级区划(" + parent + ")的年度名额",
                                    "set the quota of the parent area (" + parent + ") first")
                        .with_detail("parent_code", parent);
                const int allocated = sum_places(quotas.children(year, parent), area_code);
                if (allocated + places > parent_quota->places)
                    throw api_error(409, "quota_over_parent",
                                    "各下级名额之和(" + std::to_string(allocated + places) + ")将超过上级名额" +
                                        std::to_string(parent_quota->places),
                                    "the children's quotas would add up to " + std::to_string(allocated + places) +
                                        ", over the parent's " + std::to_string(parent_quota->places))
                        .with_detail("parent_quota", std::to_string(parent_quota->places))
                        .with_detail("allocated", std::to_string(allocated));
            }
            const auto before = quotas.find_for_update(year, area_code);
            const int children_sum = sum_places(quotas.children(year, area_code));
            if (places < children_sum)
                throw api_error(409, "quota_below_allocated",
                                "名额不能少于已分配给下级的" + std::to_string(children_sum) + "个",
                                "the quota cannot be below the " + std::to_string(children_sum) +
                                    " places already given to the areas below")
                    .with_detail("allocated", std::to_string(children_sum));
            const int used = quotas.places_used(year, area_code);
            if (places < used)
                throw api_error(409, "quota_below_used", "名额不能少于已批准使用的" + std::to_string(used) + "个",
                                "the quota cannot be below the " + std::to_string(used) + " places already used")
                    .with_detail("used", std::to_string(used));

            const auto now = now_();
            common::quota q;
            q.year = year;
            q.area_code = area_code;
            q.area_name = area->name;
            q.level = area->level;
            q.parent_code = parent;
            q.places = places;
            q.used = used;
            q.allocated = children_sum;
            q.set_by = who.username;
            q.set_at_ms = now;
            quotas.save(q);
            const auto record = "quota/" + std::to_string(year) + "/" + area_code;
            const auto summary = nlohmann::json{{"year", year}, {"area_code", area_code}, {"area_name", area->name},
                                                {"quota", places}};
            event_outbox::append(db, "quota.set", record,
                                 event_scope::of_area(area_code),
                                 summary, summary, now);
            audit_trail::record(db, audit_actor::of(who), "quota.set", record, "ok",
                                {{"quota", {{"before", before ? nlohmann::json(before->places) : nlohmann::json(nullptr)},
                                            {"after", places}}}},
                                now);
            return q;
        });
    });
}

void quota_service::check_year(int year) {
    if (year < 2000 || year > 2100)
        throw api_error::invalid_field("year", "invalid_value", "年度应在2000至2100之间", "year must be 2000-2100");
}

common::money_fen quota_service::line_of(sql::connection& db, int year) {
    const auto line = storage::poverty_line_repository(db).find(year);
    if (!line)
        throw api_error(409, "poverty_line_not_set",
                        std::to_string(year) + "年度的扶贫标准尚未设定,请县级管理员先设定",
                        "the poverty line of " + std::to_string(year) + " is not set; the county administrator sets it")
            .with_detail("year", std::to_string(year));
    return line->amount;
}

std::string quota_service::take_place(sql::connection& db, int year, const std::string& village_code) {
    storage::quota_repository quotas(db);
    nlohmann::json figures = nlohmann::json::object();
    // County, township, village: every approver locks in this order, so two approvals never deadlock.
    for (const auto& code : {village_code.substr(0, 6), village_code.substr(0, 9), village_code}) {
        const auto q = quotas.find_for_update(year, code);
        if (!q)
            throw api_error(409, "quota_not_set", "区划 " + code + " 尚未下达" + std::to_string(year) + "年度名额",
                            "no quota is set for " + code + " in " + std::to_string(year))
                .with_detail("area_code", code);
        const int used = quotas.places_used(year, code);
        if (used + 1 > q->places)
            throw api_error(409, "quota_exceeded",
                            "区划 " + code + " 的" + std::to_string(year) + "年度名额" + std::to_string(q->places) +
                                "个已用" + std::to_string(used) + "个,不能再批准",
                            "the " + std::to_string(year) + " quota of " + code + " (" + std::to_string(q->places) +
                                ") is used up (" + std::to_string(used) + " used)")
                .with_detail("area_code", code)
                .with_detail("quota", std::to_string(q->places))
                .with_detail("used", std::to_string(used));
        figures[common::area_level_of_code(code)] = {{"area_code", code}, {"quota", q->places}, {"used_before", used}};
    }
    return figures.dump();
}

}  // namespace fupin::server::service
