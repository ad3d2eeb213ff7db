#include "bench/growth/bulk_loader.hpp"

#include <chrono>
#include <optional>
#include <stdexcept>

#include "common/china_date.hpp"
#include "common/household_validation.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_columns.hpp"

namespace fupin::bench {
namespace {

namespace sql = server::sql;

using columns = server::storage::household_columns;

// The repository's columns (household_columns.hpp) plus the id, so members can name their household without a
// last_insert_id() round trip per row; and the kept fields the server sets.
const std::string& insert_households_head() {
    static const std::string sql = "INSERT INTO households (id, " + columns::joined(columns::household_names()) +
                                   ", status, version, created_at_ms, updated_at_ms) VALUES ";
    return sql;
}
const std::size_t household_columns = columns::household_names().size() + 5;
const std::string& insert_members_head() {
    static const std::string sql =
        "INSERT INTO members (household_id, seq, " + columns::joined(columns::member_names()) + ") VALUES ";
    return sql;
}
const std::size_t member_columns = columns::member_names().size() + 2;
// Rows per statement: 250 × 40 and 1000 × 23 parameters stay far below SQLite's 32,766 variables and MySQL's
// 65,535 placeholders, and a statement stays well under max_allowed_packet (about 100 KB). Fixed sizes keep
// the statement text constant, so each connection prepares it once.
constexpr std::size_t households_per_statement = 250;
constexpr std::size_t members_per_statement = 1000;

constexpr const char* loading_cache_size = "PRAGMA cache_size = -524288";  // KiB: 512 MB

constexpr const char* select_max_id = "SELECT COALESCE(MAX(id), 0) FROM households";

std::string multi_row_insert(const std::string& head, std::size_t columns, std::size_t rows) {
    std::string one = "(?";
    for (std::size_t c = 1; c < columns; ++c) one += ",?";
    one += ")";
    std::string sql = head;
    sql.reserve(sql.size() + rows * (one.size() + 1));
    for (std::size_t r = 0; r < rows; ++r) sql += (r == 0 ? "" : ",") + one;
    return sql;
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
        household_params_.push_back(h.id);
        auto values = columns::household_values(h);
        household_params_.insert(household_params_.end(), std::make_move_iterator(values.begin()),
                                 std::make_move_iterator(values.end()));
        household_params_.insert(household_params_.end(), {h.status, h.version, h.created_at_ms, h.updated_at_ms});
        std::int64_t seq = 0;
        for (const common::member& m : h.members) {
            member_params_.insert(member_params_.end(), {h.id, ++seq});
            auto member = columns::member_values(m);
            member_params_.insert(member_params_.end(), std::make_move_iterator(member.begin()),
                                  std::make_move_iterator(member.end()));
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
    conn_.execute(multi_row_insert(insert_households_head(), household_columns, rows), household_params_);
    household_params_.clear();
}

void bulk_loader::flush_members(std::size_t rows) {
    if (rows == 0) return;
    const auto count = static_cast<std::ptrdiff_t>(rows * member_columns);
    const std::vector<sql::value> chunk(member_params_.begin(), member_params_.begin() + count);
    conn_.execute(multi_row_insert(insert_members_head(), member_columns, rows), chunk);
    member_params_.erase(member_params_.begin(), member_params_.begin() + count);
}

}  // namespace fupin::bench
