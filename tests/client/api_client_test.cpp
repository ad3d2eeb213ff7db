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
#include "net/tls_context.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;
namespace net = fupin::net;
using net::http::request;
using net::http::response;
using net::http::string_body;

namespace {

// Serves one connection at a time; `handle` answers each request (nullopt: close without answering).
class scripted_server {
public:
    using handler = std::function<std::optional<response<string_body>>(const request<string_body>&)>;

    scripted_server(net::ssl::context context, handler handle, int requests_per_connection = 1000)
        : context_(std::move(context)), handle_(std::move(handle)), per_connection_(requests_per_connection),
          acceptor_(ioc_, {net::asio::ip::make_address("127.0.0.1"), 0}), thread_([this] { run(); }) {}

    ~scripted_server() {
        stopping_ = true;
        net::tcp::socket wake(ioc_);
        net::error_code ec;
        wake.connect(acceptor_.local_endpoint(), ec);
        thread_.join();
    }

    std::string port() const { return std::to_string(acceptor_.local_endpoint().port()); }
    int connections() const { return connections_; }
    request<string_body> last_request() const {
        std::lock_guard lock(mutex_);
        return last_;
    }

private:
    void run() {
        while (!stopping_) {
            net::tcp::socket socket(ioc_);
            net::error_code ec;
            acceptor_.accept(socket, ec);
            if (ec || stopping_) return;
            ++connections_;
            net::beast::ssl_stream<net::tcp::socket> stream(std::move(socket), context_);
            stream.handshake(net::ssl::stream_base::server, ec);
            net::beast::flat_buffer buffer;
            for (int served = 0; !ec && served < per_connection_; ++served) {
                request<string_body> req;
                net::http::read(stream, buffer, req, ec);
                if (ec) break;
                {
                    std::lock_guard lock(mutex_);
                    last_ = req;
                }
                auto res = handle_(req);
                if (!res) break;
                res->prepare_payload();
                net::http::write(stream, *res, ec);
            }
            stream.next_layer().close(ec);  // no close_notify: like a server whose idle timer fired
        }
    }

    net::asio::io_context ioc_;
    net::ssl::context context_;
    handler handle_;
    int per_connection_;
    net::tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0};
    mutable std::mutex mutex_;
    request<string_body> last_;
    std::thread thread_;
};

response<string_body> json_response(int status, std::string body) {
    response<string_body> res{static_cast<net::http::status>(status), 11};
    res.set(net::http::field::content_type, "application/json");
    res.body() = std::move(body);
    return res;
}

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
        if (!certs_ok_) GTEST_SKIP() << "certs/make-certs failed (no openssl?)";
    }

    static net::ssl::context server_context() {
        const auto c = dir_ / "county";
        return net::make_server_tls_context(
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
    EXPECT_EQ(req[net::http::field::accept_language], "en");
    EXPECT_EQ(req.target(), "/api/v1/health");

    client.request(http_method::post, "/x", std::string("{}"), {{"Idempotency-Key", "k1"}});
    EXPECT_EQ(server.last_request()[net::http::field::content_type], "application/json");
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
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::protocol) << e.what();
    }
}

TEST_F(api_client_test, answer_over_the_body_limit_is_a_protocol_error) {
    scripted_server server(server_context(), [](const request<string_body>&) {
        return std::optional(json_response(200, "\"" + std::string(4096, 'x') + "\""));
    });
    auto o = options(server);
    o.response_body_limit = 1024;
    api_client client(o);
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::protocol) << e.what();
    }
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
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::unreachable) << e.what();
    }
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
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::unreachable) << e.what();
    }
}

// TLS 1.3: the server's refusal arrives after the client's handshake, on the first read.
TEST_F(api_client_test, no_client_certificate_is_a_tls_error) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.tls.certificate.clear();
    o.tls.private_key.clear();
    api_client client(o);
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::tls) << e.what();
        EXPECT_NE(std::string(e.what()).find("certificate required"), std::string::npos) << e.what();
    }
}

TEST_F(api_client_test, foreign_client_certificate_is_a_tls_error) {
    scripted_server server(server_context(), ok_health);
    api_client client(options(server, "foreign"));
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::tls) << e.what();
        EXPECT_NE(std::string(e.what()).find("unknown ca"), std::string::npos) << e.what();
    }
}

TEST_F(api_client_test, server_not_signed_by_our_ca_is_a_tls_error) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.tls.ca = (dir_ / "foreign" / "ca.crt").string();
    api_client client(o);
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::tls) << e.what();
        EXPECT_NE(std::string(e.what()).find("handshake"), std::string::npos) << e.what();
    }
}

TEST_F(api_client_test, tls_1_1_is_refused) {
    scripted_server server(server_context(), ok_health);
    auto o = options(server);
    o.versions = tls_versions::tls1_1_only;
    api_client client(o);
    try {
        client.health();
        FAIL() << "no error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::tls) << e.what();
        EXPECT_NE(std::string(e.what()).find("handshake"), std::string::npos) << e.what();
    }
}
