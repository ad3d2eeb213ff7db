#include "server/storage/household_repository.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <optional>
#include <stdexcept>
#include <unordered_map>

#include "server/sql/error.hpp"
#include "server/storage/household_columns.hpp"

namespace fupin::server::storage {
namespace {

using columns = household_columns;

// The statements made from the column lists (household_columns.hpp), once.
const std::string& insert_household() {  // the first row of an insert; status, version 1, created, updated
    static const std::string sql = "INSERT INTO households (" + columns::joined(columns::household_names()) +
                                   ", status, registered_year, exit_year, policies_until, version, created_at_ms, "
                                   "updated_at_ms) VALUES (" +
                                   columns::placeholders(columns::household_names().size()) + ", ?, ?, ?, ?, 1, ?, ?)";
    return sql;
}
const std::string& household_values() {  // each further household of insert_all()
    static const std::string sql =
        ", (" + columns::placeholders(columns::household_names().size()) + ", ?, ?, ?, ?, 1, ?, ?)";
    return sql;
}
// The version check lives in the WHERE clause, so two concurrent edits of one version cannot both win.
const std::string& update_household() {
    static const std::string sql = [] {
        std::string text = "UPDATE households SET ";
        for (const auto& name : columns::household_names()) text += std::string(name) + " = ?, ";
        return text + "updated_at_ms = ?, version = version + 1 WHERE id = ? AND version = ?";
    }();
    return sql;
}

// A registration names its year; the other changes of status keep the year the household was registered.
constexpr const char* update_status =
    "UPDATE households SET status = ?, exit_year = ?, policies_until = ?, "
    "registered_year = COALESCE(?, registered_year), updated_at_ms = ?, version = version + 1 WHERE id = ?";

constexpr const char* lock_household = "SELECT id FROM households WHERE id = ?";
constexpr const char* select_kept_fields =
    "SELECT version, status, created_at_ms, exit_year, policies_until, registered_year FROM households WHERE id = ?";

// Columns read by read_household(), in its order: the kept fields, the area names (from the areas table), then
// the editable columns. Followed by a WHERE, or by the member columns and join_members_where_id.
constexpr std::size_t first_editable_column = 11;
const std::string& select_household() {
    static const std::string sql =
        "SELECT h.id, h.version, h.status, h.created_at_ms, h.updated_at_ms, COALESCE(t.name, ''), "
        "COALESCE(v.name, ''), COALESCE(g.name, ''), h.exit_year, h.policies_until, h.registered_year, " +
        columns::joined(columns::household_names(), "h.") +
        " FROM households h "
        "LEFT JOIN areas t ON t.code = h.township_code "
        "LEFT JOIN areas v ON v.code = h.village_code "
        "LEFT JOIN areas g ON g.code = h.group_code ";
    return sql;
}
// One household with its members, one row per member (the household's columns repeated): a single statement,
// so one round trip and one consistent view on both databases without a transaction around it.
constexpr const char* join_members_where_id =
    "LEFT JOIN members m ON m.household_id = h.id WHERE h.id = ? ORDER BY m.seq";

// List filters. The most specific area code goes to an index; the coarser codes, when also given, still
// filter but are written `+col` so SQLite's planner (which has no statistics) cannot pick their index.
constexpr const char* filter_group = "h.group_code = ?";
constexpr const char* filter_village = "h.village_code = ?";
constexpr const char* filter_township = "h.township_code = ?";
constexpr const char* filter_village_extra = "+h.village_code = ?";
constexpr const char* filter_township_extra = "+h.township_code = ?";
constexpr const char* filter_status = "h.status = ?";
constexpr const char* filter_cause = "h.main_cause = ?";
// The search as an ID number (17 digits and a digit or X, a lowercase x upper-cased), or nothing when it is
// not one.
std::optional<std::string> as_id_number(std::string text) {
    if (text.size() != 18) return std::nullopt;
    if (text.back() == 'x') text.back() = 'X';
    for (std::size_t i = 0; i < 18; ++i)
        if (!std::isdigit(static_cast<unsigned char>(text[i])) && !(i == 17 && text[i] == 'X')) return std::nullopt;
    return text;
}

// A search: a whole ID number finds its member's household through the unique index; anything else is a part
// of a name, the head's or any member's (the area's filter above keeps the scan to the caller's files).
constexpr const char* filter_id_number = "h.id IN (SELECT s.household_id FROM members s WHERE s.id_number = ?)";
constexpr const char* filter_name =
    "(h.head_name LIKE ? ESCAPE '!' OR h.id IN (SELECT s.household_id FROM members s WHERE s.name LIKE ? ESCAPE '!'))";
// After (ms, id) in (updated_at_ms DESC, id DESC) order; the first term is a plain index range.
constexpr const char* filter_after_token = "h.updated_at_ms <= ? AND (h.updated_at_ms < ? OR h.id < ?)";
constexpr const char* order_newest_first = " ORDER BY h.updated_at_ms DESC, h.id DESC LIMIT ?";
// A register's order within its village, keyset-paged; the village's index finds its rows, a village's few
// hundred are sorted.
constexpr const char* in_village_after =
    "WHERE h.village_code = ? AND (h.group_code > ? OR (h.group_code = ? AND h.id > ?)) "
    "ORDER BY h.group_code, h.id LIMIT ?";

const std::string& insert_member() {  // the first row; household_id, seq, then the member's columns
    static const std::string sql = "INSERT INTO members (household_id, seq, " +
                                   columns::joined(columns::member_names()) + ") VALUES (?, ?, " +
                                   columns::placeholders(columns::member_names().size()) + ")";
    return sql;
}
const std::string& member_values() {  // each further member
    static const std::string sql = ", (?, ?, " + columns::placeholders(columns::member_names().size()) + ")";
    return sql;
}
constexpr std::size_t members_per_statement = 64;
constexpr const char* delete_members = "DELETE FROM members WHERE household_id = ?";
// Followed by "(?, ?, …)" and member_order: all members of one page in one query.
const std::string& select_members_in() {
    static const std::string sql = "SELECT household_id, " + columns::joined(columns::member_names()) +
                                   " FROM members WHERE household_id IN ";
    return sql;
}
constexpr const char* member_order = " ORDER BY household_id, seq";

// Columns read by read_location(), in its order; the ID number last (the key of find_people's answer).
constexpr const char* select_person =
    "SELECT m.household_id, h.township_code, COALESCE(t.name, ''), h.village_code, COALESCE(v.name, ''), m.name, "
    "h.status, m.id_number "
    "FROM members m JOIN households h ON h.id = m.household_id "
    "LEFT JOIN areas t ON t.code = h.township_code LEFT JOIN areas v ON v.code = h.village_code ";
constexpr const char* where_id_number = "WHERE m.id_number = ?";
// Followed by "(?, ?, …)": several people at once.
constexpr const char* where_id_number_in = "WHERE m.id_number IN ";
constexpr const char* count_all = "SELECT COUNT(*) FROM households";

constexpr int max_page_size = 200;

std::optional<int> optional_year(const sql::row& r, std::size_t i) {
    if (r.is_null(i)) return std::nullopt;
    return static_cast<int>(r.get_int64(i));
}

sql::value year_value(const std::optional<int>& year) {
    return year ? sql::value{std::int64_t{*year}} : sql::value{sql::null};
}

common::household read_household(const sql::row& r) {
    common::household h;
    h.id = r.get_int64(0);
    h.version = r.get_int64(1);
    h.status = r.get_string(2);
    h.created_at_ms = r.get_int64(3);
    h.updated_at_ms = r.get_int64(4);
    h.township_name = r.get_string(5);
    h.village_name = r.get_string(6);
    h.group_name = r.get_string(7);
    h.exit_year = optional_year(r, 8);
    h.policies_until = optional_year(r, 9);
    h.registered_year = optional_year(r, 10);
    columns::read_household(r, first_editable_column, h);
    return h;
}

// The member's household_id is at column `first`, its fields follow.
common::member read_member(const sql::row& r, std::size_t first = 0) {
    common::member m;
    columns::read_member(r, first + 1, m);
    return m;
}

// Page token: "<updated_at_ms>.<id>" of the last item of the previous page. Strictly decimal digits.
std::int64_t parse_token_part(std::string_view s) {
    std::int64_t n = -1;
    if (s.empty() || s.size() > 18 || !std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; }))
        throw std::invalid_argument("invalid page_token");
    std::from_chars(s.data(), s.data() + s.size(), n);
    return n;
}

