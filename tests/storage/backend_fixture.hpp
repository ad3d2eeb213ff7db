#pragma once
// The one parameterised storage suite: every TEST_P(storage_backend, …) runs once per backend ("sqlite",
// "mysql") on a fresh, migrated database of its own (a temp file, or a MySQL database created and dropped).
#include <memory>
#include <string>

#include <gtest/gtest.h>

#include "server/sql/database_url.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage::test {

class storage_backend : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override;
    void TearDown() override;

    // The test's connection, migrated.
    sql::connection& conn() { return *conn_; }
    // Another connection to the same database (for concurrency tests); the caller owns it.
    std::unique_ptr<sql::connection> open_another();
    bool is_mysql() const { return GetParam() == "mysql"; }
    const sql::database_url& url() const { return url_; }

private:
    sql::database_url url_;
    std::unique_ptr<sql::connection> admin_;  // mysql: creates and drops the test database
    std::unique_ptr<sql::connection> conn_;
    std::string sqlite_path_;
};

}  // namespace fupin::server::storage::test
