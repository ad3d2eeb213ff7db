// api_client against a small scripted TLS server in this process: keep-alive and reconnect, timeouts, limits,
// error bodies and the TLS failures (no certificate, foreign CA, TLS 1.1). The real server is tested in
// tests/integration/.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

#include "client/api_client.hpp"
#include "transport/tls_context.hpp"
#include "scripted_server.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;
namespace transport = fupin::transport;
using transport::http::request;
using transport::http::response;
using transport::http::string_body;
using fupin::client::test::json_response;
using fupin::client::test::scripted_server;

namespace {

class api_client_test : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        dir_ = fs::temp_directory_path() / ("fupin_api_client_test_" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        std::ofstream(dir_ / "areas.json")
            << "{\"code\":\"529901\",\"parent_code\":\"\",\"level\":\"county\",\"name\":\"测试县\"}\n"
               "{\"code\":\"529901101\",\"parent_code\":\"529901\",\"level\":\"township\",\"name\":\"石门镇\"}\n";
        const auto make = [](const std::string& out, const std::string& extra) {
            const std::string command = std::string(FUPIN_SOURCE_DIR) + "/certs/make-certs --out '" + out +
                                        "' --areas '" + (dir_ / "areas.json").string() + "' " + extra +
                                        " >/dev/null 2>&1";
            return std::system(command.c_str()) == 0;
        };
        certs_ok_ = make((dir_ / "county").string(), "") && make((dir_ / "foreign").string(), "--name 外县");
    }
    static void TearDownTestSuite() { fs::remove_all(dir_); }

    void SetUp() override {
        ASSERT_TRUE(certs_ok_) << "certs/make-certs failed: these tests need its certificates";
    }

    static transport::ssl::context server_context() {
        const auto c = dir_ / "county";
        return transport::make_server_tls_context(
            {(c / "server.crt").string(), (c / "server.key").string(), (c / "ca.crt").string(), ""});
    }

    static connection_options options(const scripted_server& server, const std::string& pki = "county") {
        connection_options o;
        o.host = "127.0.0.1";
        o.port = server.port();
        const auto c = dir_ / pki;
        o.tls = {(dir_ / "county" / "ca.crt").string(), (c / "townships" / "529901101.crt").string(),
                 (c / "townships" / "529901101.key").string()};
        o.timeout = std::chrono::milliseconds(2000);
        return o;
    }

    static inline fs::path dir_;
    static inline bool certs_ok_ = false;
};

// health() must fail with `kind`, and the message must name `fragment` (what OpenSSL or the client said).
void expect_health_fails(api_client& client, error_kind kind, const std::string& fragment = {}) {
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), kind) << e.what();
        if (!fragment.empty()) {
            EXPECT_NE(std::string(e.what()).find(fragment), std::string::npos) << e.what();
        }
    }
}

const auto ok_health = [](const request<string_body>&) {
    return std::optional(json_response(200, R"({"status":"ok","service":"county-server"})"));
};

}  // namespace

TEST_F(api_client_test, sends_language_and_keeps_the_connection) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.lang = fupin::common::language::en;
    api_client client(o);
    EXPECT_EQ(client.health().at("status"), "ok");
    EXPECT_EQ(client.health().at("service"), "county-server");
    EXPECT_EQ(server.connections(), 1);
    const auto req = server.last_request();
    EXPECT_EQ(req[transport::http::field::accept_language], "en");
    EXPECT_EQ(req.target(), "/api/v1/health");

    client.request(http_method::post, "/x", std::string("{}"), {{"Idempotency-Key", "k1"}});
    EXPECT_EQ(server.last_request()[transport::http::field::content_type], "application/json");
    EXPECT_EQ(server.last_request()["Idempotency-Key"], "k1");
}

TEST_F(api_client_test, reconnects_when_the_server_closed_an_idle_connection) {
    scripted_server server(server_context(), ok_health, 1);  // one request per connection, no Connection: close
    api_client client(options(server));
    for (int i = 0; i < 3; ++i) EXPECT_EQ(client.health().at("status"), "ok");
    EXPECT_EQ(server.connections(), 3);
}

