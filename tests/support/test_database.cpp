#include "tests/support/test_database.hpp"

#include <atomic>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>

#include "common/area_json.hpp"
#include "server/service/account_service.hpp"
#include "server/service/archive_import.hpp"
#include "server/service/local_operator.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/migrate.hpp"

namespace fupin::test {
namespace fs = std::filesystem;

namespace {

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

std::string unique_name(const std::string& prefix) {
    static std::atomic<int> counter{0};
    std::random_device random;
    return prefix + std::to_string(random() % 1000000) + "_" + std::to_string(counter++);
}

}  // namespace

const fs::path& run_folder() {
    static const fs::path folder = [] {
        std::random_device random;
        auto path = fs::temp_directory_path() / ("fupin-it-" + std::to_string(random()));
        fs::create_directories(path);
        return path;
    }();
    return folder;
}

const std::vector<test_user>& test_users() {
    static const std::vector<test_user> users{
        {"clerk_a", "village_clerk", village_a},         {"reviewer_a", "township_reviewer", township_a},
        {"head_a", "township_head", township_a},         {"clerk_b", "village_clerk", village_b},
        {"reviewer_b", "township_reviewer", township_b}, {"approver", "county_approver", county_code},
        {"admin", "county_admin", county_code},          {"supervisor", "supervisor", county_code},
        // A helper who logs in, at township A's office; no helper is his until a test names the account on one.
        {"helper_a", "helper", township_a},
    };
    return users;
}

bool mysql_available_or_fail() {
    if (std::getenv("FUPIN_TEST_MYSQL_URL")) return true;
    const char* skip = std::getenv("FUPIN_TEST_SKIP_MYSQL");
    if (skip && std::string(skip) == "1") return false;
    ADD_FAILURE() << "FUPIN_TEST_MYSQL_URL is not set: run the tests with scripts/test, which starts a private "
                     "MariaDB, or set FUPIN_TEST_SKIP_MYSQL=1 to skip the MariaDB tests on purpose";
    return false;
}

scratch_database::scratch_database(const std::string& backend, const std::string& place) : backend_(backend) {
    if (backend == "sqlite") {
        name_ = ((place.empty() ? run_folder() : fs::path(place)) / (unique_name("archive") + ".db")).string();
        url_ = "sqlite:" + name_;
        return;
    }
    // mysql://USER@HOST/DB?socket=… → the same server, a database of our own.
    server_url_ = place.empty() ? std::getenv("FUPIN_TEST_MYSQL_URL") : place;
    const std::string& base = server_url_;
    name_ = unique_name("fupin_it_");
    auto admin = server::sql::connect(base);
    admin->execute_script("CREATE DATABASE " + name_ + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
    auto query = base.find('?');
    auto slash = base.rfind('/', query == std::string::npos ? base.size() : query);
    url_ = base.substr(0, slash + 1) + name_ + (query == std::string::npos ? "" : base.substr(query));
}

scratch_database::~scratch_database() {
    try {
        if (backend_ == "sqlite") {
            for (auto suffix : {"", "-wal", "-shm"}) fs::remove(name_ + suffix);
        } else {
            auto admin = server::sql::connect(server_url_);
            admin->execute_script("DROP DATABASE IF EXISTS " + name_);
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "cleaning up the test database %s: %s\n", name_.c_str(), e.what());
    }
}

void database_test::SetUp() {
    if (GetParam() == "mysql" && !mysql_available_or_fail()) GTEST_SKIP() << "MariaDB is not available";
    database_ = std::make_unique<scratch_database>(GetParam(), database_place());
    auto db = server::sql::connect(database_->url());
    server::storage::migrate(*db);
    server::service::import_areas(
        *db, common::parse_area_file(read_file(std::string(FUPIN_SOURCE_DIR) + "/data/demo/areas.json")), 0);
    // Cheap hashes: the tests log in hundreds of times.
    server::service::account_service accounts([] { return std::int64_t{0}; }, server::service::argon2_cost{1, 64, 1});
    for (const auto& u : test_users())
        accounts.create(*db, server::service::local_operator(county_code),
                        {u.username, u.username + " 测试账号", u.role, u.area, test_password});
}

void database_test::TearDown() { database_.reset(); }

long long database_test::count_rows(const std::string& table) {
    auto db = server::sql::connect(database_->url());
    return db->query("SELECT COUNT(*) FROM " + table).at(0).get_int64(0);
}

std::string backend_name(const ::testing::TestParamInfo<std::string>& info) { return info.param; }

}  // namespace fupin::test
