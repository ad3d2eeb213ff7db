#include "client/tls_connection.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <utility>

#include "client/input_errors.hpp"
#include "transport/tls_context.hpp"

namespace fupin::client {

namespace asio = transport::asio;
namespace beast = transport::beast;
namespace http = transport::http;
namespace ssl = transport::ssl;
using transport::error_code;
using transport::tcp;

namespace {

// How long a download waits for the server to make its file: a county's archive of a million rows as XLSX took
// 135 s on the benchmark's machine (docs/documents.md).
constexpr std::chrono::minutes document_wait{15};

// An answer's status and headers as api_client hands them on; its body is the caller's to place.
template <class Body>
http_result status_and_headers(const http::response<Body>& response) {
    http_result result;
    result.status = static_cast<int>(response.result_int());
    for (const auto& field : response)
        result.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    return result;
}

transport::ssl::context make_context(const connection_options& options) {
    // An unreadable or malformed PEM file is a settings problem, not a network one.
    auto context = [&] {
        try {
            return transport::make_client_tls_context(
                transport::client_tls_files{options.tls.ca, options.tls.certificate, options.tls.private_key});
        } catch (const std::runtime_error& e) {
            throw config_error(e.what());
        }
    }();
    if (options.versions == tls_versions::tls1_1_only) {
        SSL_CTX* native = context.native_handle();
        SSL_CTX_clear_options(native, SSL_OP_NO_TLSv1_1);
        SSL_CTX_set_min_proto_version(native, TLS1_1_VERSION);
        SSL_CTX_set_max_proto_version(native, TLS1_1_VERSION);
        // OpenSSL 3 refuses TLS 1.1 above security level 0; lower it so the offer really reaches the server.
        SSL_CTX_set_cipher_list(native, "DEFAULT:@SECLEVEL=0");
    }
    if (options.tweak_ssl_context) options.tweak_ssl_context(context.native_handle());
    return context;
}

bool is_tls_error(const error_code& ec) {
    return ec.category() == asio::error::get_ssl_category() || ec == ssl::error::stream_truncated;
}

// The server closed an idle keep-alive connection under us.
bool is_closed_by_peer(const error_code& ec) {
    return ec == asio::error::eof || ec == ssl::error::stream_truncated || ec == http::error::end_of_stream ||
           ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
           ec == asio::error::connection_aborted;
}

std::string seconds_text(std::chrono::milliseconds timeout) {
    const auto ms = timeout.count();
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

}  // namespace

tls_connection::tls_connection(const connection_options& options)
    : options_(options), ssl_context_(make_context(options)) {}

tls_connection::~tls_connection() { close(); }

template <class Start>
error_code tls_connection::run(Start&& start) {
    error_code result = asio::error::would_block;
    std::forward<Start>(start)([&result](error_code ec, auto&&...) { result = ec; });
    ioc_.restart();
    ioc_.run();
    return result;
}

void tls_connection::close() {
    if (stream_) {
        error_code ignored;
        beast::get_lowest_layer(*stream_).socket().shutdown(tcp::socket::shutdown_both, ignored);
        beast::get_lowest_layer(*stream_).close();
        stream_.reset();
    }
    buffer_.clear();
    exchanges_on_connection_ = 0;
}

void tls_connection::fail(const char* step, error_code ec, bool first_exchange) {
    const std::string where = options_.host + ":" + options_.port;
    close();
    if (ec == beast::error::timeout || ec == asio::error::timed_out)
        throw client_error(error_kind::unreachable,
                           std::string("no answer from ") + where + " within " + seconds_text(options_.timeout) +
                               " (" + step + ")");
    // With TLS 1.3 the server checks our certificate after the handshake: its refusal arrives on the first read.
    if (first_exchange && is_tls_error(ec))
        throw client_error(error_kind::tls, "TLS failure with " + where + " (" + step + "): " + ec.message());
    if (ec.category() == http::make_error_code(http::error::end_of_stream).category() &&
        ec != http::error::end_of_stream)
        throw client_error(error_kind::protocol, "bad HTTP answer from " + where + ": " + ec.message());
    throw client_error(error_kind::unreachable, "connection to " + where + " lost (" + step + "): " + ec.message());
}

void tls_connection::connect() {
    close();
    const std::string where = options_.host + ":" + options_.port;

    // Resolve, under a timer (the resolver has no timeout of its own).
    tcp::resolver resolver(ioc_);
    asio::steady_timer timer(ioc_, options_.timeout);
    tcp::resolver::results_type endpoints;
    error_code resolve_ec = asio::error::would_block;
    bool timed_out = false;
    resolver.async_resolve(options_.host, options_.port,
                           [&](error_code ec, tcp::resolver::results_type results) {
                               resolve_ec = ec;
                               endpoints = std::move(results);
                               timer.cancel();
                           });
    timer.async_wait([&](error_code ec) {
        if (!ec) {
            timed_out = true;
            resolver.cancel();
        }
    });
    ioc_.restart();
    ioc_.run();
    if (timed_out)
        throw client_error(error_kind::unreachable, "cannot resolve " + options_.host + " within " +
                                                        seconds_text(options_.timeout));
    if (resolve_ec)
        throw client_error(error_kind::unreachable, "cannot resolve " + options_.host + ": " + resolve_ec.message());

    stream_.emplace(ioc_, ssl_context_);
    auto& tcp_layer = beast::get_lowest_layer(*stream_);
    tcp_layer.expires_after(options_.timeout);
    if (auto ec = run([&](auto handler) { tcp_layer.async_connect(endpoints, std::move(handler)); })) {
        close();
        if (ec == beast::error::timeout)
            throw client_error(error_kind::unreachable,
                               "cannot connect to " + where + " within " + seconds_text(options_.timeout));
        throw client_error(error_kind::unreachable, "cannot connect to " + where + ": " + ec.message());
    }
    // A request is written whole and then waited on: Nagle would hold its last segment for the server's
    // delayed ACK (40 ms on Linux) on a fresh connection.
    error_code ignored;
    tcp_layer.socket().set_option(tcp::no_delay(true), ignored);

    error_code not_address;
    asio::ip::make_address(options_.host, not_address);
    if (not_address) SSL_set_tlsext_host_name(stream_->native_handle(), options_.host.c_str());  // SNI for names
    stream_->set_verify_mode(ssl::verify_peer);
    if (options_.verify_host_name) stream_->set_verify_callback(ssl::host_name_verification(options_.host));

    tcp_layer.expires_after(options_.timeout);
    if (auto ec = run([&](auto handler) { stream_->async_handshake(ssl::stream_base::client, std::move(handler)); })) {
        close();
        if (ec == beast::error::timeout)
            throw client_error(error_kind::unreachable, "TLS handshake with " + where + " did not finish within " +
                                                            seconds_text(options_.timeout));
        throw client_error(error_kind::tls, "TLS handshake with " + where + " failed: " + ec.message());
    }
    exchanges_on_connection_ = 0;
}

http_result tls_connection::exchange(http::request<http::string_body>& request, const std::string* save_to,
                                     std::chrono::steady_clock::duration answer_wait) {
    for (int attempt = 0;; ++attempt) {
        if (!stream_) connect();
        const bool first_exchange = exchanges_on_connection_ == 0;
        const bool may_retry = !first_exchange && attempt == 0;
        auto& tcp_layer = beast::get_lowest_layer(*stream_);

        // A large body (an attachment) gets a second more for every 64 KiB, as the server gives it.
        tcp_layer.expires_after(options_.timeout + std::chrono::seconds(request.body().size() / (64 * 1024)));
        if (auto ec = run([&](auto handler) { http::async_write(*stream_, request, std::move(handler)); })) {
            if (may_retry && (is_closed_by_peer(ec) || is_tls_error(ec))) {
                close();
                continue;
            }
            fail("sending the request", ec, first_exchange);
        }

        // The header first: whether the body goes to a file depends on the status.
        http::response_parser<http::empty_body> header_parser;
        // Boost 1.74 compares the announced length with an empty limit as larger: a number, never boost::none.
        header_parser.body_limit(std::numeric_limits<std::uint64_t>::max());
        // The server makes a document whole before it answers: a county's export takes minutes.
        tcp_layer.expires_after(std::max<std::chrono::steady_clock::duration>(
            {options_.timeout, save_to ? document_wait : std::chrono::steady_clock::duration::zero(), answer_wait}));
        if (auto ec = run([&](auto handler) {
                http::async_read_header(*stream_, buffer_, header_parser, std::move(handler));
            })) {
            if (may_retry && !header_parser.got_some() && (is_closed_by_peer(ec) || is_tls_error(ec))) {
                close();
                continue;
            }
            fail("reading the answer", ec, first_exchange);
        }
        const auto status = header_parser.get().result_int();
        if (save_to && status >= 200 && status <= 299) return save_body(std::move(header_parser), *save_to);
        // Boost 1.74 checks an announced length against the limit only as the header ends: here, with the
        // header read under no limit, it is checked by hand (a chunked body is held to the limit as it comes).
        if (header_parser.content_length() && *header_parser.content_length() > options_.response_body_limit) {
            too_large();
        }

        http::response_parser<http::string_body> parser{std::move(header_parser)};
        parser.body_limit(options_.response_body_limit);
        tcp_layer.expires_after(options_.timeout);
        if (auto ec = run([&](auto handler) { http::async_read(*stream_, buffer_, parser, std::move(handler)); })) {
            if (ec == http::error::body_limit) too_large();
            fail("reading the answer", ec, first_exchange);
        }
        ++exchanges_on_connection_;

        auto response = parser.release();
        auto result = status_and_headers(response);
        result.body = std::move(response.body());
        if (!response.keep_alive()) close();
        return result;
    }
}

void tls_connection::too_large() {
    close();
    throw client_error(error_kind::protocol, "the answer of " + options_.host + ":" + options_.port +
                                                 " is larger than " + std::to_string(options_.response_body_limit) +
                                                 " bytes");
}

http_result tls_connection::save_body(http::response_parser<http::empty_body>&& header_parser,
                                      const std::string& path) {
    http::response_parser<http::file_body> parser{std::move(header_parser)};
    parser.body_limit(std::numeric_limits<std::uint64_t>::max());
    transport::error_code ec;
    parser.get().body().open(path.c_str(), beast::file_mode::write, ec);
    if (ec) {
        close();  // the body is still on the wire: the connection cannot serve another request
        throw unwritable_file(path + ": " + ec.message());
    }
    // A long file gets a second more for every 64 KiB it announces, as the server gives itself to send it.
    const auto length = parser.content_length().value_or(0);
    beast::get_lowest_layer(*stream_).expires_after(options_.timeout + std::chrono::seconds(length / (64 * 1024)));
    if (auto read_ec = run([&](auto handler) { http::async_read(*stream_, buffer_, parser, std::move(handler)); })) {
        close();
        namespace errc = boost::system::errc;
        if (read_ec == errc::no_space_on_device || read_ec == errc::file_too_large ||
            read_ec == errc::read_only_file_system || read_ec == errc::io_error)
            throw unwritable_file(path + ": " + read_ec.message());
        fail("reading the answer", read_ec, false);
    }
    ++exchanges_on_connection_;
    auto response = parser.release();
    auto result = status_and_headers(response);
    // The body's size() is what the file held when it was opened (nothing): the file itself says what was written.
    transport::error_code size_ec;
    result.saved_bytes = response.body().file().size(size_ec);
    response.body().close();
    if (!response.keep_alive()) close();
    return result;
}

}  // namespace fupin::client