TEST_F(api_client_test, api_error_body_is_read) {
    scripted_server server(server_context(), [](const request<string_body>&) {
        return std::optional(json_response(
            409, R"({"error":{"code":"version_conflict","message":"档案已被修改","field":"version","details":{"current_version":4}}})"));
    });
    api_client client(options(server));
    try {
        client.get_household(12);
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::http);
        EXPECT_EQ(e.status(), 409);
        EXPECT_EQ(e.code(), "version_conflict");
        EXPECT_EQ(e.message(), "档案已被修改");
        EXPECT_EQ(e.field(), "version");
        EXPECT_EQ(e.details().at("current_version"), 4);
    }
    EXPECT_EQ(server.last_request().target(), "/api/v1/households/12");
}

TEST_F(api_client_test, answer_that_is_not_json_is_a_protocol_error) {
    scripted_server server(server_context(), [](const request<string_body>&) { return std::optional(json_response(200, "<html>")); });
    api_client client(options(server));
    expect_health_fails(client, error_kind::protocol);
}

TEST_F(api_client_test, an_answer_nested_too_deep_is_a_protocol_error_not_a_crash) {
    // A hostile or broken server: 200,000 levels would overflow the stack wherever the value were dumped.
    const std::string deep = std::string(200'000, '[') + std::string(200'000, ']');
    scripted_server server(server_context(), [&](const request<string_body>&) { return std::optional(json_response(200, deep)); });
    api_client client(options(server));
    EXPECT_THROW(client.health(), client_error);
    scripted_server failing(server_context(), [&](const request<string_body>&) { return std::optional(json_response(400, deep)); });
    api_client other(options(failing));
    try {
        other.health();
        ADD_FAILURE() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 400);  // the error body could not be read; the status still says what happened
    }
}

TEST_F(api_client_test, answer_over_the_body_limit_is_a_protocol_error) {
    scripted_server server(server_context(), [](const request<string_body>&) {
        return std::optional(json_response(200, "\"" + std::string(4096, 'x') + "\""));
    });
    auto o = options(server);
    o.response_body_limit = 1024;
    api_client client(o);
    expect_health_fails(client, error_kind::protocol);
}

TEST_F(api_client_test, a_server_that_does_not_answer_times_out) {
    scripted_server server(server_context(), [](const request<string_body>&) {
        std::this_thread::sleep_for(std::chrono::milliseconds(1500));
        return std::optional<response<string_body>>();
    });
    auto o = options(server);
    o.timeout = std::chrono::milliseconds(300);
    api_client client(o);
    const auto start = std::chrono::steady_clock::now();
    expect_health_fails(client, error_kind::unreachable);
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(1200));
}

TEST_F(api_client_test, nothing_listening_is_unreachable) {
    std::string port;
    {
        scripted_server server(server_context(), ok_health);
        port = server.port();
    }
    connection_options o;
    o.host = "127.0.0.1";
    o.port = port;
    o.tls.ca = (dir_ / "county" / "ca.crt").string();
    api_client client(o);
    expect_health_fails(client, error_kind::unreachable);
}

// TLS 1.3: the server's refusal arrives after the client's handshake, on the first read.
TEST_F(api_client_test, no_client_certificate_is_a_tls_error) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.tls.certificate.clear();
    o.tls.private_key.clear();
    api_client client(o);
    expect_health_fails(client, error_kind::tls, "certificate required");
}

TEST_F(api_client_test, foreign_client_certificate_is_a_tls_error) {
    scripted_server server(server_context(), ok_health);
    api_client client(options(server, "foreign"));
    expect_health_fails(client, error_kind::tls, "unknown ca");
}

TEST_F(api_client_test, server_not_signed_by_our_ca_is_a_tls_error) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.tls.ca = (dir_ / "foreign" / "ca.crt").string();
    api_client client(o);
    expect_health_fails(client, error_kind::tls, "handshake");
}

TEST_F(api_client_test, tls_1_1_is_refused) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.versions = tls_versions::tls1_1_only;
    api_client client(o);
    expect_health_fails(client, error_kind::tls, "handshake");
}
