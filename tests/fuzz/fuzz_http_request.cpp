// What county-server does with the bytes of a request before it needs the database, on arbitrary bytes as they
// would arrive inside the TLS stream:
//  1. Beast's http::request_parser<string_body> with the server's limits (server_config: header_limit 8 KiB,
//     body_limit 1 MiB), requests read one after another off the same bytes as on a keep-alive connection;
//  2. for each request that parses, the api_request http_session builds (server/net/http_message: the path and
//     the query, the language, the WebSocket upgrade);
//  3. the real endpoint table (api::add_routes) and router::match, as the session matches before any database
//     work; the memory path (router::run_from_memory: the session cache's refusal, without a database);
//  4. the matched handler itself on a connection that has no database: every authenticated route refuses
//     (401) before it touches one, login reads and checks its body first, health touches the database at once;
//  5. the request parsing the handlers share (server/api/request_parsing.hpp) on the same request;
//  6. the error JSON and the HTTP answer the session would send.
// A refusal is an api_error with a 4xx status; a handler that reaches the database is stopped there. Anything
// else a handler lets out would be a 500 internal_error for what a client sent: reported as a bug (router.cpp:
// "a json exception here is a server bug"), nlohmann's exceptions included.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "transport/websocket.hpp"  // transport/asio.hpp first of all Boost: <utility> before Asio, as the project does
#include "common/api_error.hpp"
#include "common/household_json.hpp"
#include "server/api/api_request.hpp"
#include "server/api/error_response.hpp"
#include "server/api/request_parsing.hpp"
#include "server/api/router.hpp"
#include "server/api/routes.hpp"
#include "server/net/http_message.hpp"
#include "server/server_config.hpp"
#include "server/sql/connection.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

namespace http = fupin::transport::http;
namespace websocket = fupin::transport::websocket;
namespace api = fupin::server::api;
namespace sql = fupin::server::sql;
using fupin::common::api_error;
using fupin::fuzz::fuzz_bug;
using fupin::fuzz::unexpected_exception;

// Thrown by every statement: the fuzzer has no database, so a handler that gets this far has passed every check
// it makes without one.
struct database_reached {};

class no_database final : public sql::connection {
public:
    std::int64_t execute(std::string_view, const std::vector<sql::value>&) override { throw database_reached{}; }
    std::vector<sql::row> query(std::string_view, const std::vector<sql::value>&) override { throw database_reached{}; }
    void execute_script(std::string_view) override { throw database_reached{}; }
    std::int64_t last_insert_id() override { throw database_reached{}; }
    std::vector<std::int64_t> insert_with_ids(std::string_view, const std::vector<sql::value>&, std::size_t,
                                              std::string_view) override {
        throw database_reached{};
    }
    bool multi_row_insert_ids() const override { return false; }
    void begin(sql::tx_mode) override { throw database_reached{}; }
    void commit() override { throw database_reached{}; }
    void rollback() override {}
    bool in_transaction() const override { return false; }
    sql::dialect dialect() const override { return sql::dialect::sqlite; }
};

struct server {
    fupin::server::server_config config;
    api::router router;
    std::uint64_t next_request = 0;

    server() {
        config.clock = [] { return std::int64_t{1'796'000'000'000}; };  // 2026-11-29, fixed
        config.argon2_memory_kib = 64;  // never reached without a database; cheap if it were
        config.argon2_iterations = 1;
        api::add_routes(router, config, fupin::server::service::services::make(config));
    }
};

server& the_server() {
    static server s;
    return s;
}

// The answer as http_session sends it; serialising it proves Beast takes the status and headers.
void send(api::api_response response, const api::api_request& request, unsigned version, bool keep_alive) {
    FUZZ_CHECK(response.status >= 100 && response.status <= 599);
    auto message = fupin::server::net::to_http_response(std::move(response), request, version, keep_alive);
    http::response_serializer<http::string_body> serializer{message};
    fupin::transport::error_code ec;
    std::size_t bytes = 0;
    do {
        serializer.next(ec, [&](fupin::transport::error_code&, const auto& buffers) {
            const auto n = boost::asio::buffer_size(buffers);
            bytes += n;
            serializer.consume(n);
        });
    } while (!ec && !serializer.is_done());
    FUZZ_CHECK(!ec);
    // Error bodies are JSON the client can read.
    if (response.status >= 400 && !response.body.empty()) {
        const auto body = nlohmann::json::parse(response.body, nullptr, false);
        FUZZ_CHECK(body.is_object() && body.contains("error"));
    }
}

