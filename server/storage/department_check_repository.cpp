#include "server/storage/department_check_repository.hpp"

#include <algorithm>

namespace fupin::server::storage {
namespace {

constexpr const char* insert_list_sql =
    "INSERT INTO department_lists (kind, year, source, file_name, file_sha256, encoding, excluding, row_count, "
    "flagged_households, imported_by, imported_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?)";
constexpr const char* select_same_file =
    "SELECT 1 FROM department_lists WHERE kind = ? AND year = ? AND file_sha256 = ?";
// Followed by as many "(?, ?, ?, ?, ?, ?)" as rows.
constexpr const char* insert_rows_sql =
    "INSERT INTO department_list_rows (list_id, line, id_number, name, detail, recorded_on) VALUES ";
constexpr std::size_t rows_per_insert = 500;
constexpr const char* update_flagged = "UPDATE department_lists SET flagged_households = ? WHERE id = ?";

constexpr const char* raise_of_list =
    "INSERT INTO household_flags (household_id, list_id, line, member_name, excluding, raised_at_ms, cleared_by, "
    "cleared_at_ms, clear_reason) "
    "SELECT m.household_id, r.list_id, r.line, m.name, l.excluding, ?, '', 0, '' "
    "FROM department_list_rows r JOIN members m ON m.id_number = r.id_number "
    "JOIN department_lists l ON l.id = r.list_id WHERE r.list_id = ?";
constexpr const char* select_flagged_by_list =
    "SELECT f.household_id, h.township_code, h.village_code, COUNT(*) FROM household_flags f "
    "JOIN households h ON h.id = f.household_id WHERE f.list_id = ? "
    "GROUP BY f.household_id, h.township_code, h.village_code ORDER BY f.household_id";

// A member named by a list row that has no flag of the household yet.
constexpr const char* new_hits =
    "FROM members m JOIN department_list_rows r ON r.id_number = m.id_number "
    "JOIN department_lists l ON l.id = r.list_id WHERE m.household_id = ? AND NOT EXISTS "
    "(SELECT 1 FROM household_flags f WHERE f.household_id = m.household_id AND f.list_id = r.list_id "
    "AND f.line = r.line)";
constexpr const char* raise_of_household_head =
    "INSERT INTO household_flags (household_id, list_id, line, member_name, excluding, raised_at_ms, cleared_by, "
    "cleared_at_ms, clear_reason) SELECT m.household_id, r.list_id, r.line, m.name, l.excluding, ?, '', 0, '' ";

constexpr const char* select_household_areas = "SELECT township_code, village_code FROM households WHERE id = ?";

constexpr const char* select_lists =
    "SELECT id, kind, year, source, file_name, encoding, row_count, flagged_households, imported_by, imported_at_ms "
    "FROM department_lists ";

// A flag f with its row r holds its household (common::household_flag::holds): open, of an excluding kind, and
// the person the row names still a member of it. The one place of that rule; the statements below are made of it.
const std::string flag_holds =
    "(f.cleared_at_ms = 0 AND f.excluding = 1 AND EXISTS (SELECT 1 FROM members m WHERE m.household_id = "
    "f.household_id AND m.id_number = r.id_number))";
const std::string select_flags =
    "SELECT f.id, f.household_id, h.township_code, h.village_code, h.head_name, f.list_id, l.kind, l.year, "
    "l.source, f.line, f.member_name, r.detail, r.recorded_on, f.excluding, f.raised_at_ms, f.cleared_by, "
    "f.cleared_at_ms, f.clear_reason, COALESCE(v.name, ''), CASE WHEN " + flag_holds + " THEN 1 ELSE 0 END "
    "FROM household_flags f JOIN households h ON h.id = f.household_id "
    "LEFT JOIN areas v ON v.code = h.village_code "
    "JOIN department_lists l ON l.id = f.list_id "
    "JOIN department_list_rows r ON r.list_id = f.list_id AND r.line = f.line ";
// Followed by the household's column and ")".
const std::string held_head =
    "EXISTS (SELECT 1 FROM household_flags f JOIN department_list_rows r ON r.list_id = f.list_id AND r.line = "
    "f.line WHERE " + flag_holds + " AND f.household_id = ";
// Followed by the ids and ")".
const std::string holding_where = "WHERE " + flag_holds + " AND f.household_id IN (";
constexpr const char* lock_flag = "SELECT id FROM household_flags WHERE id = ?";
constexpr const char* update_cleared =
    "UPDATE household_flags SET cleared_by = ?, cleared_at_ms = ?, clear_reason = ? WHERE id = ?";

common::department_list read_list(const sql::row& r) {
    common::department_list l;
    l.id = r.get_int64(0);
    l.kind = r.get_string(1);
    l.year = static_cast<int>(r.get_int64(2));
    l.source = r.get_string(3);
    l.file_name = r.get_string(4);
    l.encoding = r.get_string(5);
    l.rows = static_cast<int>(r.get_int64(6));
    l.flagged_households = static_cast<int>(r.get_int64(7));
    l.imported_by = r.get_string(8);
    l.imported_at_ms = r.get_int64(9);
    return l;
}

common::household_flag read_flag(const sql::row& r) {
    common::household_flag f;
    f.id = r.get_int64(0);
    f.household_id = r.get_int64(1);
    f.township_code = r.get_string(2);
    f.village_code = r.get_string(3);
    f.head_name = r.get_string(4);
    f.list_id = r.get_int64(5);
    f.kind = r.get_string(6);
    f.year = static_cast<int>(r.get_int64(7));
    f.source = r.get_string(8);
    f.line = static_cast<int>(r.get_int64(9));
    f.member_name = r.get_string(10);
    f.detail = r.get_string(11);
    f.recorded_on = r.get_string(12);
    f.excluding = r.get_int64(13) != 0;
    f.raised_at_ms = r.get_int64(14);
    f.cleared_by = r.get_string(15);
    f.cleared_at_ms = r.get_int64(16);
    f.clear_reason = r.get_string(17);
    f.village_name = r.get_string(18);
    f.holds = r.get_int64(19) != 0;
    return f;
}

}  // namespace

std::string department_check_repository::household_is_held(const std::string& household_column) {
    return held_head + household_column + ")";
}

bool department_check_repository::has_list(const std::string& kind, int year, const std::string& file_sha256) {
    return !conn_.query(select_same_file, {kind, std::int64_t{year}, file_sha256}).empty();
}

void department_check_repository::insert_list(common::department_list& l, const std::string& file_sha256) {
    conn_.execute(insert_list_sql, {l.kind, std::int64_t{l.year}, l.source, l.file_name, file_sha256, l.encoding,
                                    std::int64_t{common::excludes(l.kind) ? 1 : 0}, std::int64_t{l.rows},
                                    l.imported_by, l.imported_at_ms});
    l.id = conn_.last_insert_id();
}

void department_check_repository::insert_rows(std::int64_t list_id,
                                              const std::vector<common::department_list_row>& rows) {
    std::string full_sql;  // the statement of a whole chunk, made once
    for (std::size_t start = 0; start < rows.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, rows.size() - start);
        std::string sql = insert_rows_sql;
        if (count == rows_per_insert && !full_sql.empty()) {
            sql = full_sql;
        } else {
            for (std::size_t i = 0; i < count; ++i) sql += i ? ", (?, ?, ?, ?, ?, ?)" : "(?, ?, ?, ?, ?, ?)";
            if (count == rows_per_insert) full_sql = sql;
        }
        std::vector<sql::value> params;
        params.reserve(count * 6);
        for (std::size_t i = start; i < start + count; ++i) {
            const auto& r = rows[i];
            params.emplace_back(list_id);
            params.emplace_back(std::int64_t{r.line});
            params.emplace_back(r.id_number);
            params.emplace_back(r.name);
            params.emplace_back(r.detail);
            params.emplace_back(r.recorded_on);
        }
        conn_.execute(sql, params);
    }
}

