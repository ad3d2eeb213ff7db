// The MariaDB server itself goes away under load: killed and started again, or frozen (SIGSTOP) and thawed.
// The county server answers 503 database_unavailable meanwhile (no crash, no other error), serves again within
// 5 s of the database's return without being restarted, and no create is lost or written twice: each one the
// outage refused is sent again with its Idempotency-Key. The database is a private mariadbd of the test alone,
// so stopping it touches no other test.
#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <thread>

#include "common/household_json.hpp"
#include "server/cli/audit_commands.hpp"
#include "server/sql/database_url.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

namespace fs = std::filesystem;
using clock_type = std::chrono::steady_clock;

// A mariadbd with its own data directory and unix socket (nothing on TCP), removed with the object.
class private_mariadb {
public:
    private_mariadb() {
        char folder[] = "/tmp/fupin-outage-XXXXXX";  // short: a socket path has ~107 bytes
        if (!::mkdtemp(folder)) throw std::runtime_error("mkdtemp failed");
        folder_ = folder;
        try {
            const auto install = "mariadb-install-db --no-defaults --user=root --datadir='" + folder_ +
                                 "/data' --auth-root-authentication-method=socket --skip-test-db >'" + folder_ +
                                 "/install.log' 2>&1";
            if (std::system(install.c_str()) != 0)
                throw std::runtime_error("mariadb-install-db failed; see " + folder_ + "/install.log");
            start();
        } catch (...) {
            remove();
            throw;
        }
    }
    ~private_mariadb() { remove(); }

    // The server's URL (its own `mysql` database; scratch_database makes the test's beside it).
    std::string url() const { return "mysql://root@localhost/mysql?socket=" + folder_ + "/mysql.sock&timeout=2"; }

    // Starts mariadbd and returns once it answers a query (at most 30 s).
    void start() {
        // Everything the child needs is made before fork: other threads may hold the allocator's locks.
        const std::vector<std::string> args{"mariadbd", "--no-defaults", "--user=root", "--datadir=" + folder_ + "/data",
                                            "--socket=" + folder_ + "/mysql.sock", "--skip-networking",
                                            "--character-set-server=utf8mb4", "--innodb-buffer-pool-size=32M",
                                            "--log-error=" + folder_ + "/error.log"};
        std::vector<char*> argv;
        for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
        argv.push_back(nullptr);
        const auto early_log = folder_ + "/stderr.log";
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that died
            // What mariadbd says before it opens its error log goes there too, not into the test's output.
            if (const int log = ::open(early_log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600); log >= 0) {
                ::dup2(log, STDOUT_FILENO);
                ::dup2(log, STDERR_FILENO);
            }
            ::close_range(3, ~0U, 0);  // not the test server's sockets
            ::execvp(argv[0], argv.data());
            ::_exit(127);
        }
        const auto deadline = clock_type::now() + std::chrono::seconds(30);
        while (clock_type::now() < deadline) {
            try {
                server::sql::connect(url())->execute_script("SELECT 1");
                return;
            } catch (const std::exception&) {
                std::this_thread::sleep_for(std::chrono::milliseconds(50));
            }
        }
        throw std::runtime_error("mariadbd did not answer within 30 s; see " + folder_ + "/error.log");
    }
    void kill() {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }
    void freeze(bool frozen) { ::kill(pid_, frozen ? SIGSTOP : SIGCONT); }

private:
    void remove() {
        if (pid_ > 0) {
            ::kill(pid_, SIGCONT);
            kill();
        }
        std::error_code ignored;
        fs::remove_all(folder_, ignored);
    }

    std::string folder_;
    pid_t pid_ = -1;
};

class database_outage : public archive_test {
protected:
    void SetUp() override {
        if (!mysql_available_or_fail()) GTEST_SKIP() << "MariaDB is not available";
        mariadb_ = std::make_unique<private_mariadb>();
        archive_test::SetUp();
    }
    void TearDown() override {
        archive_test::TearDown();
        mariadb_.reset();
    }
    std::string database_place() const override { return mariadb_->url(); }
    void configure(server::server_config& config) override { config.database_workers = 4; }

    // Sends GET /api/v1/households until it is answered 200; returns how long that took (at most `limit`).
    clock_type::duration time_until_serving(client::api_client& client, clock_type::duration limit) {
        const auto started = clock_type::now();
        while (clock_type::now() - started < limit) {
            if (client.request(client::http_method::get, "/api/v1/households?page_size=1").status == 200) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        }
        return clock_type::now() - started;
    }

    // A client of township A on the session `token` (no login: a login itself needs the database).
    client::api_client with_token(const std::string& token) {
        client::api_client c(options_for(township_a));
        c.set_token(token);
        return c;
    }

    std::unique_ptr<private_mariadb> mariadb_;
};

long long milliseconds(clock_type::duration d) {
    return static_cast<long long>(std::chrono::duration_cast<std::chrono::milliseconds>(d).count());
}

