#pragma once
// Where the database is, as one string for the command line and the config file:
//   sqlite:PATH                                         (file created if missing; sqlite::memory: for tests)
//   mysql://USER:PASS@HOST[:PORT]/DB                    (TCP, port 3306 by default)
//   mysql://USER[:PASS]@localhost/DB?socket=/path.sock  (unix socket)
// USER and PASS are percent-decoded (write '@' as %40, ':' as %3A, '/' as %2F). A MySQL URL may end in
// ?timeout=SECONDS (1-300, default 10; with socket=, joined by &): mysql_options::timeout_s.
#include <memory>
#include <string>

#include "server/sql/mysql_connection.hpp"

namespace fupin::server::sql {

struct database_url {
    enum class kind { sqlite, mysql };
    kind backend = kind::sqlite;
    std::string sqlite_path;  // sqlite only
    mysql_options mysql;      // mysql only

    // Throws std::invalid_argument; the message says what is wrong but never repeats the URL or password.
    static database_url parse(const std::string& url);

    // The URL with the password replaced by "***", for logs.
    std::string redacted() const;

    // The same database for migrations and the operator's subcommands: one statement there may cover the whole
    // archive (027 writes every household's income band), so a MySQL read or write may wait an hour; connecting
    // still gives up after `timeout`. Requests never use it.
    database_url for_maintenance() const;
};

// Opens a connection: sqlite_connection or mysql_connection. Throws std::invalid_argument for a bad URL
// and sql::error when the database cannot be opened.
std::unique_ptr<connection> connect(const std::string& url);
std::unique_ptr<connection> connect(const database_url& url);

}  // namespace fupin::server::sql