void department_check_repository::set_flagged_households(std::int64_t list_id, int households) {
    conn_.execute(update_flagged, {std::int64_t{households}, list_id});
}

std::int64_t department_check_repository::raise_flags_of_list(std::int64_t list_id, std::int64_t now_ms) {
    return conn_.execute(raise_of_list, {now_ms, list_id});
}

std::vector<flagged_household> department_check_repository::flagged_by_list(std::int64_t list_id) {
    std::vector<flagged_household> out;
    for (const auto& r : conn_.query(select_flagged_by_list, {list_id}))
        out.push_back({r.get_int64(0), r.get_string(1), r.get_string(2), static_cast<int>(r.get_int64(3))});
    return out;
}

bool department_check_repository::has_unflagged_hits(std::int64_t household_id) {
    return !conn_.query(std::string("SELECT 1 ") + new_hits + " LIMIT 1", {household_id}).empty();
}

std::int64_t department_check_repository::raise_flags_of_household(std::int64_t household_id, std::int64_t now_ms) {
    return conn_.execute(std::string(raise_of_household_head) + new_hits, {now_ms, household_id});
}

flagged_household department_check_repository::household_areas(std::int64_t household_id) {
    const auto r = conn_.query(select_household_areas, {household_id}).at(0);
    return {household_id, r.get_string(0), r.get_string(1), 0};
}

