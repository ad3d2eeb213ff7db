#pragma once
// MySQL / MariaDB driver over Connector/C++ 1.1 (the legacy JDBC-like API). One connection per worker
// thread; each such thread calls thread_init() before its first connection and thread_end() when it stops.
#include <memory>
#include <string>
#include <unordered_map>

#include "server/sql/connection.hpp"

namespace sql {  // Connector/C++ 1.1 lives in the global ::sql namespace
class Connection;
class PreparedStatement;
}  // namespace sql

namespace fupin::server::sql {

struct mysql_options {
    std::string host = "localhost";  // ignored when socket is set
    int port = 3306;
    std::string socket;  // unix socket path; empty: TCP
    std::string user;
    std::string password;
    std::string database;
    // How long one connect, read or write may wait on the server (URL: ?timeout=SECONDS): a database host that
    // stops answering without closing the connection must not hold a worker for the TCP timeout (minutes).
    // InnoDB's lock wait is kept below it, so a request waiting for a row lock is refused (and retried) rather
    // than cut off.
    int timeout_s = 10;
    // How long one read or write may wait when that is longer than timeout_s (and a row lock, half of it): the
    // maintenance connections (database_url::for_maintenance), where one statement of a migration may rewrite a
    // province's households.
    int statement_timeout_s = 0;
    // Use MariaDB's INSERT … RETURNING where the server has it; false makes a MariaDB connection ask
    // LAST_INSERT_ID() as it must on MySQL (for the tests of that path).
    bool use_returning = true;
};

class mysql_connection final : public connection {
public:
    // Connects, then sets utf8mb4, READ COMMITTED and a strict sql_mode for the session.
    explicit mysql_connection(const mysql_options& options);
    ~mysql_connection() override;

    // The Connector/C++ per-thread set-up and tear-down (driver->threadInit()/threadEnd()).
    static void thread_init();
    static void thread_end();

    std::int64_t execute(std::string_view sql, const std::vector<value>& params = {}) override;
    std::vector<row> query(std::string_view sql, const std::vector<value>& params = {}) override;
    void execute_script(std::string_view script) override;
    std::int64_t last_insert_id() override;
    std::vector<std::int64_t> insert_with_ids(std::string_view sql, const std::vector<value>& params,
                                              std::size_t rows, std::string_view id_column) override;
    bool multi_row_insert_ids() const override { return returning_ || insert_id_step_ != 0; }

    void begin(tx_mode mode) override;
    void commit() override;
    void rollback() override;
    bool in_transaction() const override { return in_transaction_; }
    bool broken() const override { return broken_; }
    sql::dialect dialect() const override { return sql::dialect::mysql; }

private:
    ::sql::PreparedStatement* prepare(std::string_view sql);
    void run_unprepared(std::string_view sql);

    std::unique_ptr<::sql::Connection> conn_;
    std::unordered_map<std::string, std::unique_ptr<::sql::PreparedStatement>> statements_;
    bool in_transaction_ = false;
    bool broken_ = false;
    // Read at connect. returning_: the server is MariaDB 10.5 or later, which has INSERT … RETURNING.
    // insert_id_step_: auto_increment_increment, or 0 in the interleaved lock mode (multi_row_insert_ids()).
    bool returning_ = false;
    std::int64_t insert_id_step_ = 0;
};

}  // namespace fupin::server::sql
