#include "server/storage/posting_repository.hpp"

#include "common/posting_period.hpp"
#include "common/china_date.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_posting =
    "INSERT INTO postings (level, area_code, year, published_on, days, next_step_on, published_at_ms, published_by) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* insert_entry =
    "INSERT INTO posting_entries (posting_id, application_id, position, head_name, village_code, group_code, "
    "household_size, per_capita_net_income_fen, main_cause, appraisal_rank) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_posting =
    "SELECT p.id, p.level, p.area_code, COALESCE(ar.name, ''), p.year, p.published_on, p.days, p.next_step_on, "
    "p.published_at_ms, p.published_by FROM postings p LEFT JOIN areas ar ON ar.code = p.area_code ";
constexpr const char* select_entries =
    "SELECT e.application_id, e.position, e.head_name, e.village_code, COALESCE(v.name, ''), e.group_code, "
    "COALESCE(g.name, ''), e.household_size, e.per_capita_net_income_fen, e.main_cause, e.appraisal_rank "
    "FROM posting_entries e LEFT JOIN areas v ON v.code = e.village_code LEFT JOIN areas g ON g.code = e.group_code "
    "WHERE e.posting_id = ? ORDER BY e.position";

common::posting read_posting(const sql::row& r) {
    common::posting p;
    p.id = r.get_int64(0);
    p.level = r.get_string(1);
    p.area_code = r.get_string(2);
    p.area_name = r.get_string(3);
    p.year = static_cast<int>(r.get_int64(4));
    p.published_on = r.get_string(5);
    p.days = static_cast<int>(r.get_int64(6));
    p.next_step_on = r.get_string(7);
    p.published_at_ms = r.get_int64(8);
    p.published_by = r.get_string(9);
    if (auto d = common::parse_date(p.published_on))
        p.last_day = common::format_date(common::posting_period(*d, p.days).last_day());
    return p;
}

}  // namespace

void posting_repository::insert(common::posting& p) {
    conn_.execute(insert_posting, {p.level, p.area_code, std::int64_t{p.year}, p.published_on, std::int64_t{p.days},
                                   p.next_step_on, p.published_at_ms, p.published_by});
    p.id = conn_.last_insert_id();
    for (const auto& e : p.entries)
        conn_.execute(insert_entry, {p.id, e.application_id, std::int64_t{e.position}, e.head_name, e.village_code,
                                     e.group_code, std::int64_t{e.household_size}, e.per_capita_net_income,
                                     e.main_cause,
                                     e.appraisal_rank ? sql::value{std::int64_t{*e.appraisal_rank}} : sql::value{}});
}

std::optional<common::posting> posting_repository::find(std::int64_t id) {
    auto rows = conn_.query(std::string(select_posting) + "WHERE p.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    auto p = read_posting(rows.front());
    for (const auto& r : conn_.query(select_entries, {id})) {
        common::posting_entry e;
        e.application_id = r.get_int64(0);
        e.position = static_cast<int>(r.get_int64(1));
        e.head_name = r.get_string(2);
        e.village_code = r.get_string(3);
        e.village_name = r.get_string(4);
        e.group_code = r.get_string(5);
        e.group_name = r.get_string(6);
        e.household_size = static_cast<int>(r.get_int64(7));
        e.per_capita_net_income = r.get_int64(8);
        e.main_cause = r.get_string(9);
        if (!r.is_null(10)) e.appraisal_rank = static_cast<int>(r.get_int64(10));
        p.entries.push_back(std::move(e));
    }
    return p;
}

std::vector<common::posting> posting_repository::list(const std::string& area_code, int year,
                                                      const std::string& level) {
    std::string where = "WHERE 1 = 1";
    std::vector<sql::value> params;
    // An area's postings are its own and those of the areas below it (division codes nest by prefix).
    if (!area_code.empty()) where += " AND p.area_code LIKE ?", params.push_back(area_code + "%");
    if (year) where += " AND p.year = ?", params.push_back(std::int64_t{year});
    if (!level.empty()) where += " AND p.level = ?", params.push_back(level);
    std::vector<common::posting> out;
    for (const auto& r : conn_.query(std::string(select_posting) + where + " ORDER BY p.id DESC LIMIT 500", params))
        out.push_back(read_posting(r));
    return out;
}

}  // namespace fupin::server::storage