std::pair<std::int64_t, std::int64_t> parse_page_token(std::string_view token) {
    if (token.size() > 40) throw std::invalid_argument("invalid page_token");
    const auto dot = token.find('.');
    if (dot == std::string_view::npos) throw std::invalid_argument("invalid page_token");
    const std::int64_t ms = parse_token_part(token.substr(0, dot));
    const std::int64_t id = parse_token_part(token.substr(dot + 1));
    if (id < 1) throw std::invalid_argument("invalid page_token");
    return {ms, id};
}

std::string make_page_token(const common::household& last) {
    return std::to_string(last.updated_at_ms) + "." + std::to_string(last.id);
}

}  // namespace

void household_repository::insert(common::household& h, std::int64_t now_ms) {
    std::vector<sql::value> params = columns::household_values(h);
    params.insert(params.end(), {h.status, year_value(h.registered_year), year_value(h.exit_year),
                                 year_value(h.policies_until), now_ms, now_ms});
    h.id = conn_.insert_with_ids(insert_household(), params, 1, "id").front();
    conn_.record_changed(record_of(h.id));
    h.version = 1;
    h.created_at_ms = now_ms;
    h.updated_at_ms = now_ms;
    insert_members(h);
}

void household_repository::insert_all(std::vector<common::household>& households) {
    if (households.size() == 1 || !conn_.multi_row_insert_ids()) {
        for (auto& h : households) insert(h, h.created_at_ms);
        return;
    }
    if (households.empty()) return;
    // One statement for the households and one for their members (up to members_per_statement rows): a batch
    // of creates costs the round trips of one.
    std::string sql = insert_household();
    std::vector<sql::value> params;
    for (std::size_t i = 0; i < households.size(); ++i) {
        if (i > 0) sql += household_values();
        auto fields = columns::household_values(households[i]);
        params.insert(params.end(), std::make_move_iterator(fields.begin()), std::make_move_iterator(fields.end()));
        const auto& h = households[i];
        params.insert(params.end(), {h.status, year_value(h.registered_year), year_value(h.exit_year),
                                     year_value(h.policies_until), h.created_at_ms, h.created_at_ms});
    }
    const auto ids = conn_.insert_with_ids(sql, params, households.size(), "id");
    for (std::size_t i = 0; i < households.size(); ++i) {
        auto& h = households[i];
        h.id = ids[i];
        conn_.record_changed(record_of(h.id));
        h.version = 1;
        h.updated_at_ms = h.created_at_ms;
    }
    insert_members(households);
}

