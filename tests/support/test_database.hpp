#pragma once
// A fresh archive database for one test, on SQLite or on the private MariaDB that scripts/test starts: migrated,
// holding the demo county's areas (data/demo/areas.json) and one account per role and area. What the server's
// component tests (tests/server) and the integration tests (tests/integration, which add a real server) share.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace fupin::test {

// Townships of data/demo/areas.json used by the tests.
inline const std::string county_code = "529901";
inline const std::string township_a = "529901100";
inline const std::string village_a = "529901100201";
inline const std::string group_a = "529901100201001";
inline const std::string township_b = "529901101";
inline const std::string village_b = "529901101201";
inline const std::string group_b = "529901101201001";

// A folder of this test run under the system's temporary folder, made on first use.
const std::filesystem::path& run_folder();

// A database for one test; dropped (MySQL) or deleted (SQLite) when it goes away. `backend` is "sqlite" or
// "mysql"; `place` is the folder of the SQLite file or the URL of the MySQL server, by default this run's folder
// and FUPIN_TEST_MYSQL_URL.
class scratch_database {
public:
    explicit scratch_database(const std::string& backend, const std::string& place = "");
    ~scratch_database();
    scratch_database(const scratch_database&) = delete;
    scratch_database& operator=(const scratch_database&) = delete;
    const std::string& url() const { return url_; }

private:
    std::string backend_;
    std::string server_url_;  // MySQL: the server's URL, to drop the database
    std::string url_;
    std::string name_;  // MySQL database name, or the SQLite file
};

// Fails the test when MariaDB is not configured, unless FUPIN_TEST_SKIP_MYSQL=1 says to skip (loudly).
bool mysql_available_or_fail();

// The accounts every test archive has, one per role and area, all with test_password.
inline const std::string test_password = "correct-horse-1";
struct test_user {
    std::string username;
    std::string role;
    std::string area;
};
const std::vector<test_user>& test_users();

// Parameterised over "sqlite" and "mysql": a database of its own for each test, migrated and holding the demo
// areas and test_users().
class database_test : public ::testing::TestWithParam<std::string> {
protected:
    void SetUp() override;
    void TearDown() override;
    // Lets a test suite put its database elsewhere (see scratch_database); empty: the default place.
    virtual std::string database_place() const { return ""; }
    // Counts rows directly in the database, to prove that a refused request changed nothing.
    long long count_rows(const std::string& table);

    std::unique_ptr<scratch_database> database_;
};

std::string backend_name(const ::testing::TestParamInfo<std::string>& info);

}  // namespace fupin::test
