#include "server/service/review_round_service.hpp"

#include <algorithm>
#include <chrono>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_input.hpp"
#include "common/review_round_json.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/department_check_service.hpp"
#include "server/service/event_outbox.hpp"
#include "server/service/quota_service.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/sql/error.hpp"
#include "server/storage/exit_standard_repository.hpp"
#include "server/storage/department_check_repository.hpp"
#include "server/storage/review_round_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
using nlohmann::json;

api_error round_not_found() { return api_error::not_found("该审核轮次", "review round"); }

// The round's year, half and deadline, without counting its entries.
common::review_round load(sql::connection& db, std::int64_t id) {
    auto r = storage::review_round_repository(db).find_period(id);
    if (!r) throw round_not_found();
    return *r;
}

std::string half_text_zh(int half) { return half == 1 ? "上半年" : "下半年"; }

// Entries as the round's lists read them (common::hold_review_entry): the repository says which are held; their
// flags are read for their reasons.
void with_flag_reasons(sql::connection& db, std::vector<common::review_entry>& entries) {
    std::vector<std::int64_t> held;
    for (const auto& e : entries)
        if (e.held_by_flag) held.push_back(e.household_id);
    if (held.empty()) return;
    const auto flags = storage::department_check_repository(db).holding_flags(held);
    for (auto& e : entries) {
        e.held_by_flag = false;  // the flags read now decide (one may have been cleared between the two reads)
        if (auto it = flags.find(e.household_id); it != flags.end()) common::hold_review_entry(e, it->second);
    }
}

}  // namespace

review_round_service::review_round_service(clock now, household_service households)
    : now_(std::move(now)), households_(std::move(households)) {}

common::review_round review_round_service::open(sql::connection& db, const principal& who, int year, int half,
                                                const std::string& deadline) const {
    access_policy::require(who, permission::open_review_rounds);
    quota_service::check_year(year);
    if (half != 1 && half != 2)
        throw api_error::invalid_field("half", "invalid_value", "half 应为1(上半年)或2(下半年)",
                                       "half must be 1 (first half) or 2 (second half)");
    // Not before today, and within the year after the round's: a round's entries are of its year's figures.
    const auto due = common::parse_date(deadline);
    const std::chrono::year_month_day last{std::chrono::year{year + 1}, std::chrono::December, std::chrono::day{31}};
    if (!due || *due < common::china_date_of_ms(now_()) || *due > last)
        throw api_error::invalid_field("deadline", "invalid_value",
                                       "截止日期应在今天至" + std::to_string(year + 1) + "年年底之间(YYYY-MM-DD)",
                                       "deadline must be a date (YYYY-MM-DD) from today to the end of " +
                                           std::to_string(year + 1));
    try {
        return run_in_transaction(db, sql::tx_mode::write, [&] {
            const auto now = now_();
            storage::review_round_repository rounds(db);
            common::review_round r;
            r.year = year;
            r.half = half;
            r.deadline = deadline;
            r.opened_by = who.username;
            r.opened_at_ms = now;
            rounds.insert(r);
            r.households = rounds.enroll(r.id);
            const auto record = "review_round/" + std::to_string(r.id);
            const json summary{{"round_id", r.id}, {"year", year}, {"half", half}, {"deadline", deadline},
                               {"households", r.households}};
            event_outbox::append(db, "review_round.opened", record, {}, summary, summary, now);
            audit_trail::record(db, audit_actor::of(who), "review_round.open", record, "ok", summary, now);
            return r;
        });
    } catch (const sql::constraint_violation&) {
        throw api_error(409, "round_exists", std::to_string(year) + "年" + half_text_zh(half) + "的审核已经开始",
                        "the review of " + std::to_string(year) + (half == 1 ? " H1" : " H2") + " is open already");
    }
}

std::vector<common::review_round> review_round_service::list(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::review_round_repository(db).list(); });
}

common::review_round review_round_service::get(sql::connection& db, const principal& who, std::int64_t id) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return load(db, id); });
}