api::api_response refusal(const api_error& e, const api::api_request& request, const char* where) {
    if (e.status() < 400 || e.status() > 499)
        fuzz_bug(std::string(where) + " answered a request with a non-4xx api_error", e.what());
    try {
        return api::error_response(e, request.lang);
    } catch (const std::exception& x) {
        unexpected_exception("error_response", x);
    }
}

// The parsing helpers of request_parsing.hpp, on this request, with the names and ranges handlers use.
void shared_parsing(const api::api_request& request, const api::route_match& match) {
    auto refused = [&](auto&& step) {
        try {
            step();
        } catch (const api_error& e) {
            (void)refusal(e, request, "request parsing");
        } catch (const std::exception& e) {
            unexpected_exception("request parsing", e);
        }
    };
    refused([&] { (void)api::parse_json_body(request); });
    refused([&] { (void)api::idempotency_key(request); });
    refused([&] { (void)api::query_int(request, "page_size", 50, 1, 200); });
    refused([&] { (void)api::query_int(request, "year", 0, 2000, 2100); });
    refused([&] { (void)api::query_int(request, "household", 0, 1, 2'000'000'000); });
    refused([&] { (void)api::query_int(request, "after", 0, 0, 2'000'000'000); });
    refused([&] { (void)api::query_code(request, "township", 9); });
    refused([&] { (void)api::query_code(request, "village", 12); });
    refused([&] { (void)api::query_code(request, "group", 15); });
    for (const auto& [name, value] : match.params) refused([&, v = value] { (void)api::parse_id(v); });
    if (const auto from = request.query.find("from"); from != request.query.end())
        refused([&] { (void)fupin::common::parse_utc_ms(from->second, "from"); });
    // A body that is JSON: the household codec a create or update would run after authentication.
    refused([&] {
        const auto body = api::parse_json_body(request);
        (void)fupin::common::household_from_json(body, fupin::common::json_source::request);
        (void)api::canonical_hash(body);
    });
}

api::api_response dispatch(const api::api_request& request) {
    auto& s = the_server();
    api::route_match match;
    try {
        match = s.router.match(request);
    } catch (const std::exception& e) {
        unexpected_exception("router::match", e);
    }
    if (!match.target) {
        FUZZ_CHECK(match.error.status == 404 || match.error.status == 405);
        return match.error;
    }
    shared_parsing(request, match);

    // The memory path: without a cached session it must decline (and never throw: it runs on the network thread).
    std::optional<api::api_response> from_memory;
    try {
        from_memory = s.router.run_from_memory(match, request);
    } catch (const std::exception& e) {
        unexpected_exception("router::run_from_memory", e);
    }
    FUZZ_CHECK(!from_memory);

    // The handler, as router::run calls it but without its catch-all, so that an escape is seen here.
    no_database db;
    try {
        return (*match.target)(request, match.params, db);
    } catch (const database_reached&) {
        return api::router::database_unavailable(request);
    } catch (const api_error& e) {
        return refusal(e, request, "a handler");
    } catch (const std::exception& e) {
        unexpected_exception(("handler of " + request.method + " " + request.path).c_str(), e);
    }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    spdlog::set_level(spdlog::level::off);
    (void)the_server();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    auto& s = the_server();
    const auto& config = s.config;
    std::string_view rest = fupin::fuzz::as_text(data, size);
    // Up to 4 requests of one keep-alive connection; what one leaves unread is the start of the next.
    for (int n = 0; n < 4 && !rest.empty(); ++n) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
        parser.body_limit(config.body_limit);
        parser.eager(true);
        fupin::transport::error_code ec;
        // As Beast's read does: put what has arrived, again while it makes progress, and when it needs more
        // than there is, the connection ends (put_eof).
        while (!parser.is_done()) {
            const auto used = parser.put(boost::asio::buffer(rest.data(), rest.size()), ec);
            FUZZ_CHECK(used <= rest.size());
            rest.remove_prefix(used);
            if (ec == http::error::need_more || (!ec && used == 0)) {
                ec = {};
                parser.put_eof(ec);
                break;
            }
            if (ec) break;
        }
        // The session reads the language even of a request it refuses.
        (void)fupin::common::language_from_accept_language(
            std::string(parser.get()[http::field::accept_language]));
        if (ec) return 0;  // 413, 431 or 400: the session answers and closes
        FUZZ_CHECK(parser.is_done());

        auto message = parser.release();
        auto request = fupin::server::net::to_api_request(message, s.next_request++);
        request.caller_area = "529901101";
        request.caller_subject = "CN=fuzz,OU=529901101";
        request.websocket_upgrade = websocket::is_upgrade(message);
        const auto response = dispatch(request);
        const bool keep_alive = message.keep_alive();
        send(response, request, message.version(), keep_alive);
        if (!keep_alive) return 0;
    }
    return 0;
}
