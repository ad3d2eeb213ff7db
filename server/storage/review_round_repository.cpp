#include "server/storage/review_round_repository.hpp"

#include <nlohmann/json.hpp>

#include "common/verdict_reason_json.hpp"
#include "server/storage/department_check_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_round =
    "INSERT INTO review_rounds (year, half, deadline, opened_by, opened_at_ms) VALUES (?, ?, ?, ?, ?)";
constexpr const char* enroll_registered =
    "INSERT INTO review_entries (round_id, household_id, township_code, village_code, size_before, per_capita_before, "
    "reasons, note) "
    "SELECT ?, h.id, h.township_code, h.village_code, "
    "(SELECT COUNT(*) FROM members m WHERE m.household_id = h.id), h.per_capita_net_income_fen, '[]', '' "
    "FROM households h WHERE h.status = 'registered'";
constexpr const char* select_rounds =
    "SELECT r.id, r.year, r.half, r.deadline, r.opened_by, r.opened_at_ms, "
    "(SELECT COUNT(*) FROM review_entries e WHERE e.round_id = r.id), "
    "(SELECT COUNT(*) FROM review_entries e WHERE e.round_id = r.id AND e.entered_at_ms > 0) "
    "FROM review_rounds r ";
// The household of entry e is held by another department's list (数据比对: an open flag of an excluding kind on a
// member still in it, department_check_repository's rule) and the entry is of the newest round: it stays in that
// round's 疑点 list, entered or not, until a reviewer clears the flag; its outcome then reads as flagged, whatever
// its entry was judged. Earlier rounds read as they were judged. Made on first use: the rule lives in another
// file's constants.
const std::string& held() {
    static const std::string sql = "(e.round_id = (SELECT MAX(id) FROM review_rounds) AND " +
                                   department_check_repository::household_is_held("e.household_id") + ")";
    return sql;
}

const std::string& select_entries() {
    static const std::string sql =
        "SELECT e.round_id, e.household_id, e.township_code, e.village_code, COALESCE(v.name, ''), "
        "COALESCE(h.head_name, ''), e.size_before, e.per_capita_before, e.outcome, e.reasons, e.size_after, "
        "e.per_capita_after, e.note, e.entered_by, e.entered_at_ms, CASE WHEN " + held() + " THEN 1 ELSE 0 END "
        "FROM review_entries e LEFT JOIN households h ON h.id = e.household_id "
        "LEFT JOIN areas v ON v.code = e.village_code ";
    return sql;
}
constexpr const char* lock_entry = "SELECT household_id FROM review_entries WHERE round_id = ? AND household_id = ?";
constexpr const char* update_entry =
    "UPDATE review_entries SET outcome = ?, reasons = ?, size_after = ?, per_capita_after = ?, note = ?, "
    "entered_by = ?, entered_at_ms = ?, township_code = ?, village_code = ? WHERE round_id = ? AND household_id = ?";
constexpr const char* select_period =
    "SELECT r.id, r.year, r.half, r.deadline, r.opened_by, r.opened_at_ms, 0, 0 FROM review_rounds r WHERE r.id = ?";
// With {0} the area column (select and group): village_code or township_code.
const std::string& select_progress() {
    static const std::string sql =
        "SELECT e.{0}, COALESCE(a.name, ''), COUNT(*), "
        "SUM(CASE WHEN e.entered_at_ms > 0 THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN e.outcome = 'stays' AND NOT " + held() + " THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN e.outcome = 'proposed_exit' AND NOT " + held() + " THEN 1 ELSE 0 END), "
        "SUM(CASE WHEN e.outcome = 'flagged' OR " + held() + " THEN 1 ELSE 0 END) "
        "FROM review_entries e LEFT JOIN areas a ON a.code = e.{0} "
        "WHERE e.round_id = ? AND e.village_code LIKE ? GROUP BY e.{0}, a.name ORDER BY e.{0}";
    return sql;
}

common::review_round read_round(const sql::row& r) {
    common::review_round out;
    out.id = r.get_int64(0);
    out.year = static_cast<int>(r.get_int64(1));
    out.half = static_cast<int>(r.get_int64(2));
    out.deadline = r.get_string(3);
    out.opened_by = r.get_string(4);
    out.opened_at_ms = r.get_int64(5);
    out.households = static_cast<int>(r.get_int64(6));
    out.entered = static_cast<int>(r.get_int64(7));
    return out;
}

