#include "server/sql/sqlite_connection.hpp"

#include <sqlite3.h>

#include <fmt/format.h>

#include <filesystem>
#include <map>

#include "server/sql/error_text.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::sql {
namespace {

// The statement cache is keyed by SQL text; repositories use constants, so this bound is only a guard
// against a caller that builds SQL with values in it.
constexpr std::size_t max_cached_statements = 256;

// Resets a statement when leaving scope, so a cached statement never stays busy (and holds no read lock).
struct reset_guard {
    sqlite3_stmt* stmt;
    ~reset_guard() {
        sqlite3_reset(stmt);
        sqlite3_clear_bindings(stmt);
    }
};

// One writer gate per database file in this process, shared by its connections while any is open.
std::shared_ptr<sqlite_writer_gate> writer_gate_of(const std::string& path) {
    if (path.empty() || path == ":memory:") return nullptr;
    static std::mutex registry_mutex;
    static std::map<std::string, std::weak_ptr<sqlite_writer_gate>> registry;
    std::error_code ec;
    auto key = std::filesystem::weakly_canonical(path, ec).string();
    if (ec) key = path;
    std::lock_guard lock(registry_mutex);
    auto& slot = registry[key];
    auto gate = slot.lock();
    if (!gate) slot = gate = std::make_shared<sqlite_writer_gate>();
    return gate;
}

}  // namespace

void sqlite_connection::stmt_deleter::operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }

sqlite_connection::sqlite_connection(const std::string& path, int busy_timeout_ms)
    : busy_timeout_(busy_timeout_ms) {
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    const int rc = sqlite3_open_v2(path.c_str(), &db_, flags, nullptr);
    if (rc != SQLITE_OK) {
        const std::string msg = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
        sqlite3_close(db_);
        db_ = nullptr;
        throw error(fmt::format("cannot open SQLite database {}: {}", path, msg));
    }
    writer_gate_ = writer_gate_of(path);
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, busy_timeout_ms);
    try {
        // journal_mode answers with a row; WAL lets readers run beside the one writer.
        query("PRAGMA journal_mode = WAL");
        execute_script("PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL;");
    } catch (...) {
        statements_.clear();
        sqlite3_close(db_);
        throw;
    }
}

sqlite_connection::~sqlite_connection() {
    statements_.clear();  // finalize before close, or close fails with SQLITE_BUSY
    sqlite3_close(db_);
}

void sqlite_connection::fail(int rc, std::string_view sql) const {
    const int primary = rc & 0xff;
    const std::string msg = redact_values(sqlite3_errmsg(db_));
    const std::string text = fmt::format("sqlite error {} ({}): {} in: {}", rc, sqlite3_errstr(rc), msg,
                                         sql_excerpt(sql));
    if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY) {
        // "UNIQUE constraint failed: members.id_number"
        std::string name;
        if (const auto colon = msg.find(": "); colon != std::string::npos) name = msg.substr(colon + 2);
        throw constraint_violation(text, name);
    }
    if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED) throw retryable_error(text);
    if (primary == SQLITE_FULL) throw storage_full(text);
    throw error(text);
}

sqlite3_stmt* sqlite_connection::prepare(std::string_view sql) {
    if (auto it = statements_.find(std::string(sql)); it != statements_.end()) return it->second.get();
    sqlite3_stmt* raw = nullptr;
    const int rc = sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                                      &raw, nullptr);
    if (rc != SQLITE_OK) fail(rc, sql);
    if (raw == nullptr) throw error(fmt::format("empty statement: {}", sql_excerpt(sql)));
    if (statements_.size() >= max_cached_statements) statements_.clear();
    return statements_.emplace(std::string(sql), stmt_ptr(raw)).first->second.get();
}

void sqlite_connection::bind(sqlite3_stmt* stmt, std::string_view sql, const std::vector<value>& params) {
    const int expected = sqlite3_bind_parameter_count(stmt);
    if (expected != static_cast<int>(params.size()))
        throw error(fmt::format("statement wants {} parameters, got {}: {}", expected, params.size(),
                                sql_excerpt(sql)));
    for (int i = 0; i < expected; ++i) {
        const value& v = params[static_cast<std::size_t>(i)];
        int rc = SQLITE_OK;
        if (const auto* n = std::get_if<std::int64_t>(&v)) {
            rc = sqlite3_bind_int64(stmt, i + 1, *n);
        } else if (const auto* d = std::get_if<double>(&v)) {
            rc = sqlite3_bind_double(stmt, i + 1, *d);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            rc = sqlite3_bind_text64(stmt, i + 1, s->data(), s->size(), SQLITE_TRANSIENT, SQLITE_UTF8);
        } else {
            rc = sqlite3_bind_null(stmt, i + 1);
        }
        if (rc != SQLITE_OK) fail(rc, sql);
    }
}