std::vector<common::department_list> department_check_repository::lists() {
    std::vector<common::department_list> out;
    for (const auto& r : conn_.query(std::string(select_lists) + "ORDER BY id DESC")) out.push_back(read_list(r));
    return out;
}

std::optional<common::department_list> department_check_repository::find_list(std::int64_t id) {
    auto rows = conn_.query(std::string(select_lists) + "WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_list(rows.front());
}

std::vector<common::household_flag> department_check_repository::flags_of_household(std::int64_t household_id) {
    std::vector<common::household_flag> out;
    for (const auto& r : conn_.query(select_flags + "WHERE f.household_id = ? ORDER BY f.id", {household_id}))
        out.push_back(read_flag(r));
    return out;
}

std::map<std::int64_t, std::vector<common::household_flag>> department_check_repository::holding_flags(
    const std::vector<std::int64_t>& household_ids) {
    std::map<std::int64_t, std::vector<common::household_flag>> out;
    if (household_ids.empty()) return out;
    std::string sql = select_flags + holding_where;
    std::vector<sql::value> params;
    for (std::size_t i = 0; i < household_ids.size(); ++i) {
        sql += i ? ", ?" : "?";
        params.emplace_back(household_ids[i]);
    }
    sql += ") ORDER BY f.id";
    for (const auto& r : conn_.query(sql, params)) {
        auto f = read_flag(r);
        out[f.household_id].push_back(std::move(f));
    }
    return out;
}

std::vector<common::household_flag> department_check_repository::flags(const std::string& area_prefix,
                                                                       bool open_only, std::int64_t list_id,
                                                                       std::int64_t after_id, int limit) {
    std::string where = "WHERE h.village_code LIKE ? AND f.id > ?";
    std::vector<sql::value> params{area_prefix + "%", after_id};
    if (open_only) where += " AND f.cleared_at_ms = 0";
    if (list_id) {
        where += " AND f.list_id = ?";
        params.emplace_back(list_id);
    }
    params.emplace_back(std::int64_t{limit});
    std::vector<common::household_flag> out;
    for (const auto& r : conn_.query(select_flags + where + " ORDER BY f.id LIMIT ?", params))
        out.push_back(read_flag(r));
    return out;
}

std::optional<common::household_flag> department_check_repository::find_flag_for_update(std::int64_t id) {
    if (conn_.query(std::string(lock_flag) + conn_.for_update(), {id}).empty()) return std::nullopt;
    return read_flag(conn_.query(select_flags + "WHERE f.id = ?", {id}).at(0));
}

void department_check_repository::clear_flag(std::int64_t id, const std::string& by, std::int64_t at_ms,
                                             const std::string& reason) {
    conn_.execute(update_cleared, {by, at_ms, reason, id});
}

}  // namespace fupin::server::storage
