#include "bench/baseline/baseline_session.hpp"

#include <charconv>
#include <chrono>
#include <string>
#include <string_view>

namespace fupin::bench {
namespace asio = transport::asio;
namespace beast = transport::beast;
namespace http = transport::http;
using asio::redirect_error;
using asio::use_awaitable;

namespace {

std::size_t wanted_bytes(std::string_view target) {
    constexpr std::size_t fallback = 1500, limit = 1024 * 1024;
    auto at = target.find("bytes=");
    if (at == std::string_view::npos) return fallback;
    std::size_t n = fallback;
    auto digits = target.substr(at + 6);
    std::from_chars(digits.data(), digits.data() + digits.size(), n);
    return n > limit ? limit : n;
}

// A JSON object of exactly n bytes (n >= 11), so the response is as large as the county server's.
std::string json_of_size(std::size_t n) {
    if (n < 11) return std::string(n, ' ');
    return "{\"data\":\"" + std::string(n - 11, 'x') + "\"}";
}

}  // namespace

baseline_session::baseline_session(transport::tcp::socket socket, transport::ssl::context& tls) : stream_(std::move(socket), tls) {}

void baseline_session::start() {
    asio::co_spawn(stream_.get_executor(), [self = shared_from_this()] { return self->run(); }, asio::detached);
}

asio::awaitable<void> baseline_session::run() {
    transport::error_code ec;
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(10));
    co_await stream_.async_handshake(transport::ssl::stream_base::server, redirect_error(use_awaitable, ec));
    if (ec) co_return;
    beast::flat_buffer buffer;
    for (;;) {
        // The same limits and timeouts as county-server's sessions, so both do the same bookkeeping.
        http::request_parser<http::string_body> parser;
        parser.header_limit(8 * 1024);
        parser.body_limit(1024 * 1024);
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(60));
        co_await http::async_read(stream_, buffer, parser, redirect_error(use_awaitable, ec));
        if (ec) break;
        auto request = parser.release();
        http::response<http::string_body> response{http::status::ok, request.version()};
        response.set(http::field::content_type, "application/json; charset=utf-8");
        response.set(http::field::cache_control, "no-store");
        const auto target = request.target();
        response.body() = json_of_size(wanted_bytes(std::string_view(target.data(), target.size())));
        response.keep_alive(request.keep_alive());
        response.prepare_payload();
        beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(30));
        co_await http::async_write(stream_, response, redirect_error(use_awaitable, ec));
        if (ec || !request.keep_alive()) break;
    }
    beast::get_lowest_layer(stream_).expires_after(std::chrono::seconds(5));
    co_await stream_.async_shutdown(redirect_error(use_awaitable, ec));
}

}  // namespace fupin::bench