common::review_entry review_round_service::enter(sql::connection& db, const principal& who, std::int64_t round_id,
                                                 std::int64_t household_id, common::household input,
                                                 const std::string& note_in) const {
    access_policy::require(who, permission::write_households);
    const auto note = common::checked_text(note_in, "note", common::max_procedure_text_chars, false);
    const auto round = run_in_transaction(db, sql::tx_mode::read, [&] { return load(db, round_id); });
    // The period's income: the round's year (the half's figures, or the year's as known at the half).
    if (input.income.year != round.year)
        throw api_error::invalid_field("household.income.year", "invalid_value",
                                       "审核录入的收入年度应为" + std::to_string(round.year) + "年",
                                       "the income entered in this round is of " + std::to_string(round.year));
    const auto today = common::format_date(common::china_date_of_ms(now_()));
    common::review_entry entry;
    household_service::update_options options;
    options.audit_action = "household.review";
    options.also = [&](sql::connection& conn, const common::household& before, const common::household& after,
                       std::int64_t now) {
        storage::review_round_repository rounds(conn);
        auto found = rounds.entry_for_update(round_id, household_id);
        if (!found)
            throw api_error::not_found("本轮审核中的该户", "that household in the round");
        // A late entry into an earlier round must not put an older year's income over a newer one.
        if (before.income.year > round.year)
            throw api_error(409, "income_newer",
                            "该户档案已有" + std::to_string(before.income.year) + "年的收入,不能再按" +
                                std::to_string(round.year) + "年的审核录入",
                            "the file holds the income of " + std::to_string(before.income.year) +
                                " already; this round is of " + std::to_string(round.year));
        // A 疑点 is the township's to look into: the village does not enter it again.
        if (found->outcome == "flagged" && who.area_code.size() == 12)  // a village's account
            throw api_error(409, "entry_flagged", "该户为疑点户,须由乡镇核实后录入",
                            "the household is flagged: the township verifies it and enters it");
        entry = *found;
        common::judge_review_entry(entry, after, storage::exit_standard_repository(conn).find(round.year), today);
        entry.note = note;
        entry.entered_by = who.username;
        entry.entered_at_ms = now;
        entry.township_code = after.township_code;
        entry.village_code = after.village_code;
        rounds.save(entry);
        // A member who joined with this entry may be on a list already.
        department_check_service::raise_new_flags_in(conn, who, household_id, now);
        const auto record = "review_round/" + std::to_string(round_id);
        event_outbox::append(conn, "review_round.entered", record, {entry.township_code, entry.village_code},
                             {{"round_id", round_id}, {"household_id", household_id}, {"outcome", entry.outcome}},
                             nullptr, now);
        // The entry's own trail beside the file's (household.review): an entry replaced later stays on record.
        json reasons = json::array();
        for (const auto& r : entry.reasons) reasons.push_back(r.code);
        audit_trail::record(conn, audit_actor::of(who), "review_round.enter",
                            record + "/household/" + std::to_string(household_id), "ok",
                            {{"outcome", entry.outcome},
                             {"reasons", reasons},
                             {"per_capita_after", entry.per_capita_after},
                             {"note", entry.note}},
                            now);
    };
    households_.update(db, who, household_id, std::move(input), options);
    // Read back as the lists read it: held by an open flag, it is 疑点 whatever the entry was judged.
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        std::vector<common::review_entry> one{*storage::review_round_repository(db).entry(round_id, household_id)};
        with_flag_reasons(db, one);
        return one.front();
    });
}

std::vector<common::review_entry> review_round_service::entries(sql::connection& db, const principal& who,
                                                                std::int64_t round_id, const std::string& area,
                                                                const std::string& outcome, std::int64_t after,
                                                                int page_size) const {
    const auto prefix = access_policy::listed_area(who, area);
    if (!outcome.empty() && outcome != "outstanding" && outcome != "stays" && outcome != "proposed_exit" &&
        outcome != "flagged")
        throw api_error(400, "invalid_parameter", "outcome 应为 stays、proposed_exit、flagged 或 outstanding",
                        "outcome must be stays, proposed_exit, flagged or outstanding", "outcome");
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        load(db, round_id);
        auto page = storage::review_round_repository(db).entries(round_id, prefix, outcome, after,
                                                                 std::clamp(page_size, 1, 500));
        with_flag_reasons(db, page);
        return page;
    });
}

std::vector<common::review_progress> review_round_service::progress(sql::connection& db, const principal& who,
                                                                    std::int64_t round_id, const std::string& area,
                                                                    bool by_township) const {
    const auto prefix = access_policy::listed_area(who, area);
    const auto today = common::china_date_of_ms(now_());
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        const auto round = load(db, round_id);
        // Overdue from the day after the deadline: the deadline's own day is still in time.
        const bool past_deadline = today > *common::parse_date(round.deadline);
        auto rows = storage::review_round_repository(db).progress(round_id, prefix, by_township);
        common::review_progress total;
        for (auto& p : rows) {
            if (past_deadline) p.overdue = p.outstanding;
            total.households += p.households;
            total.entered += p.entered;
            total.outstanding += p.outstanding;
            total.overdue += p.overdue;
            total.stays += p.stays;
            total.proposed_exit += p.proposed_exit;
            total.flagged += p.flagged;
        }
        rows.push_back(total);
        return rows;
    });
}

}  // namespace fupin::server::service
