#include "server/storage/application_repository.hpp"

#include <algorithm>
#include <set>

namespace fupin::server::storage {
namespace {

// Followed by application_values once, or several times comma-separated.
constexpr const char* insert_applications =
    "INSERT INTO applications (household_id, kind, year, state, version, township_code, village_code, "
    "open_objections, posting_id, appraisal_rank, created_at_ms, updated_at_ms) VALUES ";
constexpr const char* application_values = "(?, ?, ?, ?, 1, ?, ?, 0, NULL, NULL, ?, ?)";
constexpr const char* update_application =
    "UPDATE applications SET state = ?, open_objections = ?, posting_id = ?, appraisal_rank = ?, updated_at_ms = ?, "
    "version = version + 1 WHERE id = ? AND version = ?";
constexpr const char* lock_application = "SELECT id FROM applications WHERE id = ?";

// Columns read by read_application(), in its order.
constexpr const char* select_application =
    "SELECT a.id, a.household_id, a.kind, a.year, a.state, a.version, a.township_code, a.village_code, a.open_objections, "
    "a.posting_id, a.appraisal_rank, a.created_at_ms, a.updated_at_ms, h.head_name, COALESCE(t.name, ''), "
    "COALESCE(v.name, ''), h.group_code, COALESCE(g.name, ''), "
    "(SELECT COUNT(*) FROM members m WHERE m.household_id = a.household_id), h.per_capita_net_income_fen, "
    "h.main_cause "
    "FROM applications a JOIN households h ON h.id = a.household_id "
    "LEFT JOIN areas t ON t.code = a.township_code "
    "LEFT JOIN areas v ON v.code = a.village_code "
    "LEFT JOIN areas g ON g.code = h.group_code ";

// Not final: application_workflow::is_final names the same four states.
constexpr const char* where_open_of_household =
    "WHERE a.household_id = ? AND a.state NOT IN ('registered', 'announced', 'refused', 'exited') ORDER BY a.id";

constexpr const char* select_ids_village =
    "SELECT id FROM applications WHERE village_code = ? AND year = ? AND state = ? ORDER BY id";
constexpr const char* select_ids_township =
    "SELECT id FROM applications WHERE township_code = ? AND year = ? AND state = ? ORDER BY id";
constexpr const char* select_ids_county = "SELECT id FROM applications WHERE year = ? AND state = ? ORDER BY id";

constexpr const char* next_step_seq = "SELECT COALESCE(MAX(seq), 0) + 1 FROM application_steps WHERE application_id = ?";
constexpr const char* insert_step =
    "INSERT INTO application_steps (application_id, seq, action, from_state, to_state, at_ms, username, role, note, "
    "reason, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
// Followed by "(?, ?, …)": the first step of every case without one of the households named (all new in this
// transaction; a household's two cases may come in two statements).
constexpr const char* insert_first_steps =
    "INSERT INTO application_steps (application_id, seq, action, from_state, to_state, at_ms, username, role, note, "
    "reason, details) SELECT a.id, 1, ?, '', a.state, ?, ?, ?, ?, '', ? FROM applications a "
    "WHERE NOT EXISTS (SELECT 1 FROM application_steps s WHERE s.application_id = a.id) AND a.household_id IN ";
constexpr std::size_t cases_per_statement = 200;
constexpr const char* select_steps =
    "SELECT seq, action, from_state, to_state, at_ms, username, role, note, reason, details "
    "FROM application_steps WHERE application_id = ? ORDER BY seq";

constexpr int max_page_size = 500;

sql::value optional_value(const std::optional<std::int64_t>& v) { return v ? sql::value{*v} : sql::value{sql::null}; }
sql::value optional_value(const std::optional<int>& v) {
    return v ? sql::value{std::int64_t{*v}} : sql::value{sql::null};
}

common::application read_application(const sql::row& r) {
    common::application a;
    std::size_t i = 0;
    a.id = r.get_int64(i++);
    a.household_id = r.get_int64(i++);
    a.kind = r.get_string(i++);
    a.year = static_cast<int>(r.get_int64(i++));
    a.state = r.get_string(i++);
    a.version = r.get_int64(i++);
    a.township_code = r.get_string(i++);
    a.village_code = r.get_string(i++);
    a.open_objections = static_cast<int>(r.get_int64(i++));
    if (!r.is_null(i)) a.posting_id = r.get_int64(i);
    ++i;
    if (!r.is_null(i)) a.appraisal_rank = static_cast<int>(r.get_int64(i));
    ++i;
    a.created_at_ms = r.get_int64(i++);
    a.updated_at_ms = r.get_int64(i++);
    a.head_name = r.get_string(i++);
    a.township_name = r.get_string(i++);
    a.village_name = r.get_string(i++);
    a.group_code = r.get_string(i++);
    a.group_name = r.get_string(i++);
    a.household_size = static_cast<int>(r.get_int64(i++));
    a.per_capita_net_income = r.get_int64(i++);
    a.main_cause = r.get_string(i++);
    return a;
}

}  // namespace

void application_repository::insert(common::application& a, std::int64_t now_ms) {
    conn_.execute(std::string(insert_applications) + application_values, {a.household_id, a.kind, std::int64_t{a.year}, a.state, a.township_code,
                                       a.village_code, now_ms, now_ms});
    a.id = conn_.last_insert_id();
    a.version = 1;
    a.created_at_ms = a.updated_at_ms = now_ms;
}

std::optional<common::application> application_repository::find_where(const std::string& where,
                                                                      const std::vector<sql::value>& params) {
    auto rows = conn_.query(std::string(select_application) + where, params);
    if (rows.empty()) return std::nullopt;
    return read_application(rows.front());
}

bool application_repository::has_case(std::int64_t household_id, const std::string& kind) {
    return !conn_.query("SELECT 1 FROM applications WHERE household_id = ? AND kind = ? LIMIT 1", {household_id, kind})
                .empty();
}

std::optional<common::application> application_repository::find(std::int64_t id) {
    return find_where("WHERE a.id = ?", {id});
}

std::optional<common::application> application_repository::find_for_update(std::int64_t id) {
    if (conn_.query(std::string(lock_application) + conn_.for_update(), {id}).empty()) return std::nullopt;
    return find(id);
}

std::optional<common::application> application_repository::find_by_household(std::int64_t household_id,
                                                                              const std::string& kind, int year) {
    return find_where("WHERE a.household_id = ? AND a.kind = ? AND a.year = ?", {household_id, kind, std::int64_t{year}});
}

std::optional<common::application> application_repository::find_open_by_household(std::int64_t household_id) {
    return find_where(where_open_of_household, {household_id});
}

bool application_repository::update(common::application& a, std::int64_t expected_version, std::int64_t now_ms) {
    if (conn_.execute(update_application, {a.state, std::int64_t{a.open_objections}, optional_value(a.posting_id),
                                           optional_value(a.appraisal_rank), now_ms, a.id, expected_version}) == 0)
        return false;
    a.version = expected_version + 1;
    a.updated_at_ms = now_ms;
    return true;
}

std::vector<common::application> application_repository::list(const common::application_filter& f,
                                                               const std::string& area_scope) {
    std::string where = "WHERE a.id > ?";
    std::vector<sql::value> params;
    params.emplace_back(f.after_id);
    // Each filter's value is emplaced as what it is (string or integer): moving whole variants here makes
    // g++ 12 warn, wrongly, of an uninitialised string.
    auto add = [&](const char* condition, const auto& v) {
        where += " AND ";
        where += condition;
        params.emplace_back(v);
    };
    if (area_scope.size() == 12) add("a.village_code = ?", area_scope);
    else if (area_scope.size() == 9) add("a.township_code = ?", area_scope);
    if (!f.village_code.empty()) add("a.village_code = ?", f.village_code);
    if (!f.township_code.empty()) add("a.township_code = ?", f.township_code);
    if (!f.kind.empty()) add("a.kind = ?", f.kind);
    if (f.year) add("a.year = ?", std::int64_t{f.year});
    if (!f.state.empty()) add("a.state = ?", f.state);
    if (f.household_id) add("a.household_id = ?", f.household_id);
    const int size = std::clamp(f.page_size, 1, max_page_size);
    params.emplace_back(std::int64_t{size});
    std::vector<common::application> out;
    for (const auto& r : conn_.query(std::string(select_application) + where + " ORDER BY a.id LIMIT ?", params))
        out.push_back(read_application(r));
    return out;
}

std::vector<std::int64_t> application_repository::ids_in_state(const std::string& area_code, int year,
                                                               const std::string& state) {
    std::vector<sql::row> rows;
    if (area_code.size() == 12) rows = conn_.query(select_ids_village, {area_code, std::int64_t{year}, state});
    else if (area_code.size() == 9) rows = conn_.query(select_ids_township, {area_code, std::int64_t{year}, state});
    else rows = conn_.query(select_ids_county, {std::int64_t{year}, state});
    std::vector<std::int64_t> ids;
    for (const auto& r : rows) ids.push_back(r.get_int64(0));
    return ids;
}

void application_repository::add_step(std::int64_t application_id, common::application_step& s) {
    s.seq = static_cast<int>(conn_.query(next_step_seq, {application_id}).at(0).get_int64(0));
    conn_.execute(insert_step, {application_id, std::int64_t{s.seq}, s.action, s.from_state, s.to_state, s.at_ms,
                                s.username, s.role, s.note, s.reason, s.details.empty() ? "{}" : s.details});
}

void application_repository::insert_closed_cases(const std::vector<common::application>& cases,
                                                 const common::application_step& step, std::int64_t now_ms) {
    for (std::size_t start = 0; start < cases.size(); start += cases_per_statement) {
        const auto count = std::min(cases_per_statement, cases.size() - start);
        std::string values;
        std::string households;
        std::vector<sql::value> params;
        std::vector<sql::value> household_ids;
        std::set<std::int64_t> seen;
        for (std::size_t i = start; i < start + count; ++i) {
            const auto& a = cases[i];
            values += std::string(i == start ? "" : ", ") + application_values;
            params.insert(params.end(), {a.household_id, a.kind, std::int64_t{a.year}, a.state, a.township_code,
                                         a.village_code, now_ms, now_ms});
            if (seen.insert(a.household_id).second) {
                households += std::string(households.empty() ? "(" : ", ") + "?";
                household_ids.emplace_back(a.household_id);
            }
        }
        conn_.execute(std::string(insert_applications) + values, params);
        std::vector<sql::value> step_params{step.action, step.at_ms, step.username, step.role, step.note,
                                            step.details.empty() ? "{}" : step.details};
        step_params.insert(step_params.end(), household_ids.begin(), household_ids.end());
        conn_.execute(std::string(insert_first_steps) + households + ")", step_params);
    }
}

std::vector<common::application_step> application_repository::steps(std::int64_t application_id) {
    std::vector<common::application_step> out;
    for (const auto& r : conn_.query(select_steps, {application_id})) {
        common::application_step s;
        s.seq = static_cast<int>(r.get_int64(0));
        s.action = r.get_string(1);
        s.from_state = r.get_string(2);
        s.to_state = r.get_string(3);
        s.at_ms = r.get_int64(4);
        s.username = r.get_string(5);
        s.role = r.get_string(6);
        s.note = r.get_string(7);
        s.reason = r.get_string(8);
        s.details = r.get_string(9);
        out.push_back(std::move(s));
    }
    return out;
}

}  // namespace fupin::server::storage
