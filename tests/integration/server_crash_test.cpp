// county-server killed with SIGKILL while eight offices write: after a restart, every create that was answered is
// there, every create whose answer was lost and that is sent again with its Idempotency-Key is there once, nothing
// else is, and the audit chain verifies. The server runs as its own process (the real executable), so the kill
// is a real one: no destructor, no flush, no rollback but the database's own.
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <mutex>
#include <set>
#include <thread>

#include "transport/asio.hpp"
#include "server/cli/audit_commands.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using namespace fupin::transport;

unsigned short free_port() {
    asio::io_context io;
    tcp::acceptor probe(io, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
    return probe.local_endpoint().port();
}

// The county-server executable on `port`, started and killed by the test.
class server_process {
public:
    server_process(const std::string& database_url, unsigned short port) {
        const auto certs = certificates();
        const std::vector<std::string> args{FUPIN_COUNTY_SERVER,
                                            "--listen", "127.0.0.1:" + std::to_string(port),
                                            "--db", database_url,
                                            "--tls-cert", (certs / "server.crt").string(),
                                            "--tls-key", (certs / "server.key").string(),
                                            "--client-ca", (certs / "ca.crt").string(),
                                            "--crl", (certs / "crl.pem").string(),
                                            "--log-level", "info"};  // a few lines: shown if the test fails
        pid_ = ::fork();
        if (pid_ == 0) {
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that died
            std::vector<char*> argv;
            for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
            argv.push_back(nullptr);
            ::execv(argv[0], argv.data());
            ::_exit(127);
        }
    }
    ~server_process() { kill(SIGKILL); }
    void kill(int signal) {
        if (pid_ <= 0) return;
        ::kill(pid_, signal);
        ::waitpid(pid_, nullptr, 0);
        pid_ = -1;
    }

private:
    pid_t pid_ = -1;
};

// Waits until the server answers health through `client` (at most 60 s: a sanitizer build starts slowly).
bool wait_until_serving(client::api_client& client) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (std::chrono::steady_clock::now() < deadline) {
        try {
            if (client.health()["status"] == "ok") return true;
        } catch (const client::client_error&) {
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
}

class server_crash : public archive_test {};

TEST_P(server_crash, every_answered_write_survives_a_kill_and_retries_make_none_twice) {
    // A write to a connection whose server was killed raises SIGPIPE (the client's executables ignore it).
    ::signal(SIGPIPE, SIG_IGN);
    auto options = options_for(township_a);  // while server_ exists: it names its port
    server_->stop();  // the archive (areas, users) stays; the real executable serves it from now on
    server_.reset();
    const auto port = free_port();
    auto process = std::make_unique<server_process>(database_->url(), port);
    options.port = std::to_string(port);
    {
        client::api_client probe(options);
        ASSERT_TRUE(wait_until_serving(probe)) << "county-server did not start";
    }

    // One login for all writers: logins at once are counted as failures until they succeed (docs/security.md).
    client::api_client login(options);
    login.login("reviewer_a", test_password);
    const auto token = login.token();
    constexpr int offices = 8;
    std::atomic<bool> restarted{false};
    std::mutex mutex;
    std::map<std::string, std::int64_t> answered;  // Idempotency-Key → household id
    std::atomic<int> retried{0};
    std::vector<std::thread> writers;
    for (int w = 0; w < offices; ++w)
        writers.emplace_back([&, w] {
            client::api_client c(options);
            c.set_token(token);
            // Distinct households (seeds) for each writer, more than an idle machine writes before the kill at
            // 700 ms (125 each were all written by then once creates got faster).
            for (int i = 0; i < 5000; ++i) {
                const auto key = "crash-" + std::to_string(w) + "-" + std::to_string(i);
                const auto file = test_data::sample_household({.group = group_a, .seed = w * 5000 + i});
                try {
                    const auto stored = c.create_household(file, key);
                    std::lock_guard lock(mutex);
                    answered[key] = stored.id;
                    continue;
                } catch (const client::client_error& e) {
                    // The answer was lost with the server: was it written? Only the key can say.
                    if (e.kind() == client::error_kind::http) {
                        ADD_FAILURE() << key << ": " << e.code() << " " << e.message();
                        return;
                    }
                }
                while (!restarted) std::this_thread::sleep_for(std::chrono::milliseconds(10));
                for (int attempt = 0; attempt < 200; ++attempt) {
                    try {
                        const auto stored = c.create_household(file, key);
                        std::lock_guard lock(mutex);
                        answered[key] = stored.id;
                        ++retried;
                        return;
                    } catch (const client::client_error&) {
                        std::this_thread::sleep_for(std::chrono::milliseconds(50));
                    }
                }
                ADD_FAILURE() << key << " could not be sent again";
                return;
            }
            ADD_FAILURE() << "writer " << w << " wrote all its files before the kill";
        });

    std::this_thread::sleep_for(std::chrono::milliseconds(700));
    process->kill(SIGKILL);
    const auto acknowledged_before_kill = [&] {
        std::lock_guard lock(mutex);
        return answered.size();
    }();
    process = std::make_unique<server_process>(database_->url(), port);
    {
        client::api_client probe(options);
        // Not ASSERT: the writers must be joined either way (their retries then fail and say so).
        EXPECT_TRUE(wait_until_serving(probe)) << "county-server did not start again";
    }
    restarted = true;
    for (auto& t : writers) t.join();
    process->kill(SIGTERM);

    EXPECT_GT(acknowledged_before_kill, 10u) << "the writers wrote too little before the kill to prove anything";
    EXPECT_EQ(retried, offices) << "every writer had one create in flight at the kill";
    std::set<std::int64_t> ids;
    for (const auto& [key, id] : answered) ids.insert(id);
    EXPECT_EQ(ids.size(), answered.size()) << "two keys answered with one file";
    // Every answered create is stored, and nothing else is: no create was written twice.
    EXPECT_EQ(count_rows("households"), static_cast<long long>(answered.size()));
    EXPECT_EQ(count_rows("idempotency_keys"), static_cast<long long>(answered.size()));
    EXPECT_EQ(server::audit_verify_command(database_->url()), 0);
}

INSTANTIATE_TEST_SUITE_P(backends, server_crash, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
