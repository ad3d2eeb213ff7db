#include "server/sql/mysql_connection.hpp"

#include <algorithm>

#include <charconv>
#include <cstdlib>
#include <stdexcept>

#include <cppconn/connection.h>
#include <cppconn/datatype.h>
#include <cppconn/exception.h>
#include <cppconn/parameter_metadata.h>
#include <cppconn/prepared_statement.h>
#include <cppconn/resultset.h>
#include <cppconn/resultset_metadata.h>
#include <cppconn/statement.h>
#include <fmt/format.h>
#include <mysql_driver.h>

#include "server/sql/error_text.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::sql {
namespace {

// MariaDB has INSERT … RETURNING since 10.5; MySQL has none. VERSION() is e.g. "10.11.6-MariaDB-0+deb12u1".
bool has_insert_returning(const std::string& version) {
    if (version.find("MariaDB") == std::string::npos) return false;
    int major = 0, minor = 0;
    const char* end = version.data() + version.size();
    auto [p, ec] = std::from_chars(version.data(), end, major);
    if (ec != std::errc() || p == end || *p != '.') return false;
    std::from_chars(p + 1, end, minor);
    return major > 10 || (major == 10 && minor >= 5);
}

constexpr std::size_t max_cached_statements = 256;

// Connector/C++ 1.1's driver instance: its first creation is not thread-safe, so take it once, here.
::sql::mysql::MySQL_Driver* driver() {
    static ::sql::mysql::MySQL_Driver* const instance = ::sql::mysql::get_mysql_driver_instance();
    return instance;
}

// broken: set when the server is gone, so that the owner drops this connection and opens a new one.
[[noreturn]] void rethrow(const ::sql::SQLException& e, std::string_view sql, bool& broken) {
    const int code = e.getErrorCode();
    // CR_SERVER_GONE_ERROR, CR_SERVER_LOST, CR_SERVER_LOST_EXTENDED, ER_CLIENT_INTERACTION_TIMEOUT
    if (code == 2006 || code == 2013 || code == 2055 || code == 4031) broken = true;
    const std::string msg = redact_values(e.what());
    const std::string text =
        fmt::format("mysql error {} (SQLSTATE {}): {} in: {}", code, e.getSQLState(), msg, sql_excerpt(sql));
    switch (code) {
        case 1062: {  // ER_DUP_ENTRY: "Duplicate entry '…' for key 'uq_members_id_number'"
            std::string name;
            const std::string marker = "for key '";
            if (const auto at = msg.rfind(marker); at != std::string::npos) {
                const auto start = at + marker.size();
                if (const auto end = msg.find('\'', start); end != std::string::npos)
                    name = msg.substr(start, end - start);
            }
            throw constraint_violation(text, name);
        }
        case 1205:  // ER_LOCK_WAIT_TIMEOUT
        case 1213:  // ER_LOCK_DEADLOCK
            throw retryable_error(text);
        case 1021:  // ER_DISK_FULL
        case 1114:  // ER_RECORD_FILE_FULL: "The table is full"
            throw storage_full(text);
        default: throw error(text);
    }
}

// Splits a script at `;` outside quotes and comments. Our DDL has no procedures, so no DELIMITER games.
std::vector<std::string> split_statements(std::string_view script) {
    std::vector<std::string> out;
    std::string current;
    auto flush = [&] {
        if (current.find_first_not_of(" \t\r\n") != std::string::npos) out.push_back(current);
        current.clear();
    };
    for (std::size_t i = 0; i < script.size(); ++i) {
        const char c = script[i];
        if (c == '-' && i + 1 < script.size() && script[i + 1] == '-') {  // comment to end of line
            while (i < script.size() && script[i] != '\n') ++i;
            current += '\n';
        } else if (c == '/' && i + 1 < script.size() && script[i + 1] == '*') {
            const auto end = script.find("*/", i + 2);
            i = end == std::string_view::npos ? script.size() : end + 1;
            current += ' ';
        } else if (c == '\'' || c == '"' || c == '`') {
            current += c;
            for (++i; i < script.size(); ++i) {
                current += script[i];
                if (script[i] == '\\' && c != '`' && i + 1 < script.size()) {
                    current += script[++i];
                } else if (script[i] == c) {
                    break;
                }
            }
        } else if (c == ';') {
            flush();
        } else {
            current += c;
        }
    }
    flush();
    return out;
}

value read_column(::sql::ResultSet& rs, ::sql::ResultSetMetaData& meta, unsigned int c) {
    switch (meta.getColumnType(c)) {
        case ::sql::DataType::BIT:
        case ::sql::DataType::TINYINT:
        case ::sql::DataType::SMALLINT:
        case ::sql::DataType::MEDIUMINT:
        case ::sql::DataType::INTEGER:
        case ::sql::DataType::BIGINT:
        case ::sql::DataType::YEAR: {
            const std::int64_t v = rs.getInt64(c);
            return rs.wasNull() ? value{null} : value{v};
        }
        case ::sql::DataType::REAL:
        case ::sql::DataType::DOUBLE: {
            const double v = rs.getDouble(c);
            return rs.wasNull() ? value{null} : value{v};
        }
        case ::sql::DataType::DECIMAL:
        case ::sql::DataType::NUMERIC: {  // SUM() and friends; whole numbers stay exact
            const std::string s = rs.getString(c);
            if (rs.wasNull()) return null;
            std::int64_t n = 0;
            const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
            if (ec == std::errc() && p == s.data() + s.size()) return n;
            return std::strtod(s.c_str(), nullptr);
        }
        default: {
            const ::sql::SQLString s = rs.getString(c);
            if (rs.wasNull()) return null;
            return std::string(s.asStdString());
        }
    }
}

}  // namespace

