#include "server/storage/household_repository.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>
#include <unordered_map>

#include "server/sql/error.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_household =
    "INSERT INTO households (township_code, village_code, group_code, head_name, address, phone, bank_name, "
    "bank_account, land_contracted_mu, land_transferred_mu, land_abandoned_mu, housing, housing_area_m2, "
    "drinking_water, electricity, road_access, consumption_level, assets_value_fen, assets_note, income_year, "
    "income_wages_fen, income_production_business_fen, income_property_fen, income_transfers_fen, "
    "per_capita_net_income_fen, main_cause, other_cause_1, other_cause_2, identification_standard, poverty_type, "
    "military_family, only_child_family, two_daughters_family, national_number, "
    "identification_flags, status, version, created_at_ms, updated_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
    "1, ?, ?)";
// Each further household of insert_all(), after insert_household.
constexpr const char* household_values =
    ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";

// The version check lives in the WHERE clause, so two concurrent edits of one version cannot both win.
constexpr const char* update_household =
    "UPDATE households SET township_code = ?, village_code = ?, group_code = ?, head_name = ?, address = ?, "
    "phone = ?, bank_name = ?, bank_account = ?, land_contracted_mu = ?, land_transferred_mu = ?, "
    "land_abandoned_mu = ?, housing = ?, housing_area_m2 = ?, drinking_water = ?, electricity = ?, "
    "road_access = ?, consumption_level = ?, assets_value_fen = ?, assets_note = ?, income_year = ?, "
    "income_wages_fen = ?, income_production_business_fen = ?, income_property_fen = ?, "
    "income_transfers_fen = ?, per_capita_net_income_fen = ?, main_cause = ?, other_cause_1 = ?, "
    "other_cause_2 = ?, identification_standard = ?, poverty_type = ?, military_family = ?, "
    "only_child_family = ?, two_daughters_family = ?, national_number = ?, identification_flags = ?, "
    "updated_at_ms = ?, "
    "version = version + 1 "
    "WHERE id = ? AND version = ?";

constexpr const char* update_status =
    "UPDATE households SET status = ?, updated_at_ms = ?, version = version + 1 WHERE id = ?";

constexpr const char* lock_household = "SELECT id FROM households WHERE id = ?";
constexpr const char* select_kept_fields = "SELECT version, status, created_at_ms FROM households WHERE id = ?";

// Columns read by read_household(), in its order; the area names come from the areas table.
constexpr const char* select_household =
    "SELECT h.id, h.version, h.status, h.created_at_ms, h.updated_at_ms, "
    "h.township_code, COALESCE(t.name, ''), h.village_code, COALESCE(v.name, ''), h.group_code, "
    "COALESCE(g.name, ''), h.head_name, h.address, h.phone, h.bank_name, h.bank_account, "
    "h.land_contracted_mu, h.land_transferred_mu, h.land_abandoned_mu, h.housing, h.housing_area_m2, "
    "h.drinking_water, h.electricity, h.road_access, h.consumption_level, h.assets_value_fen, h.assets_note, "
    "h.income_year, h.income_wages_fen, h.income_production_business_fen, h.income_property_fen, "
    "h.income_transfers_fen, h.per_capita_net_income_fen, h.main_cause, h.other_cause_1, h.other_cause_2, "
    "h.identification_standard, h.poverty_type, h.military_family, h.only_child_family, h.two_daughters_family, "
    "h.national_number, h.identification_flags "
    "FROM households h "
    "LEFT JOIN areas t ON t.code = h.township_code "
    "LEFT JOIN areas v ON v.code = h.village_code "
    "LEFT JOIN areas g ON g.code = h.group_code ";
// One household with its members, one row per member (the household's columns repeated): a single statement,
// so one round trip and one consistent view on both databases without a transaction around it.
constexpr const char* with_members_where_id =
    ", m.household_id, m.name, m.id_number, m.sex, m.birth_date, m.relation, m.education, m.health, "
    "m.disability_grade, m.labour_capacity, m.migrant_work_months, m.migrant_work_income_fen ";
constexpr const char* join_members_where_id =
    "LEFT JOIN members m ON m.household_id = h.id WHERE h.id = ? ORDER BY m.seq";
constexpr std::size_t member_columns = 12;  // m.household_id and the eleven fields read_member() reads

// List filters. The most specific area code goes to an index; the coarser codes, when also given, still
// filter but are written `+col` so SQLite's planner (which has no statistics) cannot pick their index.
constexpr const char* filter_group = "h.group_code = ?";
constexpr const char* filter_village = "h.village_code = ?";
constexpr const char* filter_township = "h.township_code = ?";
constexpr const char* filter_village_extra = "+h.village_code = ?";
constexpr const char* filter_township_extra = "+h.township_code = ?";
constexpr const char* filter_status = "h.status = ?";
// After (ms, id) in (updated_at_ms DESC, id DESC) order; the first term is a plain index range.
constexpr const char* filter_after_token = "h.updated_at_ms <= ? AND (h.updated_at_ms < ? OR h.id < ?)";
constexpr const char* order_newest_first = " ORDER BY h.updated_at_ms DESC, h.id DESC LIMIT ?";

