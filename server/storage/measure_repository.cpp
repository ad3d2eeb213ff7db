#include "server/storage/measure_repository.hpp"

#include <map>

namespace fupin::server::storage {
namespace {

constexpr const char* insert_measure =
    "INSERT INTO measures (household_id, village_code, category, plan_year, content, helper_id, project_id, status, "
    "cancel_reason, start_date, end_date, planned_total_fen, paid_total_fen, version, updated_by, updated_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
constexpr const char* update_measure =
    "UPDATE measures SET category = ?, plan_year = ?, content = ?, helper_id = ?, project_id = ?, status = ?, "
    "cancel_reason = ?, start_date = ?, end_date = ?, planned_total_fen = ?, paid_total_fen = ?, "
    "version = version + 1, updated_by = ?, "
    "updated_at_ms = ? "
    "WHERE id = ? AND version = ?";
constexpr const char* select_measures =
    "SELECT m.id, m.household_id, m.village_code, m.category, m.plan_year, m.content, m.helper_id, h.name, "
    "m.project_id, p.name, m.status, m.cancel_reason, m.start_date, m.end_date, m.version, m.updated_by, "
    "m.updated_at_ms FROM measures m LEFT JOIN helpers h ON h.id = m.helper_id "
    "LEFT JOIN projects p ON p.id = m.project_id";
constexpr const char* delete_funds = "DELETE FROM measure_funds WHERE measure_id = ?";
// A fund keeps its measure's household, year and status (migration 028: the statistics count funds without a join),
// so the funds are written again with every change of their measure.
constexpr const char* insert_fund =
    "INSERT INTO measure_funds (measure_id, source, planned_fen, paid_fen, household_id, plan_year, measure_status) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";

sql::value id_or_null(std::int64_t id) { return id ? sql::value(id) : sql::value(sql::null); }

common::measure read_measure(const sql::row& r) {
    common::measure m;
    m.id = r.get_int64(0);
    m.household_id = r.get_int64(1);
    m.village_code = r.get_string(2);
    m.category = r.get_string(3);
    m.plan_year = static_cast<int>(r.get_int64(4));
    m.content = r.get_string(5);
    m.helper_id = r.is_null(6) ? 0 : r.get_int64(6);
    m.helper_name = r.is_null(7) ? "" : r.get_string(7);
    m.project_id = r.is_null(8) ? 0 : r.get_int64(8);
    m.project_name = r.is_null(9) ? "" : r.get_string(9);
    m.status = r.get_string(10);
    m.cancel_reason = r.get_string(11);
    m.start_date = r.get_string(12);
    m.end_date = r.get_string(13);
    m.version = r.get_int64(14);
    m.updated_by = r.get_string(15);
    m.updated_at_ms = r.get_int64(16);
    return m;
}

}  // namespace

void measure_repository::insert(common::measure& m, const std::string& by, std::int64_t now_ms) {
    conn_.execute(insert_measure, {m.household_id, m.village_code, m.category, std::int64_t{m.plan_year}, m.content,
                                   id_or_null(m.helper_id), id_or_null(m.project_id), m.status, m.cancel_reason,
                                   m.start_date, m.end_date, common::planned_total(m), common::paid_total(m), by,
                                   now_ms});
    m.id = conn_.last_insert_id();
    m.version = 1;
    m.updated_by = by;
    m.updated_at_ms = now_ms;
    write_funds(m);
}

bool measure_repository::update(common::measure& m, std::int64_t expected_version, const std::string& by,
                                std::int64_t now_ms) {
    if (conn_.execute(update_measure, {m.category, std::int64_t{m.plan_year}, m.content, id_or_null(m.helper_id),
                                       id_or_null(m.project_id), m.status, m.cancel_reason, m.start_date, m.end_date,
                                       common::planned_total(m), common::paid_total(m), by, now_ms, m.id,
                                       expected_version}) == 0)
        return false;
    m.version = expected_version + 1;
    m.updated_by = by;
    m.updated_at_ms = now_ms;
    conn_.execute(delete_funds, {m.id});
    write_funds(m);
    return true;
}

void measure_repository::write_funds(const common::measure& m) {
    for (const auto& f : m.funds)
        conn_.execute(insert_fund, {m.id, f.source, f.planned, f.paid, m.household_id, std::int64_t{m.plan_year}, m.status});
}

std::optional<common::measure> measure_repository::find(std::int64_t id) {
    auto found = read(" WHERE m.id = ?", {id});
    if (found.empty()) return std::nullopt;
    return std::move(found.front());
}

std::vector<common::measure> measure_repository::of_household(std::int64_t household_id, int year) {
    if (year) return read(" WHERE m.household_id = ? AND m.plan_year = ? ORDER BY m.id", {household_id, std::int64_t{year}});
    return read(" WHERE m.household_id = ? ORDER BY m.id", {household_id});
}

std::vector<common::measure> measure_repository::read(const std::string& where, const std::vector<sql::value>& params) {
    std::vector<common::measure> out;
    std::map<std::int64_t, std::size_t> at;
    for (const auto& r : conn_.query(select_measures + where, params)) {
        at[r.get_int64(0)] = out.size();
        out.push_back(read_measure(r));
    }
    if (out.empty()) return out;
    // The funds of these measures in one statement, in the vocabulary's order of sources.
    std::string in;
    std::vector<sql::value> ids;
    for (const auto& m : out) {
        in += in.empty() ? "?" : ", ?";
        ids.emplace_back(std::int64_t{m.id});
    }
    for (const auto& r : conn_.query("SELECT measure_id, source, planned_fen, paid_fen FROM measure_funds WHERE "
                                     "measure_id IN (" + in + ") ORDER BY measure_id, CASE source "
                                     "WHEN 'central' THEN 1 WHEN 'provincial' THEN 2 WHEN 'municipal' THEN 3 "
                                     "WHEN 'county' THEN 4 WHEN 'credit' THEN 5 WHEN 'self' THEN 6 ELSE 7 END",
                                     ids))
        out[at.at(r.get_int64(0))].funds.push_back({r.get_string(1), r.get_int64(2), r.get_int64(3)});
    return out;
}

}  // namespace fupin::server::storage
