#include "server/storage/spot_check_repository.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>

namespace fupin::server::storage {
namespace {

// A refused file is one still pending whose identification ended refused (a later case may be open; it is still
// the standing the sample checks: was the refusal right?).
constexpr const char* select_candidates =
    "SELECT h.id, h.township_code, h.village_code, h.status FROM households h "
    "WHERE h.status IN ('registered', 'exited') "
    "UNION ALL "
    "SELECT h.id, h.township_code, h.village_code, 'refused' FROM households h "
    "WHERE h.status = 'pending' AND EXISTS (SELECT 1 FROM applications a WHERE a.household_id = h.id "
    "AND a.kind = 'identification' AND a.state = 'refused') "
    "ORDER BY 1";

constexpr const char* insert_check =
    "INSERT INTO spot_checks (year, share_percent, minimum, seed, drawn_by, drawn_at_ms) VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* insert_stratum =
    "INSERT INTO spot_check_strata (check_id, township_code, standing, population, drawn) VALUES (?, ?, ?, ?, ?)";
// Followed by as many "(?, ?, ?, ?, ?, '[]', '')" as rows.
constexpr const char* insert_items =
    "INSERT INTO spot_check_items (check_id, household_id, township_code, village_code, standing, findings, note) "
    "VALUES ";
constexpr std::size_t items_per_insert = 200;

constexpr const char* select_checks =
    "SELECT c.id, c.year, c.share_percent, c.minimum, c.seed, c.drawn_by, c.drawn_at_ms, "
    "(SELECT COUNT(*) FROM spot_check_items i WHERE i.check_id = c.id), "
    "(SELECT COUNT(*) FROM spot_check_items i WHERE i.check_id = c.id AND i.recorded_at_ms > 0) "
    "FROM spot_checks c ";
constexpr const char* select_strata =
    "SELECT s.township_code, COALESCE(t.name, ''), s.standing, s.population, s.drawn FROM spot_check_strata s "
    "LEFT JOIN areas t ON t.code = s.township_code WHERE s.check_id = ? ORDER BY s.township_code, s.standing";

// The follow-up is done once the file moved past the version the inspector saw (a correction), or once a case of
// the kind was opened after the check.
constexpr const char* select_items =
    "SELECT i.household_id, i.township_code, i.village_code, COALESCE(v.name, ''), COALESCE(h.head_name, ''), "
    "i.standing, i.checked_on, i.method, i.findings, i.verdict, i.follow_up, i.note, i.checked_by, "
    "i.recorded_at_ms, i.household_version, "
    "CASE WHEN i.recorded_at_ms = 0 THEN 0 "
    "WHEN i.follow_up = 'correction' THEN CASE WHEN h.version > i.household_version THEN 1 ELSE 0 END "
    "WHEN i.follow_up IN ('exit', 'identification') THEN CASE WHEN EXISTS (SELECT 1 FROM applications a "
    "WHERE a.household_id = i.household_id AND a.kind = i.follow_up AND a.created_at_ms >= i.recorded_at_ms) "
    "THEN 1 ELSE 0 END "
    "ELSE 0 END "
    "FROM spot_check_items i LEFT JOIN households h ON h.id = i.household_id "
    "LEFT JOIN areas v ON v.code = i.village_code ";
constexpr const char* lock_item = "SELECT household_id FROM spot_check_items WHERE check_id = ? AND household_id = ?";
constexpr const char* update_result =
    "UPDATE spot_check_items SET checked_on = ?, method = ?, findings = ?, verdict = ?, follow_up = ?, note = ?, "
    "checked_by = ?, recorded_at_ms = ?, household_version = ? WHERE check_id = ? AND household_id = ?";
constexpr const char* select_tallies =
    "SELECT i.township_code, COALESCE(t.name, ''), COUNT(*), "
    "SUM(CASE WHEN i.recorded_at_ms > 0 THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.verdict = 'accurate' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.verdict = 'inaccurate' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.verdict = 'should_exit' THEN 1 ELSE 0 END), "
    "SUM(CASE WHEN i.verdict = 'should_enter' THEN 1 ELSE 0 END) "
    "FROM spot_check_items i LEFT JOIN areas t ON t.code = i.township_code WHERE i.check_id = ? "
    "GROUP BY i.township_code, t.name ORDER BY i.township_code";

common::spot_check read_check(const sql::row& r) {
    common::spot_check c;
    c.id = r.get_int64(0);
    c.plan.year = static_cast<int>(r.get_int64(1));
    c.plan.share_percent = static_cast<int>(r.get_int64(2));
    c.plan.minimum = static_cast<int>(r.get_int64(3));
    c.plan.seed = r.get_string(4);
    c.drawn_by = r.get_string(5);
    c.drawn_at_ms = r.get_int64(6);
    c.households = static_cast<int>(r.get_int64(7));
    c.checked = static_cast<int>(r.get_int64(8));
    return c;
}

common::spot_check_item read_item(const sql::row& r) {
    common::spot_check_item i;
    i.household_id = r.get_int64(0);
    i.township_code = r.get_string(1);
    i.village_code = r.get_string(2);
    i.village_name = r.get_string(3);
    i.head_name = r.get_string(4);
    i.standing = r.get_string(5);
    if (r.get_int64(13) > 0) {
        common::spot_check_result res;
        res.checked_on = r.get_string(6);
        res.method = r.get_string(7);
        // Written by save_result from checked findings: a row that does not parse is a bug, not input.
        for (const auto& f : nlohmann::json::parse(r.get_string(8)))
            res.findings.push_back({f.at("field").get<std::string>(), f.at("correct").get<bool>(),
                                    f.at("found").get<std::string>()});
        res.verdict = r.get_string(9);
        res.follow_up = r.get_string(10);
        res.note = r.get_string(11);
        res.checked_by = r.get_string(12);
        res.recorded_at_ms = r.get_int64(13);
        res.household_version = r.get_int64(14);
        i.result = std::move(res);
    }
    i.follow_up_done = r.get_int64(15) != 0;
    return i;
}

}  // namespace

std::vector<sample_candidate> spot_check_repository::candidates() {
    std::vector<sample_candidate> out;
    for (const auto& r : conn_.query(select_candidates))
        out.push_back({r.get_int64(0), r.get_string(1), r.get_string(2), r.get_string(3)});
    return out;
}

void spot_check_repository::insert(common::spot_check& c, const std::vector<sample_candidate>& drawn) {
    conn_.execute(insert_check, {std::int64_t{c.plan.year}, std::int64_t{c.plan.share_percent},
                                 std::int64_t{c.plan.minimum}, c.plan.seed, c.drawn_by, c.drawn_at_ms});
    c.id = conn_.last_insert_id();
    for (const auto& s : c.strata)
        conn_.execute(insert_stratum, {c.id, s.township_code, s.standing, std::int64_t{s.population},
                                       std::int64_t{s.drawn}});
    for (std::size_t at = 0; at < drawn.size(); at += items_per_insert) {
        const auto end = std::min(drawn.size(), at + items_per_insert);
        std::string sql = insert_items;
        std::vector<sql::value> params;
        for (auto n = at; n < end; ++n) {
            sql += n == at ? "(?, ?, ?, ?, ?, '[]', '')" : ", (?, ?, ?, ?, ?, '[]', '')";
            params.insert(params.end(), {c.id, drawn[n].household_id, drawn[n].township_code, drawn[n].village_code,
                                         drawn[n].standing});
        }
        conn_.execute(sql, params);
    }
    c.households = static_cast<int>(drawn.size());
}

std::optional<common::spot_check> spot_check_repository::find(std::int64_t id) {
    auto rows = conn_.query(std::string(select_checks) + "WHERE c.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    auto c = read_check(rows.front());
    for (const auto& r : conn_.query(select_strata, {id}))
        c.strata.push_back({r.get_string(0), r.get_string(1), r.get_string(2), static_cast<int>(r.get_int64(3)),
                            static_cast<int>(r.get_int64(4))});
    return c;
}

std::vector<common::spot_check> spot_check_repository::list() {
    std::vector<common::spot_check> out;
    for (const auto& r : conn_.query(std::string(select_checks) + "ORDER BY c.id DESC")) out.push_back(read_check(r));
    return out;
}

std::vector<common::spot_check_item> spot_check_repository::items(std::int64_t check_id) {
    std::vector<common::spot_check_item> out;
    for (const auto& r :
         conn_.query(std::string(select_items) + "WHERE i.check_id = ? ORDER BY i.township_code, i.household_id",
                     {check_id}))
        out.push_back(read_item(r));
    return out;
}

std::optional<common::spot_check_item> spot_check_repository::item_for_update(std::int64_t check_id,
                                                                              std::int64_t household_id) {
    if (conn_.query(std::string(lock_item) + conn_.for_update(), {check_id, household_id}).empty())
        return std::nullopt;
    auto rows =
        conn_.query(std::string(select_items) + "WHERE i.check_id = ? AND i.household_id = ?", {check_id, household_id});
    return read_item(rows.at(0));
}

void spot_check_repository::save_result(std::int64_t check_id, std::int64_t household_id,
                                        const common::spot_check_result& r) {
    nlohmann::json findings = nlohmann::json::array();
    for (const auto& f : r.findings) findings.push_back({{"field", f.field}, {"correct", f.correct}, {"found", f.found}});
    conn_.execute(update_result, {r.checked_on, r.method, findings.dump(), r.verdict, r.follow_up, r.note, r.checked_by,
                                  r.recorded_at_ms, r.household_version, check_id, household_id});
}

std::vector<sample_tally> spot_check_repository::tallies(std::int64_t check_id) {
    std::vector<sample_tally> out;
    for (const auto& r : conn_.query(select_tallies, {check_id}))
        out.push_back({r.get_string(0), r.get_string(1), static_cast<int>(r.get_int64(2)),
                       static_cast<int>(r.get_int64(3)), static_cast<int>(r.get_int64(4)),
                       static_cast<int>(r.get_int64(5)), static_cast<int>(r.get_int64(6)),
                       static_cast<int>(r.get_int64(7))});
    return out;
}

}  // namespace fupin::server::storage