constexpr const char* insert_member =
    "INSERT INTO members (household_id, seq, name, id_number, sex, birth_date, relation, education, health, "
    "disability_grade, labour_capacity, migrant_work_months, migrant_work_income_fen) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* member_values = ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";  // each further member
constexpr std::size_t members_per_statement = 64;
constexpr const char* delete_members = "DELETE FROM members WHERE household_id = ?";
// Followed by "(?, ?, …)" and member_order: all members of one page in one query.
constexpr const char* select_members_in =
    "SELECT household_id, name, id_number, sex, birth_date, relation, education, health, disability_grade, "
    "labour_capacity, migrant_work_months, migrant_work_income_fen FROM members WHERE household_id IN ";
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

sql::value optional_text(const std::vector<std::string>& v, std::size_t i) {
    if (i < v.size()) return v[i];
    return sql::null;
}

// identification_facts in one integer column, a bit each (schema 005). The bit of a fact never changes.
constexpr std::int64_t flag_elderly_with_disabled_children = 1 << 0;
constexpr std::int64_t flag_elderly_parents_of_only_child = 1 << 1;
constexpr std::int64_t flag_elderly_in_daughters_only_family = 1 << 2;
constexpr std::int64_t flag_land_abandoned_refusing_transfer = 1 << 3;
constexpr std::int64_t flag_family_planning_violation = 1 << 4;
constexpr std::int64_t flag_gambling_drugs_or_crime = 1 << 5;

std::int64_t identification_flags(const common::identification_facts& f) {
    return (f.elderly_with_disabled_children ? flag_elderly_with_disabled_children : 0) |
           (f.elderly_parents_of_only_child ? flag_elderly_parents_of_only_child : 0) |
           (f.elderly_in_daughters_only_family ? flag_elderly_in_daughters_only_family : 0) |
           (f.land_abandoned_refusing_transfer ? flag_land_abandoned_refusing_transfer : 0) |
           (f.family_planning_violation ? flag_family_planning_violation : 0) |
           (f.gambling_drugs_or_crime ? flag_gambling_drugs_or_crime : 0);
}

common::identification_facts identification_facts_of(std::int64_t flags) {
    common::identification_facts f;
    f.elderly_with_disabled_children = (flags & flag_elderly_with_disabled_children) != 0;
    f.elderly_parents_of_only_child = (flags & flag_elderly_parents_of_only_child) != 0;
    f.elderly_in_daughters_only_family = (flags & flag_elderly_in_daughters_only_family) != 0;
    f.land_abandoned_refusing_transfer = (flags & flag_land_abandoned_refusing_transfer) != 0;
    f.family_planning_violation = (flags & flag_family_planning_violation) != 0;
    f.gambling_drugs_or_crime = (flags & flag_gambling_drugs_or_crime) != 0;
    return f;
}

// The editable fields, in the order shared by insert_household and update_household.
std::vector<sql::value> editable_fields(const common::household& h) {
    return {h.township_code, h.village_code, h.group_code, h.head_name, h.address, h.phone, h.bank_name,
            h.bank_account, h.land.contracted_mu, h.land.transferred_mu, h.land.abandoned_mu,
            h.conditions.housing, h.conditions.housing_area_m2, h.conditions.drinking_water,
            h.conditions.electricity, h.conditions.road_access, h.conditions.consumption_level,
            h.conditions.assets_value, h.conditions.assets_note, std::int64_t{h.income.year}, h.income.wages,
            h.income.production_business, h.income.property, h.income.transfers, h.per_capita_net_income,
            h.main_cause, optional_text(h.other_causes, 0), optional_text(h.other_causes, 1),
            h.identification_standard, h.poverty_type, std::int64_t{h.military_family ? 1 : 0},
            std::int64_t{h.only_child_family ? 1 : 0}, std::int64_t{h.two_daughters_family ? 1 : 0}, h.national_number,
            identification_flags(h.identification)};
}

common::household read_household(const sql::row& r) {
    common::household h;
    std::size_t i = 0;
    h.id = r.get_int64(i++);
    h.version = r.get_int64(i++);
    h.status = r.get_string(i++);
    h.created_at_ms = r.get_int64(i++);
    h.updated_at_ms = r.get_int64(i++);
    h.township_code = r.get_string(i++);
    h.township_name = r.get_string(i++);
    h.village_code = r.get_string(i++);
    h.village_name = r.get_string(i++);
    h.group_code = r.get_string(i++);
    h.group_name = r.get_string(i++);
    h.head_name = r.get_string(i++);
    h.address = r.get_string(i++);
    h.phone = r.get_string(i++);
    h.bank_name = r.get_string(i++);
    h.bank_account = r.get_string(i++);
    h.land.contracted_mu = r.get_double(i++);
    h.land.transferred_mu = r.get_double(i++);
    h.land.abandoned_mu = r.get_double(i++);
    h.conditions.housing = r.get_string(i++);
    h.conditions.housing_area_m2 = r.get_double(i++);
    h.conditions.drinking_water = r.get_string(i++);
    h.conditions.electricity = r.get_string(i++);
    h.conditions.road_access = r.get_string(i++);
    h.conditions.consumption_level = r.get_string(i++);
    h.conditions.assets_value = r.get_int64(i++);
    h.conditions.assets_note = r.get_string(i++);
    h.income.year = static_cast<int>(r.get_int64(i++));
    h.income.wages = r.get_int64(i++);
    h.income.production_business = r.get_int64(i++);
    h.income.property = r.get_int64(i++);
    h.income.transfers = r.get_int64(i++);
    h.per_capita_net_income = r.get_int64(i++);
    h.main_cause = r.get_string(i++);
    for (int k = 0; k < 2; ++k, ++i)
        if (!r.is_null(i)) h.other_causes.push_back(r.get_string(i));
    h.identification_standard = r.get_string(i++);
    h.poverty_type = r.get_string(i++);
    h.military_family = r.get_int64(i++) != 0;
    h.only_child_family = r.get_int64(i++) != 0;
    h.two_daughters_family = r.get_int64(i++) != 0;
    h.national_number = r.get_string(i++);
    h.identification = identification_facts_of(r.get_int64(i++));
    return h;
}

