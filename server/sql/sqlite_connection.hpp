#pragma once
// SQLite driver: the embedded default. WAL, foreign keys on, synchronous=NORMAL, a busy timeout.
// Opened with SQLITE_OPEN_NOMUTEX: each connection belongs to one thread; open one per worker thread.
//
// SQLite lets one transaction write at a time. Within one process the writers wait on a mutex per database
// file (the writer gate) before BEGIN IMMEDIATE (or before a single writing statement outside a transaction), so
// one of them starts the moment the last commits; without it they would find the file busy and sleep in SQLite's
// busy handler for 1, 2, 5, 10… ms at a time, which made a create's p99 three times what it is now. The mutex
// is not first-come-first-served. Waiting at the gate is bounded by the busy timeout too, and ends in the
// same retryable_error. Other processes (the `county-server` subcommands) meet SQLite's own busy timeout.
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "server/sql/connection.hpp"
#include "server/sql/sqlite_writer_gate.hpp"

struct sqlite3;
struct sqlite3_stmt;

namespace fupin::server::sql {

class sqlite_connection final : public connection {
public:
    // Creates the file if missing. ":memory:" gives a private in-memory database.
    explicit sqlite_connection(const std::string& path, int busy_timeout_ms = 5000);
    ~sqlite_connection() override;

    std::int64_t execute(std::string_view sql, const std::vector<value>& params = {}) override;
    std::vector<row> query(std::string_view sql, const std::vector<value>& params = {}) override;
    void execute_script(std::string_view script) override;
    std::int64_t last_insert_id() override;
    std::vector<std::int64_t> insert_with_ids(std::string_view sql, const std::vector<value>& params,
                                              std::size_t rows, std::string_view id_column) override;
    bool multi_row_insert_ids() const override { return true; }

    void begin(tx_mode mode) override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override { return in_transaction_; }
    sql::dialect dialect() const override { return sql::dialect::sqlite; }

private:
    struct stmt_deleter {
        void operator()(sqlite3_stmt* s) const;
    };
    using stmt_ptr = std::unique_ptr<sqlite3_stmt, stmt_deleter>;

    sqlite3_stmt* prepare(std::string_view sql);
    void bind(sqlite3_stmt* stmt, std::string_view sql, const std::vector<value>& params);
    [[noreturn]] void fail(int rc, std::string_view sql) const;
    // Waits at most the busy timeout; retryable_error after it, as SQLite's own busy handler ends.
    std::unique_lock<sqlite_writer_gate> lock_writer_gate();

    sqlite3* db_ = nullptr;
    std::unordered_map<std::string, stmt_ptr> statements_;
    bool in_transaction_ = false;
    std::chrono::milliseconds busy_timeout_;
    std::shared_ptr<sqlite_writer_gate> writer_gate_;  // shared by this process's connections to the file (not :memory:)
    std::unique_lock<sqlite_writer_gate> writing_;     // held from a write transaction's BEGIN to its end
};

}  // namespace fupin::server::sql
