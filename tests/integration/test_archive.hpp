#pragma once
// What the integration tests share: certificates made once per run with certs/make-certs (plus a second,
// foreign CA), a fresh database per test (tests/support/test_database.hpp), a real county-server on 127.0.0.1
// port 0 in front of it, and clients.
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
#include "tests/support/test_database.hpp"
#include "test_data/id_numbers.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::test {

// The certificates of this run (made on first use).
const std::filesystem::path& certificates();          // county CA, server, townships/, county.*
const std::filesystem::path& foreign_certificates();  // another CA with its own township certificates

// Parameterised over "sqlite" and "mysql": a server with the demo areas and test_users(), and clients of it.
class archive_test : public database_test {
protected:
    void SetUp() override;
    void TearDown() override;
    // The settings of the test server, with the certificates of `certs` and this test's database and clock.
    server::server_config server_config_with(const std::filesystem::path& certs) const;
    // Lets a test suite change the server's settings before it starts.
    virtual void configure(server::server_config&) {}

    // A logged-in client of an office: a township's reviewer (who may edit the township's files) with the
    // township's certificate, or the county approver with the county office's.
    client::api_client client_for(const std::string& area, common::language lang = common::language::zh);
    // A client logged in as one of test_users(), with the certificate of the user's office.
    client::api_client client_as(const std::string& username, common::language lang = common::language::zh);
    // Not logged in, with the certificate of `area` (a township code or the county code).
    client::connection_options options_for(const std::string& area);

    // A file marked registered in `year` straight in the database, as the procedure's last step leaves it (the
    // tests that walk the procedure itself are procedure_test.cpp).
    void mark_registered(std::int64_t household_id, int year = 2026);
    // A document of `kind` attached to the file through the API (a PDF's first bytes are enough).
    void attach_pdf(client::api_client& c, std::int64_t household_id, const std::string& kind);

    // The server's day in China (its clock: the real one plus the offset below), `plus_days` on: "YYYY-MM-DD".
    std::string server_day(int plus_days = 0) const;

    // The server's clock is the real one plus this offset, so tests can let sessions expire.
    std::shared_ptr<std::atomic<std::int64_t>> clock_offset_ms_ = std::make_shared<std::atomic<std::int64_t>>(0);
    // The caches' clock (server_config::monotonic_clock) is the steady one plus this offset, so tests can let
    // cached entries age out without sleeping.
    std::shared_ptr<std::atomic<std::int64_t>> cache_clock_offset_ms_ = std::make_shared<std::atomic<std::int64_t>>(0);
    std::unique_ptr<server::county_server> server_;
};

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
