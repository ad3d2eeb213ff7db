#include "server/service/department_check_service.hpp"

#include <map>
#include <utility>

#include <nlohmann/json.hpp>

#include "common/china_date.hpp"
#include "common/department_check.hpp"
#include "common/department_check_json.hpp"
#include "common/department_list_file.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/digest.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/household_access.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/sql/error.hpp"
#include "server/storage/department_check_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;

constexpr std::size_t source_chars = 50;
constexpr std::size_t file_name_chars = 200;
constexpr std::size_t clear_reason_chars = 500;
constexpr int max_page_size = 500;

std::string list_record(std::int64_t id) { return "department_list/" + std::to_string(id); }
std::string household_record(std::int64_t id) { return "household/" + std::to_string(id); }

// The events of a list's flags: one per village, naming its households, so a list that names thousands of
// members writes hundreds of events, not thousands (the feed keeps the last 10,000 in memory).
std::vector<storage::change_event> flag_events(const std::vector<storage::flagged_household>& households,
                                               std::int64_t list_id, const std::string& kind, std::int64_t now) {
    std::map<std::pair<std::string, std::string>, json> by_village;
    for (const auto& h : households) {
        auto& ids = by_village[{h.township_code, h.village_code}];
        if (ids.is_null()) ids = json::array();
        ids.push_back(h.household_id);
    }
    std::vector<storage::change_event> out;
    out.reserve(by_village.size());
    for (auto& [where, ids] : by_village)
        out.push_back(event_outbox::make("households.flagged", list_record(list_id), {where.first, where.second},
                                         {{"list_id", list_id}, {"kind", kind}, {"household_ids", std::move(ids)}},
                                         nullptr, now));
    return out;
}

}  // namespace

department_check_service::department_check_service(clock now) : now_(std::move(now)) {}

common::department_list department_check_service::import_list(sql::connection& db, const principal& who,
                                                              const department_list_upload& upload) const {
    access_policy::require(who, permission::import_department_lists);
    common::require_code(common::vocabulary::department_list_kinds, upload.kind, "kind", true);
    quota_service::check_year(upload.year);
    common::department_list list;
    list.kind = upload.kind;
    list.year = upload.year;
    list.source = common::checked_text(upload.source, "source", source_chars, false);
    if (list.source.empty()) list.source = common::default_source(upload.kind);
    list.file_name = common::checked_text(upload.file_name, "file_name", file_name_chars, false);

    // Read and checked before any transaction: a refused file costs the database nothing.
    auto file = common::read_department_list(upload.bytes, common::china_date_of_ms(now_()));
    if (!file.ok()) {
        json problems = json::array();
        for (const auto& p : file.problems) problems.push_back(common::to_json(p));
        throw api_error(422, "list_malformed",
                        "文件有 " + std::to_string(file.problem_count) + " 处错误，未导入任何数据；请改正后重新导入",
                        "the file has " + std::to_string(file.problem_count) + " problems; nothing was imported")
            .with_json_detail("problems", std::move(problems))
            .with_json_detail("problem_count", file.problem_count);
    }
    list.encoding = file.encoding;
    list.rows = static_cast<int>(file.rows.size());
    const auto file_sha256 = sha256_hex(upload.bytes);

    // A retry, or the same file sent twice, would flag every household twice over.
    const auto imported_already = [] {
        return api_error(409, "list_exists", "该文件已作为本年度的同类名单导入过",
                         "this file was imported as a list of this kind and year already");
    };
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            const auto now = now_();
            storage::department_check_repository repo(db);
            if (repo.has_list(list.kind, list.year, file_sha256)) throw imported_already();
            list.imported_by = who.username;
            list.imported_at_ms = now;
            repo.insert_list(list, file_sha256);
            repo.insert_rows(list.id, file.rows);
            repo.raise_flags_of_list(list.id, now);
            const auto flagged = repo.flagged_by_list(list.id);
            list.flagged_households = static_cast<int>(flagged.size());
            repo.set_flagged_households(list.id, list.flagged_households);

            auto events = flag_events(flagged, list.id, list.kind, now);
            // The county hears of the list itself; a township hears only of its own households' flags.
            events.push_back(event_outbox::make("department_list.imported", list_record(list.id), {},
                                                {{"list_id", list.id},
                                                 {"kind", list.kind},
                                                 {"year", list.year},
                                                 {"rows", list.rows},
                                                 {"flagged_households", list.flagged_households}},
                                                nullptr, now));
            event_outbox::append_all(db, events);
            audit_trail::record(db, audit_actor::of(who), "department_list.import", list_record(list.id), "ok",
                                {{"kind", list.kind},
                                 {"year", list.year},
                                 {"source", list.source},
                                 {"file_name", list.file_name},
                                 {"file_sha256", file_sha256},
                                 {"encoding", list.encoding},
                                 {"rows", list.rows},
                                 {"flagged_households", list.flagged_households}},
                                now);
            return list;
        });
    } catch (const sql::constraint_violation&) {
        throw imported_already();  // the same file, sent twice at once: the other one's insert won
    }
}

std::vector<common::department_list> department_check_service::lists(sql::connection& db,
                                                                     const principal& who) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::department_check_repository(db).lists(); });
}