void household_repository::insert_members(const common::household& h) {
    insert_members(std::span<const common::household>(&h, 1));
}

void household_repository::insert_members(std::span<const common::household> households) {
    // Many members in one statement: one round trip instead of one per member. At most members_per_statement
    // rows each, so a connection prepares at most that many distinct texts of it.
    std::string sql = insert_member();
    std::vector<sql::value> params;
    std::size_t rows = 0;
    for (const common::household& h : households) {
        std::int64_t seq = 0;
        for (const common::member& m : h.members) {
            if (rows == members_per_statement) {
                conn_.execute(sql, params);
                sql = insert_member();
                params.clear();
                rows = 0;
            }
            if (rows++ > 0) sql += member_values();
            params.insert(params.end(), {h.id, ++seq});
            auto values = columns::member_values(m);
            params.insert(params.end(), std::make_move_iterator(values.begin()), std::make_move_iterator(values.end()));
        }
    }
    if (rows > 0) conn_.execute(sql, params);
}

bool household_repository::lock(std::int64_t id) {
    return !conn_.query(std::string(lock_household) + conn_.for_update(), {id}).empty();
}

std::optional<common::household> household_repository::find(std::int64_t id) {
    // The SELECT list is select_household's with the member columns inserted before its FROM.
    static const std::string sql = [] {
        std::string text = select_household();
        text.insert(text.find(" FROM households h "),
                    ", m.household_id, " + columns::joined(columns::member_names(), "m."));
        return text + join_members_where_id;
    }();
    const auto rows = conn_.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    auto household = read_household(rows.front());
    const std::size_t first_member_column = rows.front().size() - 1 - columns::member_names().size();
    for (const auto& r : rows)
        if (!r.is_null(first_member_column)) household.members.push_back(read_member(r, first_member_column));
    return household;
}

bool household_repository::update(common::household& h, std::int64_t expected_version, std::int64_t now_ms) {
    std::vector<sql::value> params = columns::household_values(h);
    params.insert(params.end(), {now_ms, h.id, expected_version});
    if (conn_.execute(update_household(), params) == 0) return false;
    conn_.record_changed(record_of(h.id));
    conn_.execute(delete_members, {h.id});
    insert_members(h);
    const auto kept = conn_.query(select_kept_fields, {h.id});
    const sql::row& r = kept.at(0);
    h.version = r.get_int64(0);
    h.status = r.get_string(1);
    h.created_at_ms = r.get_int64(2);
    h.exit_year = optional_year(r, 3);
    h.policies_until = optional_year(r, 4);
    h.registered_year = optional_year(r, 5);
    h.updated_at_ms = now_ms;
    return true;
}

bool household_repository::set_status(std::int64_t id, const std::string& status, std::int64_t now_ms,
                                      std::optional<int> exit_year, std::optional<int> policies_until,
                                      std::optional<int> registered_year) {
    if (conn_.execute(update_status, {status, year_value(exit_year), year_value(policies_until),
                                      year_value(registered_year), now_ms, id}) == 0)
        return false;
    conn_.record_changed(record_of(id));
    return true;
}