// Four offices create and read while MariaDB is killed and started again.
TEST_P(database_outage, a_killed_database_gives_503s_and_service_resumes_within_5_s_of_its_return) {
    const auto token = client_for(township_a).token();
    constexpr int offices = 4;
    const auto give_up = clock_type::now() + std::chrono::seconds(60);
    std::atomic<bool> stopping{false};
    std::mutex mutex;
    std::map<std::string, std::int64_t> created;  // Idempotency-Key → household id
    std::map<std::string, int> outcomes;          // "503 database_unavailable" → how many
    const auto record = [&](const std::string& outcome) {
        std::lock_guard lock(mutex);
        ++outcomes[outcome];
    };
    const auto outcome_of = [](const client::http_result& answer) {
        if (answer.status < 400) return std::to_string(answer.status);
        const auto body = nlohmann::json::parse(answer.body, nullptr, false);
        const auto error = body.is_object() ? body.value("error", nlohmann::json::object()) : nlohmann::json::object();
        return std::to_string(answer.status) + " " + (error.is_object() ? error.value("code", "?") : "?");
    };
    std::vector<std::thread> offices_at_work;
    // However the test ends, the offices stop and are joined.
    struct joiner {
        std::atomic<bool>& stopping;
        std::vector<std::thread>& threads;
        ~joiner() {
            stopping = true;
            for (auto& t : threads)
                if (t.joinable()) t.join();
        }
    } join_them{stopping, offices_at_work};
    for (int w = 0; w < offices; ++w)
        offices_at_work.emplace_back([&, w] {
            try {
                auto c = with_token(token);
                int seed = w * 250;  // 250 distinct households for each office
                bool pending = false;  // a create refused by the outage: sent again with its key until answered
                while ((!stopping || pending) && clock_type::now() < give_up) {
                    if (seed < (w + 1) * 250) {
                        const auto key = "outage-" + std::to_string(seed);
                        const auto body =
                            common::to_json(test_data::sample_household({.group = group_a, .seed = seed})).dump();
                        const auto answer = c.request(client::http_method::post, "/api/v1/households", body,
                                                      {{"Idempotency-Key", key}});
                        record(outcome_of(answer));
                        pending = answer.status != 201 && answer.status != 200;
                        if (!pending) {
                            std::lock_guard lock(mutex);
                            created[key] = nlohmann::json::parse(answer.body)["id"].get<std::int64_t>();
                            ++seed;
                        }
                    }
                    record(outcome_of(c.request(client::http_method::get, "/api/v1/households?page_size=5")));
                    std::this_thread::sleep_for(std::chrono::milliseconds(10));
                }
                if (pending) record("a create never answered");
            } catch (const std::exception& e) {
                record(std::string("no answer: ") + e.what());
            }
        });

    auto probe = with_token(token);
    std::this_thread::sleep_for(std::chrono::milliseconds(1500));
    mariadb_->kill();
    std::this_thread::sleep_for(std::chrono::seconds(2));
    mariadb_->start();  // returns once it answers a query
    const auto recovery = time_until_serving(probe, std::chrono::seconds(10));
    EXPECT_LT(recovery, std::chrono::seconds(5)) << "not serving again within 5 s of the database's return";
    std::this_thread::sleep_for(std::chrono::seconds(1));
    stopping = true;
    for (auto& t : offices_at_work) t.join();

    // The figures docs/security.md records.
    std::printf("[ measured ] serving %lld ms after mariadbd answered again; %zu creates stored; answers:",
                milliseconds(recovery), created.size());
    for (const auto& [outcome, count] : outcomes) std::printf(" %s ×%d;", outcome.c_str(), count);
    std::printf("\n");
    for (const auto& [outcome, count] : outcomes)
        EXPECT_TRUE(outcome == "200" || outcome == "201" || outcome == "503 database_unavailable")
            << count << " answers " << outcome;
    EXPECT_GT(outcomes["503 database_unavailable"], 0) << "the outage was not seen";
    EXPECT_GT(created.size(), 20u) << "too few creates to prove anything";
    // Every answered create is stored once, and nothing else is.
    EXPECT_EQ(count_rows("households"), static_cast<long long>(created.size()));
    EXPECT_EQ(count_rows("idempotency_keys"), static_cast<long long>(created.size()));
    EXPECT_EQ(server::audit_verify_command(database_->url()), 0);
}

// mariadbd stopped with SIGSTOP: its socket accepts, nothing answers. The read timeout (2 s here) ends each
// request with 503; SIGCONT brings service back without a restart of anything.
TEST_P(database_outage, a_frozen_database_gives_503_within_the_timeout_and_recovers_after_sigcont) {
    auto client = client_for(township_a);
    ASSERT_EQ(client.request(client::http_method::get, "/api/v1/households").status, 200);
    const auto create = [&] {
        return client.request(client::http_method::post, "/api/v1/households",
                              common::to_json(test_data::sample_household({.group = group_a, .seed = 1})).dump(),
                              {{"Idempotency-Key", "frozen-1"}});
    };

    mariadb_->freeze(true);
    for (int i = 0; i < 2; ++i) {  // a read, then a create
        const auto started = clock_type::now();
        const auto answer = i == 0 ? client.request(client::http_method::get, "/api/v1/households") : create();
        const auto waited = clock_type::now() - started;
        std::printf("[ measured ] %s while frozen: %d after %lld ms\n", i == 0 ? "a read" : "a create", answer.status,
                    milliseconds(waited));
        EXPECT_EQ(answer.status, 503) << answer.body;
        if (answer.status == 503) {
            EXPECT_EQ(nlohmann::json::parse(answer.body)["error"]["code"], "database_unavailable");
        }
        EXPECT_LT(waited, std::chrono::seconds(8)) << "a 2 s timeout (the driver may try a read more than once)";
    }

    mariadb_->freeze(false);
    const auto recovery = time_until_serving(client, std::chrono::seconds(10));
    EXPECT_LT(recovery, std::chrono::seconds(5)) << "not serving again within 5 s of SIGCONT";
    std::printf("[ measured ] serving %lld ms after SIGCONT\n", milliseconds(recovery));
    // The refused create is sent again with its key: once stored, whatever the frozen server had done with it.
    const auto again = create();
    EXPECT_TRUE(again.status == 201 || again.status == 200) << again.status << " " << again.body;
    EXPECT_EQ(count_rows("households"), 1);
    EXPECT_EQ(server::audit_verify_command(database_->url()), 0);
}

INSTANTIATE_TEST_SUITE_P(backends, database_outage, ::testing::Values("mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
