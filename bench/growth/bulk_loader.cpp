#include "bench/growth/bulk_loader.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>

#include "common/china_date.hpp"
#include "common/household_validation.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::bench {
namespace {

namespace sql = server::sql;

// Same columns as household_repository's insert, plus the id, so members can name their household without a
// last_insert_id() round trip per row.
constexpr const char* insert_households_head =
    "INSERT INTO households (id, township_code, village_code, group_code, head_name, address, phone, bank_name, "
    "bank_account, land_contracted_mu, land_transferred_mu, land_abandoned_mu, housing, housing_area_m2, "
    "drinking_water, electricity, road_access, consumption_level, assets_value_fen, assets_note, income_year, "
    "income_wages_fen, income_production_business_fen, income_property_fen, income_transfers_fen, "
    "per_capita_net_income_fen, main_cause, other_cause_1, other_cause_2, identification_standard, poverty_type, "
    "military_family, only_child_family, two_daughters_family, national_number, "
    "status, version, created_at_ms, updated_at_ms) VALUES ";
constexpr int household_columns = 39;
constexpr const char* insert_members_head =
    "INSERT INTO members (household_id, seq, name, id_number, sex, birth_date, relation, education, health, "
    "disability_grade, labour_capacity, migrant_work_months, migrant_work_income_fen) VALUES ";
constexpr int member_columns = 13;
// Rows per statement: 250 × 39 and 1000 × 13 parameters stay far below SQLite's 32,766 variables and MySQL's
// 65,535 placeholders, and a statement stays well under max_allowed_packet (about 100 KB). Fixed sizes keep
// the statement text constant, so each connection prepares it once.
constexpr std::size_t households_per_statement = 250;
constexpr std::size_t members_per_statement = 1000;

constexpr const char* loading_cache_size = "PRAGMA cache_size = -524288";  // KiB: 512 MB

constexpr const char* select_max_id = "SELECT COALESCE(MAX(id), 0) FROM households";

std::string multi_row_insert(const char* head, int columns, std::size_t rows) {
    std::string one = "(?";
    for (int c = 1; c < columns; ++c) one += ",?";
    one += ")";
    std::string sql = head;
    sql.reserve(sql.size() + rows * (one.size() + 1));
    for (std::size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ",") + one;
    return sql;
}

sql::value optional_text(const std::vector<std::string>& v, std::size_t i) {
    if (i < v.size()) return v[i];
    return sql::null;
}

}  // namespace

bulk_loader::bulk_loader(sql::connection& conn, const test_data::household_generator& generator, int batch)
    : conn_(conn), generator_(generator), batch_(batch) {
    if (batch_ < 1) throw std::invalid_argument("batch must be at least 1");
}

std::int64_t bulk_loader::next_index() { return conn_.query(select_max_id).at(0).get_int64(0); }

load_result bulk_loader::grow_to(std::int64_t target, const std::function<void(std::int64_t)>& progress) {
    if (target > test_data::household_generator::max_households)
        throw std::invalid_argument("at most " + std::to_string(test_data::household_generator::max_households) + " households");
    const auto start = std::chrono::steady_clock::now();
    load_result result;
    result.from = next_index();
    result.to = std::max(result.from, target);
    // SQLite's default page cache (2 MB) overflows within one 5,000-household transaction once the indexes
    // are large; it then spills dirty pages to the WAL again and again (55 GB written and 39 GB read for
    // 1M households). A big cache for this connection while loading only costs memory; the old size is put
    // back so that the probe that follows measures what the server sees.
    std::optional<std::int64_t> sqlite_cache;
    if (conn_.dialect() == sql::dialect::sqlite && result.from < target) {
        sqlite_cache = conn_.query("PRAGMA cache_size").at(0).get_int64(0);
        conn_.execute_script(loading_cache_size);
    }
    for (std::int64_t from = result.from; from < target; from += batch_) {
        const std::int64_t to = std::min<std::int64_t>(target, from + batch_);
        write_batch(from, to, result.member_rows);
        if (progress) progress(to);
    }
    if (sqlite_cache) conn_.execute_script("PRAGMA cache_size = " + std::to_string(*sqlite_cache));
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

void bulk_loader::write_batch(std::int64_t from, std::int64_t to, std::int64_t& member_rows) {
    sql::transaction tx(conn_, sql::tx_mode::write);
    household_params_.clear();
    member_params_.clear();
    for (std::int64_t index = from; index < to; ++index) {
        const common::household h = generator_.make(index);
        // The first file of each batch goes through the server's own rules: generated data that the server
        // would refuse would measure an archive that cannot exist. Throws common::api_error.
        if (index == from) common::validate(h, common::today_in_china());
        household_params_.insert(
            household_params_.end(),
            {h.id, h.township_code, h.village_code, h.group_code, h.head_name, h.address, h.phone, h.bank_name,
             h.bank_account, h.land.contracted_mu, h.land.transferred_mu, h.land.abandoned_mu, h.conditions.housing,
             h.conditions.housing_area_m2, h.conditions.drinking_water, h.conditions.electricity,
             h.conditions.road_access, h.conditions.consumption_level, h.conditions.assets_value,
             h.conditions.assets_note, std::int64_t{h.income.year}, h.income.wages, h.income.production_business,
             h.income.property, h.income.transfers, h.per_capita_net_income, h.main_cause,
             optional_text(h.other_causes, 0), optional_text(h.other_causes, 1), h.identification_standard,
             h.poverty_type, std::int64_t{h.military_family}, std::int64_t{h.only_child_family},
             std::int64_t{h.two_daughters_family}, h.national_number, h.status, h.version, h.created_at_ms,
             h.updated_at_ms});
        std::int64_t seq = 0;
        for (const common::member& m : h.members) {
            member_params_.insert(member_params_.end(),
                                  {h.id, ++seq, m.name, m.id_number, m.sex, m.birth_date, m.relation, m.education,
                                   m.health, std::int64_t{m.disability_grade}, m.labour_capacity,
                                   std::int64_t{m.migrant_work_months}, m.migrant_work_income});
        }
        member_rows += seq;
        // Members reference their household (a foreign key), so households go first.
        if (household_params_.size() == households_per_statement * household_columns) {
            flush_households(households_per_statement);
            while (member_params_.size() >= members_per_statement * member_columns) flush_members(members_per_statement);
        }
    }
    flush_households(household_params_.size() / household_columns);
    while (!member_params_.empty())
        flush_members(std::min(members_per_statement, member_params_.size() / member_columns));
    tx.commit();
}

void bulk_loader::flush_households(std::size_t rows) {
    if (rows == 0) return;
    conn_.execute(multi_row_insert(insert_households_head, household_columns, rows), household_params_);
    household_params_.clear();
}

void bulk_loader::flush_members(std::size_t rows) {
    if (rows == 0) return;
    const auto count = static_cast<std::ptrdiff_t>(rows * member_columns);
    const std::vector<sql::value> chunk(member_params_.begin(), member_params_.begin() + count);
    conn_.execute(multi_row_insert(insert_members_head, member_columns, rows), chunk);
    member_params_.erase(member_params_.begin(), member_params_.begin() + count);
}

}  // namespace fupin::bench
