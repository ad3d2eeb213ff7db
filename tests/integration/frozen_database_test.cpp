// A database host that stops answering without closing its connections (a frozen machine, a cut network):
// requests fail within the configured timeout with 503 database_unavailable instead of holding every worker
// for the TCP timeout, and the server serves again by itself once the database answers.
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "transport/asio.hpp"
#include "server/sql/database_url.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using namespace fupin::transport;

// Forwards TCP connections on 127.0.0.1 to MariaDB's unix socket, until told to freeze: then it reads and
// forwards nothing (and closes nothing), as a frozen host would.
class freezable_proxy {
public:
    explicit freezable_proxy(std::string socket_path)
        : socket_path_(std::move(socket_path)), acceptor_(io_, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0)) {
        port_ = acceptor_.local_endpoint().port();
        accepting_ = std::thread([this] { accept_loop(); });
    }
    ~freezable_proxy() {
        stopping_ = true;
        {  // a blocking accept does not notice a close from another thread: wake it with a connection
            asio::io_context io;
            tcp::socket wake(io);
            error_code ignored;
            wake.connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port_), ignored);
        }
        accepting_.join();
        for (auto& t : pumps_) t.join();
    }
    unsigned short port() const { return port_; }
    void freeze(bool frozen) { frozen_ = frozen; }

private:
    void accept_loop() {
        while (!stopping_) {
            error_code ec;
            tcp::socket client(io_);
            acceptor_.accept(client, ec);
            if (ec || stopping_) return;
            const int upstream = ::socket(AF_UNIX, SOCK_STREAM, 0);
            sockaddr_un address{};
            address.sun_family = AF_UNIX;
            socket_path_.copy(address.sun_path, sizeof address.sun_path - 1);
            if (::connect(upstream, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) return;
            const int downstream = client.release();
            pumps_.emplace_back([this, downstream, upstream] { pump(downstream, upstream); });
            pumps_.emplace_back([this, downstream, upstream] { pump(upstream, downstream); });
        }
    }

    void pump(int from, int to) {
        char buffer[16384];
        while (!stopping_) {
            if (frozen_) {
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
                continue;
            }
            timeval wait{0, 100'000};
            ::setsockopt(from, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
            const auto n = ::recv(from, buffer, sizeof buffer, 0);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) continue;
            if (n <= 0 || ::send(to, buffer, static_cast<std::size_t>(n), MSG_NOSIGNAL) != n) break;
        }
        ::shutdown(to, SHUT_WR);
    }

    std::string socket_path_;
    asio::io_context io_;
    tcp::acceptor acceptor_;
    unsigned short port_ = 0;
    std::atomic<bool> frozen_{false};
    std::atomic<bool> stopping_{false};
    std::thread accepting_;
    std::vector<std::thread> pumps_;
};

class frozen_database : public archive_test {
protected:
    void configure(server::server_config& config) override {
        const auto url = server::sql::database_url::parse(config.database_url);
        proxy_ = std::make_unique<freezable_proxy>(url.mysql.socket);
        config.database_url = "mysql://root@127.0.0.1:" + std::to_string(proxy_->port()) + "/" + url.mysql.database +
                              "?timeout=2";
        config.database_workers = 2;
    }
    void TearDown() override {
        if (proxy_) proxy_->freeze(false);
        archive_test::TearDown();
    }
    std::unique_ptr<freezable_proxy> proxy_;
};

TEST_P(frozen_database, requests_get_503_within_the_timeout_and_service_resumes_by_itself) {
    auto client = client_for(township_a);
    ASSERT_EQ(client.request(client::http_method::get, "/api/v1/households").status, 200);

    proxy_->freeze(true);
    const auto started = std::chrono::steady_clock::now();
    const auto frozen = client.request(client::http_method::get, "/api/v1/households");
    const auto waited = std::chrono::steady_clock::now() - started;
    EXPECT_EQ(frozen.status, 503);
    EXPECT_EQ(nlohmann::json::parse(frozen.body)["error"]["code"], "database_unavailable");
    EXPECT_LT(waited, std::chrono::seconds(8)) << "a 2 s timeout (the driver may try a read more than once)";

    proxy_->freeze(false);
    const auto thawed = std::chrono::steady_clock::now();
    int status = 0;
    while (std::chrono::steady_clock::now() - thawed < std::chrono::seconds(5)) {
        status = client.request(client::http_method::get, "/api/v1/households").status;
        if (status == 200) break;
    }
    EXPECT_EQ(status, 200) << "not serving again within 5 s of the database's return";
}

INSTANTIATE_TEST_SUITE_P(backends, frozen_database, ::testing::Values("mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
