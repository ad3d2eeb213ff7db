#include "server/service/archive_import_service.hpp"

#include <map>
#include <optional>
#include <set>
#include <variant>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/application_workflow.hpp"
#include "common/archive_import_json.hpp"
#include "common/bounded_json.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "common/utf8.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/exit_standard_service.hpp"
#include "server/service/household_checks.hpp"
#include "server/service/household_event.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/archive_import_repository.hpp"
#include "server/storage/exit_standard_repository.hpp"
#include "server/storage/helper_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/pairing_repository.hpp"

namespace fupin::server::service {
namespace {

using json = nlohmann::json;

// Files written per statement at the commit: the staged files are read, checked again and written this many at
// a time, inside the one transaction.
constexpr std::size_t files_per_write = 200;

common::api_error import_not_found() { return common::api_error::not_found("导入批次", "import"); }

common::api_error import_closed(const common::archive_import& i) {
    return common::api_error(409, "import_closed",
                             i.state == "committed" ? "该导入已提交" : "该导入已放弃",
                             i.state == "committed" ? "the import is committed already" : "the import was abandoned");
}

std::string record_of(std::int64_t id) { return "archive_import/" + std::to_string(id); }

// The import, if the caller may work on it: his role imports archives and the import was opened within his
// area. Anyone else is told there is no such import.
common::archive_import reachable(const principal& who, const std::optional<common::archive_import>& found) {
    access_policy::require(who, permission::import_archive);
    if (!found || !access_policy::area_covers(who.area_code, found->area_code)) throw import_not_found();
    return *found;
}

// The county's active helpers, to find a file's helpers by name and phone (联系到人): a name with a phone is
// the helper of that name and phone; a name alone must be one helper's.
class helper_directory {
public:
    explicit helper_directory(sql::connection& db) {
        storage::helper_filter filter;
        filter.active_only = true;
        helpers_ = storage::helper_repository(db).list(filter);
    }

    // The helper, or why there is none.
    std::variant<const common::helper*, std::pair<std::string, std::string>> find(const common::archive_helper& h) const {
        std::vector<const common::helper*> found;
        for (const auto& candidate : helpers_)
            if (candidate.name == h.name && (h.phone.empty() || candidate.phone == h.phone)) found.push_back(&candidate);
        if (found.size() == 1) return found.front();
        if (found.empty())
            return std::pair<std::string, std::string>{
                "帮扶责任人「" + h.name + "」" + (h.phone.empty() ? "" : "（" + h.phone + "）") +
                    "不在全县在册的帮扶责任人中：先登记帮扶责任人",
                "the helper '" + h.name + "' is not among the county's active helpers: register him first"};
        return std::pair<std::string, std::string>{
            "有" + std::to_string(found.size()) + "名帮扶责任人叫「" + h.name + "」：请填写其电话",
            std::to_string(found.size()) + " helpers are called '" + h.name + "': give his phone"};
    }

private:
    std::vector<common::helper> helpers_;
};


}  // namespace

archive_import_service::archive_import_service(clock now, int helper_household_limit)
    : now_(std::move(now)), helper_limit_(helper_household_limit) {}

common::archive_import archive_import_service::open(sql::connection& db, const principal& who,
                                                    const std::string& file_name) const {
    access_policy::require(who, permission::import_archive);
    const auto chars = common::utf8_length(file_name);
    if (!chars || *chars == 0 || *chars > common::archive_import_file_name_chars)
        throw common::api_error::invalid_field("file_name", "invalid_value", "文件名有误或超过200个字符",
                                               "is not text of at most 200 characters");
    common::archive_import i;
    i.area_code = who.area_code;
    i.file_name = file_name;
    i.created_by = who.username;
    i.created_at_ms = now_();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::archive_import_repository(db).insert(i);
        audit_trail::record(db, audit_actor::of(who), "archive.import_open", record_of(i.id), "ok",
                            {{"file_name", file_name}}, i.created_at_ms);
    });
    return i;
}

