#include "backend_fixture.hpp"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include <fmt/format.h>

#include "server/storage/migrate.hpp"

namespace fupin::server::storage::test {
namespace {

std::string unique_suffix() {
    static std::atomic<int> counter{0};
    static const unsigned salt = std::random_device{}();
    return fmt::format("{}_{}_{:08x}", ::getpid(), counter++, salt);
}

}  // namespace

void storage_backend::SetUp() {
    if (GetParam() == "sqlite") {
        sqlite_path_ = (std::filesystem::temp_directory_path() / ("fupin_storage_" + unique_suffix() + ".db")).string();
        url_ = sql::database_url::parse("sqlite:" + sqlite_path_);
    } else {
        const char* env = std::getenv("FUPIN_TEST_MYSQL_URL");
        if (env == nullptr || *env == '\0') {
            const char* skip = std::getenv("FUPIN_TEST_SKIP_MYSQL");
            if (skip != nullptr && std::string(skip) == "1")
                GTEST_SKIP() << "MySQL backend skipped: FUPIN_TEST_SKIP_MYSQL=1 and FUPIN_TEST_MYSQL_URL is unset";
            FAIL() << "FUPIN_TEST_MYSQL_URL is unset. Start a private MariaDB with "
                      "`source scripts/lib/mariadb.sh && mariadb_start build/mariadb` (it exports the URL), "
                      "or set FUPIN_TEST_SKIP_MYSQL=1 to skip the MySQL backend.";
        }
        url_ = sql::database_url::parse(env);
        admin_ = sql::connect(url_);
        const std::string name = "fupin_t_" + unique_suffix();
        admin_->execute_script("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        url_.mysql.database = name;
    }
    conn_ = sql::connect(url_);
    migrate(*conn_);
}

void storage_backend::TearDown() {
    conn_.reset();
    if (admin_) {
        admin_->execute_script("DROP DATABASE IF EXISTS " + url_.mysql.database);
        admin_.reset();
    }
    if (!sqlite_path_.empty()) {
        for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(sqlite_path_ + suffix);
    }
}

std::unique_ptr<sql::connection> storage_backend::open_another() { return sql::connect(url_); }

INSTANTIATE_TEST_SUITE_P(backends, storage_backend, ::testing::Values("sqlite", "mysql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

}  // namespace fupin::server::storage::test