common::household_page household_repository::list(const common::household_filter& filter) {
    std::vector<std::string> where;
    std::vector<sql::value> params;
    auto add = [&](const char* condition, sql::value v) {
        where.emplace_back(condition);
        params.push_back(std::move(v));
    };
    if (!filter.group_code.empty()) {
        add(filter_group, filter.group_code);
        if (!filter.village_code.empty()) add(filter_village_extra, filter.village_code);
        if (!filter.township_code.empty()) add(filter_township_extra, filter.township_code);
    } else if (!filter.village_code.empty()) {
        add(filter_village, filter.village_code);
        if (!filter.township_code.empty()) add(filter_township_extra, filter.township_code);
    } else if (!filter.township_code.empty()) {
        add(filter_township, filter.township_code);
    }
    if (!filter.status.empty()) add(filter_status, filter.status);
    if (!filter.main_cause.empty()) add(filter_cause, filter.main_cause);
    if (!filter.search.empty()) {
        if (const auto id_number = as_id_number(filter.search)) {
            add(filter_id_number, *id_number);
        } else {
            std::string pattern = "%";
            for (const char c : filter.search) {
                if (c == '%' || c == '_' || c == '!') pattern += '!';
                pattern += c;
            }
            pattern += '%';
            add(filter_name, pattern);
            params.push_back(pattern);
        }
    }
    if (!filter.page_token.empty()) {
        const auto [ms, id] = parse_page_token(filter.page_token);
        where.emplace_back(filter_after_token);
        params.insert(params.end(), {ms, ms, id});
    }

    std::string sql = select_household();
    for (std::size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? "WHERE " : " AND ") + where[i];
    sql += order_newest_first;
    const int page_size = std::clamp(filter.page_size, 1, max_page_size);
    params.emplace_back(std::int64_t{page_size + 1});  // one extra row tells whether a next page exists

    common::household_page page;
    for (const auto& r : conn_.query(sql, params)) page.items.push_back(read_household(r));
    if (page.items.size() > static_cast<std::size_t>(page_size)) {
        page.items.pop_back();
        page.next_page_token = make_page_token(page.items.back());
    }
    load_members(page.items);
    return page;
}

std::vector<common::household> household_repository::in_register_order(const std::string& village_code,
                                                                       const std::string& after_group,
                                                                       std::int64_t after_id, int limit) {
    std::vector<common::household> out;
    for (const auto& r : conn_.query(select_household() + in_village_after,
                                     {village_code, after_group, after_group, after_id, std::int64_t{limit}}))
        out.push_back(read_household(r));
    load_members(out);
    return out;
}

void household_repository::load_members(std::vector<common::household>& households) {
    if (households.empty()) return;
    // Pad the IN list to a power of two (repeating the last id) so at most a handful of distinct statements
    // reach the per-connection statement cache.
    std::size_t slots = 1;
    while (slots < households.size()) slots *= 2;
    std::string sql = select_members_in();
    std::vector<sql::value> params;
    std::unordered_map<std::int64_t, common::household*> by_id;
    for (std::size_t i = 0; i < slots; ++i) {
        sql += i == 0 ? "(?" : ", ?";
        params.emplace_back(households[std::min(i, households.size() - 1)].id);
    }
    sql += std::string(")") + member_order;
    for (auto& h : households) {
        h.members.clear();
        by_id[h.id] = &h;
    }
    for (const auto& r : conn_.query(sql, params)) by_id.at(r.get_int64(0))->members.push_back(read_member(r));
}

namespace {

person_location read_location(const sql::row& r) {
    return person_location{r.get_int64(0),  r.get_string(1), r.get_string(2), r.get_string(3),
                           r.get_string(4), r.get_string(5), r.get_string(6)};
}

}  // namespace

std::optional<person_location> household_repository::find_person(const std::string& id_number) {
    const auto rows = conn_.query(std::string(select_person) + where_id_number, {id_number});
    if (rows.empty()) return std::nullopt;
    return read_location(rows.front());
}

std::map<std::string, person_location> household_repository::find_people(const std::vector<std::string>& id_numbers) {
    std::map<std::string, person_location> found;
    if (id_numbers.empty()) return found;
    // Padded to a power of two, repeating the last number, so only a few distinct statements are prepared.
    std::size_t slots = 1;
    while (slots < id_numbers.size()) slots *= 2;
    std::string sql = std::string(select_person) + where_id_number_in;
    std::vector<sql::value> params;
    for (std::size_t i = 0; i < slots; ++i) {
        sql += i == 0 ? "(?" : ", ?";
        params.emplace_back(id_numbers[std::min(i, id_numbers.size() - 1)]);
    }
    sql += ")";
    for (const auto& r : conn_.query(sql, params)) found.emplace(r.get_string(7), read_location(r));
    return found;
}

std::int64_t household_repository::count() { return conn_.query(count_all).at(0).get_int64(0); }

}  // namespace fupin::server::storage
