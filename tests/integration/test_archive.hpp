#pragma once
// What the integration tests share: certificates made once per run with certs/make-certs (plus a second,
// foreign CA), a fresh database per test (a SQLite file, or a new database on the private MariaDB that
// scripts/test starts), a real county-server on 127.0.0.1 port 0 holding the demo county's areas, and clients.
#include <gtest/gtest.h>

#include <atomic>
#include <filesystem>
#include <vector>
#include <memory>
#include <string>

#include "client/api_client.hpp"
#include "client/client_error.hpp"
#include "common/household.hpp"
#include "server/county_server.hpp"
#include "test_data/id_numbers.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::test {

// Townships of data/demo/areas.json used by the tests.
inline const std::string county_code = "529901";
inline const std::string township_a = "529901100";
inline const std::string village_a = "529901100201";
inline const std::string group_a = "529901100201001";
inline const std::string township_b = "529901101";
inline const std::string village_b = "529901101201";
inline const std::string group_b = "529901101201001";

// The certificates of this run (made on first use).
const std::filesystem::path& certificates();          // county CA, server, townships/, county.*
const std::filesystem::path& foreign_certificates();  // another CA with its own township certificates

// A database for one test; dropped (MySQL) or deleted (SQLite) when it goes away. `backend` is "sqlite" or
// "mysql"; `place` is the folder of the SQLite file or the URL of the MySQL server, by default this run's folder
// and FUPIN_TEST_MYSQL_URL.
class scratch_database {
public:
    explicit scratch_database(const std::string& backend, const std::string& place = "");
    ~scratch_database();
    const std::string& url() const { return url_; }

private:
    std::string backend_;
    std::string server_url_;  // MySQL: the server's URL, to drop the database
    std::string url_;
    std::string name_;  // MySQL database name, or the SQLite file
};

// Fails the test when MariaDB is not configured, unless FUPIN_TEST_SKIP_MYSQL=1 says to skip (loudly).
bool mysql_available_or_fail();

// The accounts every test server has, one per role and area, all with test_password.
inline const std::string test_password = "correct-horse-1";
struct test_user {
    std::string username;
    std::string role;
    std::string area;
};
const std::vector<test_user>& test_users();

// Parameterised over "sqlite" and "mysql": a server with the demo areas and test_users(), and clients of it.
class archive_test : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override;
    void TearDown() override;
    // The settings of the test server, with the certificates of `certs` and this test's database and clock.
    server::server_config server_config_with(const std::filesystem::path& certs) const;
    // Lets a test suite change the server's settings before it starts.
    virtual void configure(server::server_config&) {}
    // Lets a test suite put its database elsewhere (see scratch_database); empty: the default place.
    virtual std::string database_place() const { return ""; }

    // A logged-in client of an office: a township's reviewer (who may edit the township's files) with the
    // township's certificate, or the county approver with the county office's.
    client::api_client client_for(const std::string& area, common::language lang = common::language::zh);
    // A client logged in as one of test_users(), with the certificate of the user's office.
    client::api_client client_as(const std::string& username, common::language lang = common::language::zh);
    // Not logged in, with the certificate of `area` (a township code or the county code).
    client::connection_options options_for(const std::string& area);
    // Counts rows directly in the database, to prove that a refused request changed nothing.
    long long count_rows(const std::string& table);

    // The server's clock is the real one plus this offset, so tests can let sessions expire.
    std::shared_ptr<std::atomic<std::int64_t>> clock_offset_ms_ = std::make_shared<std::atomic<std::int64_t>>(0);
    // The caches' clock (server_config::monotonic_clock) is the steady one plus this offset, so tests can let
    // cached entries age out without sleeping.
    std::shared_ptr<std::atomic<std::int64_t>> cache_clock_offset_ms_ = std::make_shared<std::atomic<std::int64_t>>(0);
    std::unique_ptr<scratch_database> database_;
    std::unique_ptr<server::county_server> server_;
};

std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

// Runs `f`, which must fail with this HTTP status and code; returns the error for further checks.
template <class F>
client::client_error refused(F&& f, int status, const std::string& code) {
    try {
        f();
    } catch (const client::client_error& e) {
        EXPECT_EQ(e.status(), status) << e.code() << ": " << e.message();
        EXPECT_EQ(e.code(), code) << e.message();
        return e;
    }
    ADD_FAILURE() << "expected " << status << " " << code;
    return client::client_error(client::error_kind::protocol, "no error");
}

}  // namespace fupin::test