std::vector<common::household_flag> department_check_service::flags_of_household(sql::connection& db,
                                                                                 const principal& who,
                                                                                 std::int64_t household_id) const {
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        // Officials of the area only: what other departments know is not a helper's to read.
        access_policy::require(who, permission::read_households);
        household_in_area(db, who, household_id, permission::read_households, false);
        return storage::department_check_repository(db).flags_of_household(household_id);
    });
}

std::vector<common::household_flag> department_check_service::flags(sql::connection& db, const principal& who,
                                                                    const std::string& area, bool open_only,
                                                                    std::int64_t list_id, std::int64_t after,
                                                                    int page_size) const {
    const auto prefix = access_policy::listed_area(who, area);
    if (page_size < 1 || page_size > max_page_size)
        throw api_error(400, "invalid_parameter", "page_size 应为 1 至 500", "page_size must be 1 to 500",
                        "page_size");
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        return storage::department_check_repository(db).flags(prefix, open_only, list_id, after, page_size);
    });
}

common::household_flag department_check_service::clear(sql::connection& db, const principal& who,
                                                       std::int64_t flag_id, const std::string& reason_in) const {
    access_policy::require(who, permission::clear_flags);
    const auto reason = common::checked_text(reason_in, "reason", clear_reason_chars, true);
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        const auto now = now_();
        storage::department_check_repository repo(db);
        auto flag = repo.find_flag_for_update(flag_id);
        if (!flag) throw api_error::not_found("该比对疑点", "flag");
        access_policy::require(who, permission::clear_flags, flag->village_code);
        if (!flag->open())
            throw api_error(409, "flag_cleared", "该疑点已由" + flag->cleared_by + "核销",
                            "the flag was cleared by " + flag->cleared_by + " already");
        repo.clear_flag(flag_id, who.username, now, reason);
        flag->cleared_by = who.username;
        flag->cleared_at_ms = now;
        flag->clear_reason = reason;
        event_outbox::append(db, "household.flag_cleared", household_record(flag->household_id),
                             {flag->township_code, flag->village_code},
                             {{"household_id", flag->household_id}, {"flag_id", flag_id}, {"kind", flag->kind}},
                             nullptr, now);
        audit_trail::record(db, audit_actor::of(who), "household_flag.clear", household_record(flag->household_id),
                            "ok",
                            {{"flag_id", flag_id},
                             {"list_id", flag->list_id},
                             {"kind", flag->kind},
                             {"excluding", flag->excluding},
                             {"reason", reason}},
                            now);
        return *flag;
    });
}

void department_check_service::raise_new_flags(sql::connection& db, const principal& who, std::int64_t household_id,
                                               std::int64_t now) {
    // Most households are on no list: one read answers them without taking the write lock.
    const bool any = run_in_transaction(db, sql::tx_mode::read, [&] {
        return storage::department_check_repository(db).has_unflagged_hits(household_id);
    });
    if (!any) return;
    try {
        run_in_transaction(db, sql::tx_mode::write, [&] { return raise_new_flags_in(db, who, household_id, now); });
    } catch (const sql::constraint_violation&) {
        // Another request raised the same flags meanwhile (two gates of one household at once, on MariaDB):
        // they are there, which is all this was for.
    }
}

std::int64_t department_check_service::raise_new_flags_in(sql::connection& db, const principal& who,
                                                          std::int64_t household_id, std::int64_t now) {
    storage::department_check_repository repo(db);
    const auto raised = repo.raise_flags_of_household(household_id, now);
    if (raised == 0) return 0;
    const auto where = repo.household_areas(household_id);
    event_outbox::append(db, "households.flagged", household_record(household_id),
                         {where.township_code, where.village_code},
                         {{"household_ids", json::array({household_id})}, {"flags", raised}}, nullptr, now);
    audit_trail::record(db, audit_actor::of(who), "household_flag.raise", household_record(household_id), "ok",
                        {{"flags", raised}}, now);
    return raised;
}

void department_check_service::refuse_if_excluded(sql::connection& db, const principal& who,
                                                  std::int64_t household_id, std::int64_t now) {
    // Raised again inside the step: a member added since raise_new_flags ran is not let through. (Rolled back
    // with a refusal; the next try raises it for good first.)
    raise_new_flags_in(db, who, household_id, now);
    const auto holding = storage::department_check_repository(db).holding_flags({household_id});
    const auto it = holding.find(household_id);
    if (it == holding.end()) return;
    std::string zh = "该户有未核销的部门比对疑点，须由乡镇或县核实核销后方可办理：";
    std::string en = "the household has open cross-department flags; a reviewer must clear them first: ";
    std::string ids;
    for (std::size_t i = 0; i < it->second.size(); ++i) {
        zh += (i ? "；" : "") + common::flag_reason(it->second[i], common::language::zh);
        en += (i ? "; " : "") + common::flag_reason(it->second[i], common::language::en);
        ids += (i ? "," : "") + std::to_string(it->second[i].id);
    }
    throw api_error(409, "department_flag", zh, en).with_detail("flag_ids", ids);
}

std::vector<common::verdict_reason> department_check_service::holding_reasons(sql::connection& db,
                                                                             std::int64_t household_id) {
    const auto holding = storage::department_check_repository(db).holding_flags({household_id});
    const auto it = holding.find(household_id);
    return it == holding.end() ? std::vector<common::verdict_reason>{} : common::excluding_reasons(it->second);
}

}  // namespace fupin::server::service