common::archive_import archive_import_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    return reachable(who, storage::archive_import_repository(db).find(id));
}

archive_import_batch_result archive_import_service::add(sql::connection& db, const principal& who, std::int64_t id,
                                                        std::vector<common::archive_import_file> files) const {
    if (files.size() > common::archive_import_batch_files)
        throw common::api_error::invalid_field("files", "too_many",
                                               "每批至多" + std::to_string(common::archive_import_batch_files) + "户",
                                               "at most " + std::to_string(common::archive_import_batch_files) +
                                                   " households per batch");
    const auto today = common::china_date_of_ms(now_());
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::archive_import_repository imports(db);
        archive_import_batch_result out;
        out.import = reachable(who, imports.find_for_update(id));
        if (out.import.state != "open") throw import_closed(out.import);
        if (out.import.households + static_cast<std::int64_t>(files.size()) >
            static_cast<std::int64_t>(common::archive_import_max_files))
            throw common::api_error::invalid_field(
                "files", "too_many", "一次导入至多" + std::to_string(common::archive_import_max_files) + "户",
                "an import holds at most " + std::to_string(common::archive_import_max_files) + " households");

        // The rules of a file alone, as the client's dry run ran them.
        std::vector<common::archive_import_problems> problems(files.size());
        for (std::size_t i = 0; i < files.size(); ++i) {
            common::check_import_file(files[i], today, problems[i]);
            if (!access_policy::area_covers(who.area_code, files[i].file.village_code) && problems[i].empty())
                problems[i].add({files[i].first_row, "组代码", "不在本单位辖区内", "lies outside the importer's area"});
        }
        // An exited file keeps its policies for the transition years of its exit year's standard: that year's
        // standard must be set before (the county sets the standards of earlier years like any other).
        std::map<int, std::optional<int>> transition_of;  // by exit year: its standard's transition years
        storage::exit_standard_repository standards(db);
        for (std::size_t i = 0; i < files.size(); ++i) {
            auto& h = files[i].file;
            if (h.status != "exited" || !h.exit_year || !problems[i].empty()) continue;
            auto [at, fresh] = transition_of.try_emplace(*h.exit_year);
            if (fresh)
                if (const auto standard = standards.find(*h.exit_year)) at->second = standard->transition_years;
            if (!at->second)
                problems[i].add({files[i].first_row, "脱贫年度",
                                 std::to_string(*h.exit_year) +
                                     "年度的脱贫标准尚未设定：先设定该年度的脱贫标准（含过渡期年数）",
                                 "no exit standard is set for " + std::to_string(*h.exit_year) +
                                     ": set that year's standard (with its transition years) first"});
            else
                h.policies_until = *h.exit_year + *at->second;
        }
        // Against the archive: the areas, and people already in a file of it (county-wide).
        std::vector<const common::household*> pointers;
        for (const auto& f : files) pointers.push_back(&f.file);
        const auto checks = household_checks::load(db, pointers);
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (!problems[i].empty()) continue;
            try {
                checks.check(who, files[i].file);
            } catch (const common::api_error& e) {
                problems[i].add(common::problem_at(files[i], e.field(), e.message(common::language::zh),
                                                   e.message(common::language::en)));
            }
        }
        // Against the import's earlier batches and the files of this batch that passed before it: their people,
        // and their helpers' room. A file takes its people and its helpers' room only once it has passed, so a
        // refused file never makes a later one look wrong. ID numbers are compared as derived (a trailing x
        // upper-cased, check_import_file above), and the staged ones were stored so.
        std::vector<std::string> ids;
        for (const auto& f : files)
            for (const auto& m : f.file.members) ids.push_back(m.id_number);
        std::map<std::string, int> seen;
        for (auto& [number, row] : imports.staged_people(id, ids)) seen[number] = row;
        std::vector<std::vector<std::int64_t>> helper_ids(files.size());
        std::optional<helper_directory> directory;
        std::map<std::int64_t, int> room;  // households each named helper may still take
        const int this_year = static_cast<int>(today.year());
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (!problems[i].empty()) continue;
            const auto& f = files[i];
            for (std::size_t m = 0; m < f.file.members.size(); ++m) {
                const auto at = seen.find(f.file.members[m].id_number);
                if (at == seen.end()) continue;
                if (at->second == f.rows.at(m))  // the same row again: a batch sent twice
                    problems[i].add({f.rows.at(m), "身份证号", "此行已在本次导入中", "this row is in the import already"});
                else
                    problems[i].add({f.rows.at(m), "身份证号",
                                     "与第" + std::to_string(at->second) + "行是同一人：一人只能在一户",
                                     "the same person as on row " + std::to_string(at->second) +
                                         ": a person is in one household only"});
            }
            // Helpers: each found among the county's, with room for one more household; an exited file is
            // helped only in its transition period (脱贫不脱政策).
            std::map<std::int64_t, int> taken;  // by this file
            if (!f.helpers.empty() && problems[i].empty()) {
                if (f.file.status == "exited" && (!f.file.policies_until || *f.file.policies_until < this_year))
                    problems[i].add({f.first_row, "帮扶责任人", "过渡期已满的脱贫户不再结对帮扶",
                                     "an exited household past its transition period has no helper"});
                else if (!directory)
                    directory.emplace(db);
                for (const auto& named : f.helpers) {
                    if (!problems[i].empty()) break;
                    const auto found = directory->find(named);
                    if (const auto* why = std::get_if<1>(&found)) {
                        problems[i].add({f.first_row, "帮扶责任人", why->first, why->second});
                        break;
                    }
                    const auto* helper = std::get<0>(found);
                    if (taken.contains(helper->id)) {
                        problems[i].add({f.first_row, "帮扶责任人", helper->name + "重复", helper->name + " twice"});
                        break;
                    }
                    if (!room.contains(helper->id)) {
                        const auto staged = imports.staged_pairings(id, {helper->id});
                        room[helper->id] = helper_limit_ - helper->households -
                                           (staged.contains(helper->id) ? staged.at(helper->id) : 0);
                    }
                    if (room[helper->id] <= 0) {
                        problems[i].add({f.first_row, "帮扶责任人",
                                         "帮扶责任人" + helper->name + "帮扶的户将超过每人至多" +
                                             std::to_string(helper_limit_) + "户",
                                         "the helper " + helper->name + " would answer for more than " +
                                             std::to_string(helper_limit_) + " households"});
                        break;
                    }
                    taken[helper->id] = 1;
                    helper_ids[i].push_back(helper->id);
                }
            }
            if (!problems[i].empty()) continue;
            for (std::size_t m = 0; m < f.file.members.size(); ++m)
                seen.emplace(f.file.members[m].id_number, f.rows.at(m));
            for (const auto& [helper_id, n] : taken) room[helper_id] -= n;
        }

        std::vector<storage::staged_file> staged;
        std::vector<storage::staged_person> people;
        std::vector<storage::staged_pairing> pairings;
        std::int64_t refused = 0;
        for (std::size_t i = 0; i < files.size(); ++i) {
            if (!problems[i].empty()) {
                ++refused;
                out.problems.insert(out.problems.end(), problems[i].named.begin(), problems[i].named.end());
                continue;
            }
            staged.push_back({0, files[i].first_row, common::to_json(files[i]).dump()});
            for (std::size_t m = 0; m < files[i].file.members.size(); ++m)
                people.push_back({files[i].file.members[m].id_number, files[i].rows.at(m)});
            for (const auto helper_id : helper_ids[i]) pairings.push_back({helper_id, files[i].first_row});
        }
        imports.stage(id, out.import.households + 1, staged, people, pairings);
        imports.add_counts(id, static_cast<std::int64_t>(staged.size()), static_cast<std::int64_t>(people.size()),
                           refused);
        out.import.households += static_cast<std::int64_t>(staged.size());
        out.import.people += static_cast<std::int64_t>(people.size());
        out.import.problems += refused;
        out.staged = staged.size();
        return out;
    });
}