std::int64_t sqlite_connection::execute(std::string_view sql, const std::vector<value>& params) {
    sqlite3_stmt* stmt = prepare(sql);
    // A write outside a transaction (a session's touch) passes the gate too: left to the busy handler's sleeps it
    // could wait out the busy timeout behind a steady stream of gated writers. (BEGIN, COMMIT and ROLLBACK count
    // as read-only here.)
    std::unique_lock<sqlite_writer_gate> single_write;
    if (!in_transaction_ && writer_gate_ && !writing_.owns_lock() && !sqlite3_stmt_readonly(stmt))
        single_write = lock_writer_gate();
    reset_guard guard{stmt};
    bind(stmt, sql, params);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
    }
    if (rc != SQLITE_DONE) fail(rc, sql);
    return sqlite3_changes64(db_);
}

std::vector<row> sqlite_connection::query(std::string_view sql, const std::vector<value>& params) {
    sqlite3_stmt* stmt = prepare(sql);
    reset_guard guard{stmt};
    bind(stmt, sql, params);
    std::vector<row> rows;
    const int columns = sqlite3_column_count(stmt);
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
        std::vector<value> values;
        values.reserve(static_cast<std::size_t>(columns));
        for (int c = 0; c < columns; ++c) {
            switch (sqlite3_column_type(stmt, c)) {
                case SQLITE_INTEGER: values.emplace_back(std::int64_t{sqlite3_column_int64(stmt, c)}); break;
                case SQLITE_FLOAT: values.emplace_back(sqlite3_column_double(stmt, c)); break;
                case SQLITE_NULL: values.emplace_back(null); break;
                default: {  // TEXT or BLOB: the bytes as stored
                    const auto* p = static_cast<const char*>(sqlite3_column_blob(stmt, c));
                    const int n = sqlite3_column_bytes(stmt, c);
                    values.emplace_back(p ? std::string(p, static_cast<std::size_t>(n)) : std::string());
                }
            }
        }
        rows.emplace_back(std::move(values));
    }
    if (rc != SQLITE_DONE) fail(rc, sql);
    return rows;
}

void sqlite_connection::execute_script(std::string_view script) {
    const std::string text(script);
    char* errmsg = nullptr;
    const int rc = sqlite3_exec(db_, text.c_str(), nullptr, nullptr, &errmsg);
    sqlite3_free(errmsg);  // fail() reads the same message from the handle
    if (rc != SQLITE_OK) fail(rc, script);
}

std::int64_t sqlite_connection::last_insert_id() { return sqlite3_last_insert_rowid(db_); }

std::vector<std::int64_t> sqlite_connection::insert_with_ids(std::string_view sql, const std::vector<value>& params,
                                                            std::size_t rows, std::string_view) {
    execute(sql, params);
    // The last row's rowid. Inside one statement each new rowid is the largest so far + 1, so the rows' ids
    // are consecutive up to it.
    std::vector<std::int64_t> ids(rows);
    const std::int64_t last = sqlite3_last_insert_rowid(db_);
    for (std::size_t i = 0; i < rows; ++i) ids[i] = last - static_cast<std::int64_t>(rows - 1 - i);
    return ids;
}

void sqlite_connection::begin(tx_mode mode) {
    if (in_transaction_) throw error("begin: a transaction is already open on this connection");
    if (mode == tx_mode::write && writer_gate_) writing_ = lock_writer_gate();
    try {
        execute(mode == tx_mode::write ? "BEGIN IMMEDIATE" : "BEGIN");
    } catch (...) {
        if (writing_.owns_lock()) writing_.unlock();
        throw;
    }
    in_transaction_ = true;
}

std::unique_lock<sqlite_writer_gate> sqlite_connection::lock_writer_gate() {
    std::unique_lock lock(*writer_gate_, std::defer_lock);
    if (!lock.try_lock_for(busy_timeout_))
        throw retryable_error("sqlite: another write transaction of this process held the database too long");
    return lock;
}

void sqlite_connection::commit() {
    if (!in_transaction_) throw error("commit: no transaction is open");
    execute("COMMIT");  // on failure the transaction stays open (and gated) until its rollback
    in_transaction_ = false;
    if (writing_.owns_lock()) writing_.unlock();
}

void sqlite_connection::rollback() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    struct ungate {
        std::unique_lock<sqlite_writer_gate>& lock;
        ~ungate() {
            if (lock.owns_lock()) lock.unlock();
        }
    } release{writing_};
    // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); then there is nothing to do.
    if (sqlite3_get_autocommit(db_)) return;
    execute("ROLLBACK");
}

}  // namespace fupin::server::sql