void mysql_connection::thread_init() { driver()->threadInit(); }
void mysql_connection::thread_end() { driver()->threadEnd(); }

mysql_connection::mysql_connection(const mysql_options& options) {
    ::sql::ConnectOptionsMap props;
    // Connector/C++ 1.1 picks the transport from the host URI: "unix:///path" or "tcp://host:port".
    // (A bare "localhost" would be rewritten to 127.0.0.1, i.e. TCP.)
    if (!options.socket.empty()) {
        props["hostName"] = ::sql::SQLString("unix://" + options.socket);
    } else {
        props["hostName"] = ::sql::SQLString(fmt::format("tcp://{}:{}", options.host, options.port));
    }
    props["userName"] = ::sql::SQLString(options.user);
    props["password"] = ::sql::SQLString(options.password);
    props["schema"] = ::sql::SQLString(options.database);
    props["OPT_CHARSET_NAME"] = ::sql::SQLString("utf8mb4");
    props["OPT_RECONNECT"] = false;  // a silent reconnect would lose the session settings and any transaction
    props["OPT_CONNECT_TIMEOUT"] = options.timeout_s;
    props["OPT_READ_TIMEOUT"] = std::max(options.timeout_s, options.statement_timeout_s);
    props["OPT_WRITE_TIMEOUT"] = std::max(options.timeout_s, options.statement_timeout_s);
    props["CLIENT_FOUND_ROWS"] = true;  // affected rows = rows matched, as SQLite counts them
    try {
        conn_.reset(driver()->connect(props));
    } catch (const ::sql::SQLException& e) {
        // Connector messages name the user and host, never the password.
        throw error(fmt::format("cannot connect to MySQL database {}: {} (error {})", options.database,
                                redact_values(e.what()), e.getErrorCode()));
    }
    run_unprepared("SET NAMES utf8mb4");
    run_unprepared("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
    // A request's lock wait stays below its read timeout; a migration's may wait as long as its statements.
    run_unprepared(fmt::format("SET SESSION innodb_lock_wait_timeout = {}",
                               std::max(1, std::max(options.timeout_s, options.statement_timeout_s) / 2)));
    run_unprepared(
        "SET SESSION sql_mode = 'STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,"
        "ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION'");
    // Lock modes 0 and 1 give the rows of one multi-row INSERT consecutive values (auto_increment_increment
    // apart); mode 2 may interleave them with a concurrent statement's.
    const auto settings = query("SELECT @@auto_increment_increment, @@innodb_autoinc_lock_mode, VERSION()");
    insert_id_step_ = settings.at(0).get_int64(1) == 2 ? 0 : settings.at(0).get_int64(0);
    returning_ = options.use_returning && has_insert_returning(settings.at(0).get_string(2));
}

mysql_connection::~mysql_connection() {
    statements_.clear();
    try {
        if (conn_) conn_->close();
    } catch (const ::sql::SQLException&) {
        // Closing a broken connection: nothing left to do.
    }
}

void mysql_connection::run_unprepared(std::string_view sql) {
    try {
        std::unique_ptr<::sql::Statement> stmt(conn_->createStatement());
        stmt->execute(::sql::SQLString(sql.data(), sql.size()));
        // Drain any result so the connection is ready for the next command.
        do {
            std::unique_ptr<::sql::ResultSet> rs(stmt->getResultSet());
        } while (stmt->getMoreResults());
    } catch (const ::sql::SQLException& e) {
        rethrow(e, sql, broken_);
    }
}

::sql::PreparedStatement* mysql_connection::prepare(std::string_view sql) {
    if (auto it = statements_.find(std::string(sql)); it != statements_.end()) return it->second.get();
    std::unique_ptr<::sql::PreparedStatement> stmt(conn_->prepareStatement(::sql::SQLString(sql.data(), sql.size())));
    if (statements_.size() >= max_cached_statements) statements_.clear();
    return statements_.emplace(std::string(sql), std::move(stmt)).first->second.get();
}

namespace {

void bind(::sql::PreparedStatement& stmt, std::string_view sql, const std::vector<value>& params) {
    const int expected = stmt.getParameterMetaData()->getParameterCount();
    if (expected != static_cast<int>(params.size()))
        throw error(fmt::format("statement wants {} parameters, got {}: {}", expected, params.size(),
                                sql_excerpt(sql)));
    stmt.clearParameters();
    unsigned int i = 1;
    for (const value& v : params) {
        if (const auto* n = std::get_if<std::int64_t>(&v)) {
            stmt.setInt64(i, *n);
        } else if (const auto* d = std::get_if<double>(&v)) {
            stmt.setDouble(i, *d);
        } else if (const auto* s = std::get_if<std::string>(&v)) {
            stmt.setString(i, ::sql::SQLString(*s));
        } else {
            stmt.setNull(i, ::sql::DataType::SQLNULL);
        }
        ++i;
    }
}

}  // namespace

std::int64_t mysql_connection::execute(std::string_view sql, const std::vector<value>& params) {
    try {
        ::sql::PreparedStatement* stmt = prepare(sql);
        bind(*stmt, sql, params);
        return stmt->executeUpdate();
    } catch (const ::sql::SQLException& e) {
        rethrow(e, sql, broken_);
    }
}

std::vector<row> mysql_connection::query(std::string_view sql, const std::vector<value>& params) {
    try {
        ::sql::PreparedStatement* stmt = prepare(sql);
        bind(*stmt, sql, params);
        std::unique_ptr<::sql::ResultSet> rs(stmt->executeQuery());
        ::sql::ResultSetMetaData* meta = rs->getMetaData();
        const unsigned int columns = meta->getColumnCount();
        std::vector<row> rows;
        rows.reserve(rs->rowsCount());
        while (rs->next()) {
            std::vector<value> values;
            values.reserve(columns);
            for (unsigned int c = 1; c <= columns; ++c) values.push_back(read_column(*rs, *meta, c));
            rows.emplace_back(std::move(values));
        }
        return rows;
    } catch (const ::sql::SQLException& e) {
        rethrow(e, sql, broken_);
    }
}

void mysql_connection::execute_script(std::string_view script) {
    for (const std::string& statement : split_statements(script)) run_unprepared(statement);
}

std::int64_t mysql_connection::last_insert_id() {
    const auto rows = query("SELECT LAST_INSERT_ID()");
    return rows.at(0).get_int64(0);
}

std::vector<std::int64_t> mysql_connection::insert_with_ids(std::string_view sql, const std::vector<value>& params,
                                                           std::size_t rows, std::string_view id_column) {
    std::vector<std::int64_t> ids;
    ids.reserve(rows);
    if (returning_) {
        // One round trip instead of two. RETURNING answers the rows in the order they were inserted, whose ids
        // grow in every lock mode; an answer that does not would pair ids with the wrong rows, so it is refused.
        for (const auto& r : query(std::string(sql) + " RETURNING " + std::string(id_column), params)) {
            const auto id = r.get_int64(0);
            if (!ids.empty() && id <= ids.back()) throw error("insert_with_ids: RETURNING answered ids out of order");
            ids.push_back(id);
        }
    } else {
        if (rows > 1 && insert_id_step_ == 0)
            throw std::logic_error("insert_with_ids: this server does not space one statement's ids evenly");
        execute(sql, params);
        // LAST_INSERT_ID() is the first row's id after a multi-row INSERT.
        const std::int64_t first = last_insert_id();
        for (std::size_t i = 0; i < rows; ++i) ids.push_back(first + static_cast<std::int64_t>(i) * insert_id_step_);
    }
    if (ids.size() != rows) throw error("insert_with_ids: the INSERT did not return one id per row");
    return ids;
}

void mysql_connection::begin(tx_mode mode) {
    if (in_transaction_) throw error("begin: a transaction is already open on this connection");
    if (mode == tx_mode::read) {
        // One snapshot for every statement of it: a register read 200 households at a time, or the figures' five
        // statements, see one state of the archive. The session's READ COMMITTED stays for writes.
        run_unprepared("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ");
        run_unprepared("START TRANSACTION WITH CONSISTENT SNAPSHOT");
    } else {
        run_unprepared("START TRANSACTION");
    }
    in_transaction_ = true;
}

void mysql_connection::commit() {
    if (!in_transaction_) throw error("commit: no transaction is open");
    run_unprepared("COMMIT");
    in_transaction_ = false;
}

void mysql_connection::rollback() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    run_unprepared("ROLLBACK");
}

}  // namespace fupin::server::sql