common::archive_import archive_import_service::commit(sql::connection& db, const principal& who, std::int64_t id) const {
    const auto now = now_();
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::archive_import_repository imports(db);
        auto i = reachable(who, imports.find_for_update(id));
        if (i.state != "open") throw import_closed(i);
        if (i.problems > 0)
            throw common::api_error(409, "import_has_problems",
                                    "有" + std::to_string(i.problems) + "户未通过检查，改正文件后重新导入",
                                    std::to_string(i.problems) +
                                        " households failed the checks: correct the file and import it again");
        storage::household_repository households(db);
        storage::application_repository applications(db);
        const audit_actor actor = audit_actor::of(who);
        const std::string note = "从原有档案导入：" + i.file_name + "（导入批次 " + std::to_string(id) + "）";
        std::map<int, int> transition_years;  // by exit year
        std::optional<helper_directory> directory;
        std::map<std::int64_t, int> room;  // by helper, locked at its first use: households he may still take
        common::application_step import_step;
        import_step.action = std::string(common::procedure_action::import_archive);
        import_step.at_ms = now;
        import_step.username = who.username;
        import_step.role = who.role;
        import_step.note = note;
        import_step.details = json{{"import_id", id}, {"file_name", i.file_name}}.dump();
        const std::string pairing_reason = "从原有档案导入：" + i.file_name;
        std::int64_t after = 0;
        for (;;) {
            const auto chunk = imports.staged(id, after, files_per_write);
            if (chunk.empty()) break;
            after = chunk.back().seq;
            std::vector<common::archive_import_file> files;
            std::vector<common::household> rows;
            for (const auto& s : chunk) {
                files.push_back(common::archive_import_file_from_json(common::parse_bounded_json(s.body), "file"));
                auto& h = rows.emplace_back(files.back().file);
                common::derive(h);  // the head's name and the per-capita income are not read from JSON
                h.created_at_ms = now;
                if (h.exit_year) {
                    auto [at, fresh] = transition_years.try_emplace(*h.exit_year, 0);
                    if (fresh) at->second = exit_standard_service::standard_of(db, *h.exit_year).transition_years;
                    h.policies_until = *h.exit_year + at->second;
                }
            }
            // Checked again: a create, another import or an areas import may have come between the batch and
            // now. The unique index on members.id_number would refuse a person twice; this says who.
            std::vector<const common::household*> pointers;
            for (const auto& h : rows) pointers.push_back(&h);
            const auto checks = household_checks::load(db, pointers);
            for (std::size_t k = 0; k < rows.size(); ++k) {
                try {
                    checks.check(who, rows[k]);
                } catch (const common::api_error& e) {
                    const auto at = common::problem_at(files[k], e.field(), "", "");
                    throw common::api_error(e.status(), e.code(),
                                            "第" + std::to_string(at.row) + "行：" + e.message(common::language::zh),
                                            "row " + std::to_string(at.row) + ": " + e.message(common::language::en));
                }
            }
            // The helpers found again (one may have left since the batch), each locked as a pairing locks him,
            // and counted against his limit.
            std::vector<std::vector<std::int64_t>> helper_ids(rows.size());
            for (std::size_t k = 0; k < rows.size(); ++k) {
                if (files[k].helpers.empty()) continue;
                if (!directory) directory.emplace(db);
                for (const auto& named : files[k].helpers) {
                    const auto found = directory->find(named);
                    if (const auto* why = std::get_if<1>(&found))
                        throw common::api_error(409, "helper_not_found",
                                                "第" + std::to_string(files[k].first_row) + "行：" + why->first,
                                                "row " + std::to_string(files[k].first_row) + ": " + why->second);
                    const auto helper_id = std::get<0>(found)->id;
                    if (!room.contains(helper_id)) {
                        const auto locked = storage::helper_repository(db).find_for_update(helper_id);
                        room[helper_id] = helper_limit_ - (locked ? locked->households : helper_limit_);
                    }
                    if (--room[helper_id] < 0)
                        throw common::api_error(409, "helper_full",
                                                "第" + std::to_string(files[k].first_row) + "行：帮扶责任人" +
                                                    named.name + "帮扶的户将超过每人至多" +
                                                    std::to_string(helper_limit_) + "户",
                                                "row " + std::to_string(files[k].first_row) + ": the helper " +
                                                    named.name + " would answer for too many households");
                    helper_ids[k].push_back(helper_id);
                }
            }
            households.insert_all(rows);
            std::vector<storage::change_event> events;
            std::vector<storage::audit_entry> entries;
            storage::pairing_repository pairings(db);
            for (std::size_t k = 0; k < rows.size(); ++k) {
                // helper_ids[k] holds one id per helper the file names, in its order.
                for (std::size_t n = 0; n < helper_ids[k].size(); ++n) {
                    const auto helper_id = helper_ids[k][n];
                    common::pairing p;
                    p.household_id = rows[k].id;
                    p.village_code = rows[k].village_code;
                    p.helper_id = helper_id;
                    p.started_at_ms = now;
                    p.started_by = who.username;
                    p.start_reason = pairing_reason;
                    pairings.insert(p);
                    const std::string record = "pairing/" + std::to_string(p.id);
                    events.push_back(event_outbox::make(
                        "pairing.started", record, event_scope::of_area(rows[k].village_code),
                        {{"pairing_id", p.id}, {"household_id", p.household_id}, {"helper_id", helper_id},
                         {"helper_name", files[k].helpers[n].name}},
                        nullptr, now));
                    entries.push_back(audit_trail::prepare(actor, "pairing.start", record, "ok",
                                                           {{"household_id", p.household_id},
                                                            {"helper_id", helper_id},
                                                            {"start_reason", pairing_reason}},
                                                           now));
                }
            }
            std::vector<common::application> cases;
            for (const auto& h : rows) {
                events.push_back(household_event("household.created", h, now));
                auto entry = audit_trail::prepare(actor, "household.import",
                                                  storage::household_repository::record_of(h.id).text(), "ok",
                                                  audit_diff::changes(nullptr, common::to_json(h)), now);
                entries.push_back(std::move(entry));
                if (h.status == "pending") continue;
                // The case the file was registered by, and the exit it left by: their final states, each with
                // the one step that brought it here.
                auto closed_case = [&](const char* kind, int year, std::string_view state) {
                    common::application a;
                    a.household_id = h.id;
                    a.kind = kind;
                    a.year = year;
                    a.state = std::string(state);
                    a.township_code = h.township_code;
                    a.village_code = h.village_code;
                    cases.push_back(std::move(a));
                };
                closed_case("identification", *h.registered_year, common::application_state::registered);
                if (h.status == "exited") closed_case("exit", *h.exit_year, common::application_state::exited);
            }
            applications.insert_closed_cases(cases, import_step, now);
            event_outbox::append_all(db, events);
            audit_trail::append_all(db, entries);
        }
        imports.close(id, "committed", now);
        audit_trail::record(db, actor, "archive.import", record_of(id), "ok",
                            {{"file_name", i.file_name}, {"households", i.households}, {"people", i.people}}, now);
        i.state = "committed";
        i.closed_at_ms = now;
        return i;
    });
}

common::archive_import archive_import_service::abandon(sql::connection& db, const principal& who,
                                                       std::int64_t id) const {
    const auto now = now_();
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::archive_import_repository imports(db);
        auto i = reachable(who, imports.find_for_update(id));
        if (i.state != "open") throw import_closed(i);
        imports.close(id, "abandoned", now);
        audit_trail::record(db, audit_actor::of(who), "archive.import_abandon", record_of(id), "ok",
                            {{"households", i.households}, {"problems", i.problems}}, now);
        i.state = "abandoned";
        i.closed_at_ms = now;
        return i;
    });
}

}  // namespace fupin::server::service
