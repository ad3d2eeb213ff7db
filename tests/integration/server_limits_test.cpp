// The server protects itself: a full database queue answers 503 instead of queueing without bound, an idle
// connection is closed after its timeout, and a stop does not wait for idle clients.
#include <chrono>
#include <memory>
#include <thread>

#include "transport/asio.hpp"
#include "transport/tls_context.hpp"
#include "server/sql/database_url.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using namespace fupin::transport;

class busy_server : public archive_test {
protected:
    void configure(server::server_config& config) override { config.database_queue_limit = 0; }
};

TEST_P(busy_server, a_full_work_queue_answers_503_with_retry_after) {
    client::api_client client(options_for(township_a));  // not logged in: a login would meet the full queue too
    auto result = client.request(client::http_method::get, "/api/v1/health");
    EXPECT_EQ(result.status, 503);
    EXPECT_EQ(nlohmann::json::parse(result.body)["error"]["code"], "server_busy");
    ASSERT_NE(result.header("Retry-After"), nullptr);
    EXPECT_EQ(*result.header("Retry-After"), "1");
}

class short_timeouts : public archive_test {
protected:
    void configure(server::server_config& config) override { config.idle_timeout = std::chrono::seconds(1); }

    // A TLS connection that has shaken hands and then says nothing.
    struct silent_client {
        asio::io_context io;
        ssl::context tls;
        beast::ssl_stream<beast::tcp_stream> stream;

        silent_client(unsigned short port, const client::tls_files& files)
            : tls(make_client_tls_context({files.ca, files.certificate, files.private_key})), stream(io, tls) {
            beast::get_lowest_layer(stream).connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
            stream.handshake(ssl::stream_base::client);
        }

        // How the connection ended, waiting at most `limit`: beast::error::timeout if it did not.
        error_code wait_for_close(std::chrono::seconds limit) {
            error_code result;
            char byte;
            beast::get_lowest_layer(stream).expires_after(limit);
            stream.async_read_some(asio::buffer(&byte, 1), [&](error_code ec, std::size_t) { result = ec; });
            io.run();
            return result;
        }
    };
};

TEST_P(short_timeouts, an_idle_connection_is_closed_after_the_idle_timeout) {
    silent_client silent(server_->port(), options_for(township_a).tls);
    const auto started = std::chrono::steady_clock::now();
    auto ended = silent.wait_for_close(std::chrono::seconds(10));
    EXPECT_NE(ended, beast::error::timeout) << "the server kept an idle connection open";
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::seconds(5));
}

TEST_P(short_timeouts, stopping_closes_idle_connections_without_waiting_for_them) {
    auto client = client_for(township_a);
    client.health();  // a keep-alive connection, idle from now on
    const auto started = std::chrono::steady_clock::now();
    server_->stop();
    EXPECT_LT(std::chrono::steady_clock::now() - started, std::chrono::milliseconds(900))
        << "stop() waited for an idle client";
}

// Whole files (attachments) are read before the session is checked: only so many at once, so that senders who
// never finish cannot make the server hold megabytes each.
class one_large_body : public short_timeouts {
protected:
    void configure(server::server_config& config) override { config.max_large_bodies = 1; }
};

TEST_P(one_large_body, a_second_file_sent_whole_meanwhile_is_503_and_the_place_comes_back) {
    const std::string target = "/api/v1/households/1/attachments?kind=other&name=a.pdf";
    // A sender who announces 5 MB and stops after a few bytes holds the one place.
    auto slow = std::make_unique<silent_client>(server_->port(), options_for(township_a).tls);
    const std::string head = "POST " + target + " HTTP/1.1\r\nHost: c\r\nContent-Length: " +
                             std::to_string(5 * 1024 * 1024) + "\r\n\r\n%PDF-";
    asio::write(slow->stream, asio::buffer(head));
    std::this_thread::sleep_for(std::chrono::milliseconds(300));

    client::api_client other(options_for(township_b));
    const std::string file = "%PDF-" + std::string(2 * 1024 * 1024, 'x');
    auto result = other.request(client::http_method::post, target, file, {{"Content-Type", "application/pdf"}});
    EXPECT_EQ(result.status, 503) << result.body;
    if (result.status == 503) EXPECT_EQ(nlohmann::json::parse(result.body)["error"]["code"], "server_busy");
    // An ordinary request is not held back.
    EXPECT_EQ(client::api_client(options_for(township_b)).request(client::http_method::get, "/api/v1/health").status,
              200);

    slow.reset();  // the slow sender gives up: its place is free again
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    result = client::api_client(options_for(township_b))
                 .request(client::http_method::post, target, file, {{"Content-Type", "application/pdf"}});
    EXPECT_EQ(result.status, 401) << "read whole, then refused for want of a session: " << result.body;
}

INSTANTIATE_TEST_SUITE_P(backends, busy_server, ::testing::Values("sqlite"), backend_name);
INSTANTIATE_TEST_SUITE_P(backends, short_timeouts, ::testing::Values("sqlite"), backend_name);
INSTANTIATE_TEST_SUITE_P(backends, one_large_body, ::testing::Values("sqlite"), backend_name);

}  // namespace
}  // namespace fupin::test

namespace fupin::test {
namespace {

class lost_database : public archive_test {};

// MariaDB restarts, or a network cut kills the workers' connections: each worker notices on its next job and
// connects again, instead of failing every request from then on.
TEST_P(lost_database, workers_reconnect_after_their_connections_are_killed) {
    auto client = client_for(township_a);
    client.health();
    auto admin = server::sql::connect(database_->url());
    const auto ids = admin->query(
        "SELECT id FROM information_schema.processlist WHERE db = DATABASE() AND id <> CONNECTION_ID()");
    ASSERT_FALSE(ids.empty());
    for (const auto& row : ids) admin->execute_script("KILL " + std::to_string(row.get_int64(0)));

    int failures = 0;
    for (int i = 0; i < 12; ++i)
        if (client.request(client::http_method::get, "/api/v1/households").status != 200) ++failures;
    EXPECT_LE(failures, 4) << "at most one failed request per database worker";
    EXPECT_EQ(client.request(client::http_method::get, "/api/v1/households").status, 200);
}

INSTANTIATE_TEST_SUITE_P(backends, lost_database, ::testing::Values("mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