common::review_entry read_entry(const sql::row& r) {
    common::review_entry e;
    e.round_id = r.get_int64(0);
    e.household_id = r.get_int64(1);
    e.township_code = r.get_string(2);
    e.village_code = r.get_string(3);
    e.village_name = r.get_string(4);
    e.head_name = r.get_string(5);
    e.size_before = static_cast<int>(r.get_int64(6));
    e.per_capita_before = r.get_int64(7);
    e.outcome = r.get_string(8);
    // Written by save() from the rules' reasons: a row that does not parse is a bug, not input.
    e.reasons = common::verdict_reasons_from_json(nlohmann::json::parse(r.get_string(9)), "reasons");
    e.size_after = static_cast<int>(r.get_int64(10));
    e.per_capita_after = r.get_int64(11);
    e.note = r.get_string(12);
    e.entered_by = r.get_string(13);
    e.entered_at_ms = r.get_int64(14);
    e.held_by_flag = r.get_int64(15) != 0;  // the outcome stays as judged: the service reads it as flagged
    return e;
}

}  // namespace

void review_round_repository::insert(common::review_round& r) {
    conn_.execute(insert_round, {std::int64_t{r.year}, std::int64_t{r.half}, r.deadline, r.opened_by, r.opened_at_ms});
    r.id = conn_.last_insert_id();
}

int review_round_repository::enroll(std::int64_t round_id) {
    return static_cast<int>(conn_.execute(enroll_registered, {round_id}));
}

std::optional<common::review_round> review_round_repository::find(std::int64_t id) {
    auto rows = conn_.query(std::string(select_rounds) + "WHERE r.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_round(rows.front());
}

std::optional<common::review_round> review_round_repository::find_period(std::int64_t id) {
    auto rows = conn_.query(select_period, {id});
    if (rows.empty()) return std::nullopt;
    return read_round(rows.front());
}

std::vector<common::review_round> review_round_repository::list() {
    std::vector<common::review_round> out;
    for (const auto& r : conn_.query(std::string(select_rounds) + "ORDER BY r.id DESC")) out.push_back(read_round(r));
    return out;
}

std::optional<common::review_entry> review_round_repository::entry(std::int64_t round_id, std::int64_t household_id) {
    auto rows = conn_.query(select_entries() + "WHERE e.round_id = ? AND e.household_id = ?",
                            {round_id, household_id});
    if (rows.empty()) return std::nullopt;
    return read_entry(rows.front());
}

std::optional<common::review_entry> review_round_repository::entry_for_update(std::int64_t round_id,
                                                                              std::int64_t household_id) {
    if (conn_.query(std::string(lock_entry) + conn_.for_update(), {round_id, household_id}).empty()) return std::nullopt;
    return entry(round_id, household_id);
}

void review_round_repository::save(const common::review_entry& e) {
    conn_.execute(update_entry, {e.outcome, common::to_json(e.reasons).dump(), std::int64_t{e.size_after}, e.per_capita_after, e.note,
                                 e.entered_by, e.entered_at_ms, e.township_code, e.village_code, e.round_id,
                                 e.household_id});
}

std::vector<common::review_entry> review_round_repository::entries(std::int64_t round_id,
                                                                   const std::string& area_prefix,
                                                                   const std::string& outcome,
                                                                   std::int64_t after_household, int limit) {
    std::string where = "WHERE e.round_id = ? AND e.village_code LIKE ? AND e.household_id > ?";
    std::vector<sql::value> params{round_id, area_prefix + "%", after_household};
    if (outcome == "outstanding") {
        where += " AND e.entered_at_ms = 0";
    } else if (outcome == "flagged") {
        where += " AND (e.outcome = 'flagged' OR " + held() + ")";
    } else if (!outcome.empty()) {
        where += " AND e.outcome = ? AND NOT " + held();
        params.emplace_back(outcome);
    }
    std::vector<common::review_entry> out;
    params.emplace_back(std::int64_t{limit});
    for (const auto& r : conn_.query(select_entries() + where + " ORDER BY e.household_id LIMIT ?", params))
        out.push_back(read_entry(r));
    return out;
}

std::vector<common::review_progress> review_round_repository::progress(std::int64_t round_id,
                                                                       const std::string& area_prefix,
                                                                       bool by_township) {
    std::string sql = select_progress();
    const std::string column = by_township ? "township_code" : "village_code";
    for (auto at = sql.find("{0}"); at != std::string::npos; at = sql.find("{0}")) sql.replace(at, 3, column);
    std::vector<common::review_progress> out;
    for (const auto& r : conn_.query(sql, {round_id, area_prefix + "%"})) {
        common::review_progress p;
        p.area_code = r.get_string(0);
        p.area_name = r.get_string(1);
        p.households = static_cast<int>(r.get_int64(2));
        p.entered = static_cast<int>(r.get_int64(3));
        p.outstanding = p.households - p.entered;
        p.stays = static_cast<int>(r.get_int64(4));
        p.proposed_exit = static_cast<int>(r.get_int64(5));
        p.flagged = static_cast<int>(r.get_int64(6));
        out.push_back(std::move(p));
    }
    return out;
}

}  // namespace fupin::server::storage