// The member's household_id is at column `first`, its fields follow.
common::member read_member(const sql::row& r, std::size_t first = 0) {
    common::member m;
    std::size_t i = first + 1;
    m.name = r.get_string(i++);
    m.id_number = r.get_string(i++);
    m.sex = r.get_string(i++);
    m.birth_date = r.get_string(i++);
    m.relation = r.get_string(i++);
    m.education = r.get_string(i++);
    m.health = r.get_string(i++);
    m.disability_grade = static_cast<int>(r.get_int64(i++));
    m.labour_capacity = r.get_string(i++);
    m.migrant_work_months = static_cast<int>(r.get_int64(i++));
    m.migrant_work_income = r.get_int64(i++);
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
    std::vector<sql::value> params = editable_fields(h);
    params.insert(params.end(), {h.status, now_ms, now_ms});
    h.id = conn_.insert_with_ids(insert_household, params, 1, "id").front();
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
    std::string sql = insert_household;
    std::vector<sql::value> params;
    for (std::size_t i = 0; i < households.size(); ++i) {
        if (i > 0) sql += household_values;
        auto fields = editable_fields(households[i]);
        params.insert(params.end(), std::make_move_iterator(fields.begin()), std::make_move_iterator(fields.end()));
        params.insert(params.end(), {households[i].status, households[i].created_at_ms, households[i].created_at_ms});
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
    std::string sql = insert_member;
    std::vector<sql::value> params;
    std::size_t rows = 0;
    for (const common::household& h : households) {
        std::int64_t seq = 0;
        for (const common::member& m : h.members) {
            if (rows == members_per_statement) {
                conn_.execute(sql, params);
                sql = insert_member;
                params.clear();
                rows = 0;
            }
            if (rows++ > 0) sql += member_values;
            params.insert(params.end(), {h.id, ++seq, m.name, m.id_number, m.sex, m.birth_date, m.relation,
                                         m.education, m.health, std::int64_t{m.disability_grade}, m.labour_capacity,
                                         std::int64_t{m.migrant_work_months}, m.migrant_work_income});
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
        std::string text = select_household;
        text.insert(text.find(" FROM households h "), with_members_where_id);
        return text + join_members_where_id;
    }();
    const auto rows = conn_.query(sql, {id});
    if (rows.empty()) return std::nullopt;
    auto household = read_household(rows.front());
    const std::size_t first_member_column = rows.front().size() - member_columns;
    for (const auto& r : rows)
        if (!r.is_null(first_member_column)) household.members.push_back(read_member(r, first_member_column));
    return household;
}

bool household_repository::update(common::household& h, std::int64_t expected_version, std::int64_t now_ms) {
    std::vector<sql::value> params = editable_fields(h);
    params.insert(params.end(), {now_ms, h.id, expected_version});
    if (conn_.execute(update_household, params) == 0) return false;
    conn_.record_changed(record_of(h.id));
    conn_.execute(delete_members, {h.id});
    insert_members(h);
    const auto kept = conn_.query(select_kept_fields, {h.id});
    const sql::row& r = kept.at(0);
    h.version = r.get_int64(0);
    h.status = r.get_string(1);
    h.created_at_ms = r.get_int64(2);
    h.updated_at_ms = now_ms;
    return true;
}

bool household_repository::set_status(std::int64_t id, const std::string& status, std::int64_t now_ms) {
    if (conn_.execute(update_status, {status, now_ms, id}) == 0) return false;
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
    if (!filter.page_token.empty()) {
        const auto [ms, id] = parse_page_token(filter.page_token);
        where.emplace_back(filter_after_token);
        params.insert(params.end(), {ms, ms, id});
    }

    std::string sql = select_household;
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

void household_repository::load_members(std::vector<common::household>& households) {
    if (households.empty()) return;
    // Pad the IN list to a power of two (repeating the last id) so at most a handful of distinct statements
    // reach the per-connection statement cache.
    std::size_t slots = 1;
    while (slots < households.size()) slots *= 2;
    std::string sql = select_members_in;
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
