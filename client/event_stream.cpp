#include "client/event_stream.hpp"

#include <openssl/ssl.h>

#include <algorithm>
#include <atomic>
#include <stdexcept>
#include <utility>

// transport/asio.hpp (via transport/websocket.hpp) first: it includes <utility> before Asio (the g++ 12 / Boost 1.74 bug).
#include "common/bounded_json.hpp"
#include "transport/websocket.hpp"
#include "transport/tls_context.hpp"

namespace fupin::client {
namespace asio = transport::asio;
namespace beast = transport::beast;
namespace http = transport::http;
namespace ssl = transport::ssl;
namespace websocket = transport::websocket;
using transport::error_code;
using transport::tcp;
using nlohmann::json;

namespace {

using ws_stream = websocket::stream<beast::ssl_stream<beast::tcp_stream>>;

// The close code by which the server says the session has ended (docs/protocol.md): logging in is what helps.
constexpr std::uint16_t close_session_ended = 1008;

std::string duration_text(std::chrono::milliseconds d) {
    const auto ms = d.count();
    return ms % 1000 == 0 ? std::to_string(ms / 1000) + " s" : std::to_string(ms) + " ms";
}

// The same TLS policy as api_client (tls_connection.cpp); an unreadable PEM file is a settings problem.
ssl::context make_context(const connection_options& options) {
    auto context = [&] {
        try {
            return transport::make_client_tls_context(
                transport::client_tls_files{options.tls.ca, options.tls.certificate, options.tls.private_key});
        } catch (const std::runtime_error& e) {
            throw config_error(e.what());
        }
    }();
    if (options.tweak_ssl_context) options.tweak_ssl_context(context.native_handle());
    return context;
}

const json& member(const json& message, const char* name) {
    static const json null_value;
    const auto it = message.find(name);
    return it == message.end() ? null_value : *it;
}

[[noreturn]] void bad_message(const std::string& what) {
    throw client_error(error_kind::protocol, "the change feed sent " + what);
}

std::int64_t seq_of(const json& message, const char* name, std::int64_t minimum) {
    const json& v = member(message, name);
    if (!v.is_number_integer() || v.get<std::int64_t>() < minimum)
        bad_message(std::string("a message whose \"") + name + "\" is not an integer >= " + std::to_string(minimum));
    return v.get<std::int64_t>();
}

std::string text_of(const json& message, const char* name, bool required) {
    const json& v = member(message, name);
    if (v.is_string()) return v.get<std::string>();
    if (v.is_null() && !required) return {};
    bad_message(std::string("an event whose \"") + name + "\" is not text");
}

// How one connection ended, when it did not throw.
struct session_end {
    bool stopped = false;     // stop() was called
    bool got_hello = false;   // the subscription was up (so the next failure is worth retrying)
    bool busy = false;        // refused for now (502/503/504): worth retrying even before the first hello
    error_kind kind = error_kind::unreachable;
    std::string reason;       // English diagnostic text
};

session_end stopped_end() {
    session_end end;
    end.stopped = true;
    return end;
}

}  // namespace

feed_event feed_event_from_json(const json& message, std::string text) {
    if (!message.is_object()) bad_message("an event that is not a JSON object");
    feed_event e;
    e.seq = seq_of(message, "seq", 1);
    e.kind = text_of(message, "kind", true);
    if (e.kind.empty()) bad_message("an event without a kind");
    e.record = text_of(message, "record", false);
    e.township_code = text_of(message, "township_code", false);
    e.village_code = text_of(message, "village_code", false);
    e.at = text_of(message, "at", false);
    e.visibility = text_of(message, "visibility", false);
    const json& summary = member(message, "summary");
    if (summary.is_object()) e.summary = summary;
    else if (!summary.is_null()) bad_message("an event whose \"summary\" is not an object");
    e.text = std::move(text);
    return e;
}

struct event_stream::impl {
    impl(connection_options o, std::string t, std::optional<std::int64_t> since, feed_options f)
        : options(std::move(o)), token(std::move(t)), feed(f), ssl_context(make_context(options)),
          cursor(since ? *since : -1) {}

    connection_options options;
    std::string token;
    feed_options feed;
    asio::io_context ioc;
    ssl::context ssl_context;
    std::atomic<std::int64_t> cursor;  // -1: none yet (subscribed "from now on" and no hello yet)
    std::atomic<bool> stopped{false};
    std::atomic<bool> running{false};
    interruption_handler on_interruption;
    subscribed_handler on_subscribed;

    std::string where() const { return options.host + ":" + options.port; }

    std::string target() const {
        const auto c = cursor.load();
        return c < 0 ? std::string("/api/v1/events") : "/api/v1/events?since=" + std::to_string(c);
    }

    // Runs the io_context until the operation started by `start` completes; operation_aborted once stop() was
    // called (the operation may then still be pending: its handler writes only to the shared result, so it is
    // harmless whenever it runs). One handler at a time, not run(): an open WebSocket keeps its idle timer armed
    // between reads, so run() would not return when the read has completed.
    template <class Start>
    error_code run_op(Start&& start) {
        if (stopped) return asio::error::operation_aborted;
        auto result = std::make_shared<std::optional<error_code>>();
        std::forward<Start>(start)([result](error_code ec, auto&&...) { *result = ec; });
        ioc.restart();
        // stop() sets the flag before it stops the io_context: either this sees the flag, or run_one sees the stop.
        if (stopped) return asio::error::operation_aborted;
        while (!result->has_value() && ioc.run_one() > 0) {
        }
        if (stopped || !result->has_value()) return asio::error::operation_aborted;
        return **result;
    }

    session_end transport_failure(const char* step, error_code ec, error_kind kind = error_kind::unreachable) {
        session_end end;
        end.stopped = stopped;
        end.kind = kind;
        if (ec == beast::error::timeout || ec == asio::error::timed_out)
            end.reason = std::string("no answer from ") + where() + " within " + duration_text(options.timeout) + " (" +
                         step + ")";
        else end.reason = std::string(step) + " with " + where() + " failed: " + ec.message();
        return end;
    }

    // One connection: resolve, connect, TLS, upgrade, then read until it ends. Fatal failures throw.
    session_end session(const event_handler& on_event);
    // Reads the messages of an open subscription.
    session_end read_messages(ws_stream& ws, const event_handler& on_event);
    // After stop(): a close frame, so the server ends the subscription at once; bounded by a short wait.
    void close_gently(ws_stream& ws);
};

session_end event_stream::impl::session(const event_handler& on_event) {
    // Resolve under a timer: the resolver has no timeout of its own.
    tcp::resolver resolver(ioc);
    tcp::resolver::results_type endpoints;
    asio::steady_timer timer(ioc, options.timeout);
    bool timed_out = false;
    auto timer_done = std::make_shared<bool>(false);
    const auto resolve_ec = run_op([&](auto handler) {
        resolver.async_resolve(options.host, options.port,
                               [&, handler](error_code ec, tcp::resolver::results_type results) mutable {
                                   endpoints = std::move(results);
                                   timer.cancel();
                                   handler(ec);
                               });
        timer.async_wait([&, timer_done](error_code ec) {
            *timer_done = true;
            if (!ec) {
                timed_out = true;
                resolver.cancel();
            }
        });
    });
    if (stopped) return stopped_end();
    // Let the timer's handler run now, while what it refers to is alive.
    while (!*timer_done && ioc.run_one() > 0) {
    }
    if (stopped) return stopped_end();
    if (timed_out) return transport_failure("resolving the name", beast::error::timeout);
    if (resolve_ec) return transport_failure("resolving the name", resolve_ec);

    ws_stream ws(ioc, ssl_context);
    auto& tcp_layer = beast::get_lowest_layer(ws);
    tcp_layer.expires_after(options.timeout);
    if (auto ec = run_op([&](auto handler) { tcp_layer.async_connect(endpoints, std::move(handler)); }))
        return stopped ? stopped_end() : transport_failure("connecting", ec);
    error_code ignored;
    tcp_layer.socket().set_option(tcp::no_delay(true), ignored);

    auto& tls = ws.next_layer();
    error_code not_address;
    asio::ip::make_address(options.host, not_address);
    if (not_address) SSL_set_tlsext_host_name(tls.native_handle(), options.host.c_str());  // SNI for names
    tls.set_verify_mode(ssl::verify_peer);
    if (options.verify_host_name) tls.set_verify_callback(ssl::host_name_verification(options.host));
    tcp_layer.expires_after(options.timeout);
    if (auto ec = run_op([&](auto handler) { tls.async_handshake(ssl::stream_base::client, std::move(handler)); }))
        return stopped ? stopped_end() : transport_failure("the TLS handshake", ec, error_kind::tls);

    // From here the WebSocket's own timers apply (Beast requires the TCP stream's to be off).
    tcp_layer.expires_never();
    ws.set_option(websocket::stream_base::timeout{options.timeout, feed.idle_timeout, true});
    ws.read_message_max(feed.message_limit);
    const std::string token_copy = token;
    const auto lang = options.lang;
    ws.set_option(websocket::stream_base::decorator([token_copy, lang](websocket::request_type& req) {
        req.set(http::field::user_agent, "township-client/" FUPIN_CLIENT_VERSION);
        req.set(http::field::accept_language, lang == common::language::en ? "en" : "zh-CN");
        if (!token_copy.empty()) req.set(http::field::authorization, "Bearer " + token_copy);
    }));
    const bool ipv6 = options.host.find(':') != std::string::npos;
    const std::string host = (ipv6 ? "[" + options.host + "]" : options.host) +
                             (options.port == "443" ? std::string() : ":" + options.port);
    websocket::response_type response;
    const std::string request_target = target();
    if (auto ec = run_op([&](auto handler) { ws.async_handshake(response, host, request_target, std::move(handler)); })) {
        if (stopped) return stopped_end();
        if (ec != websocket::error::upgrade_declined) {
            // With TLS 1.3 the server's refusal of our certificate arrives here, on the first read.
            const bool tls_failure = ec.category() == asio::error::get_ssl_category();
            return transport_failure("the WebSocket upgrade", ec, tls_failure ? error_kind::tls : error_kind::unreachable);
        }
        const int status = static_cast<int>(response.result_int());
        http_result refused;
        refused.status = status;
        for (const auto& field : response)
            refused.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
        refused.body = response.body();
        if (status == 502 || status == 503 || status == 504) {
            // Busy or restarting: worth another try after the backoff, even before the first subscription.
            session_end end;
            end.kind = error_kind::http;
            end.busy = true;
            end.reason = "the server refused the subscription for now (HTTP " + std::to_string(status) + ")";
            return end;
        }
        if (status == 101 || status < 400)
            throw client_error(error_kind::protocol, where() + " did not upgrade the change feed (HTTP " +
                                                         std::to_string(status) + ")");
        throw error_from_response(refused);  // 401 → log in again; 400, 403, 404, 429: going on cannot help
    }
    return read_messages(ws, on_event);
}

session_end event_stream::impl::read_messages(ws_stream& ws, const event_handler& on_event) {
    session_end end;
    beast::flat_buffer buffer;
    for (;;) {
        const auto ec = run_op([&](auto handler) { ws.async_read(buffer, std::move(handler)); });
        if (stopped) {
            close_gently(ws);
            end.stopped = true;
            return end;
        }
        if (ec == websocket::error::closed) {
            const auto& why = ws.reason();
            const std::string reason(why.reason.data(), why.reason.size());
            if (why.code == close_session_ended)
                throw client_error::from_response(401, reason.empty() ? "session_ended" : reason,
                                                  "the server ended the session (close 1008)");
            end.reason = "closed by the server (" + std::to_string(why.code) + (reason.empty() ? "" : " " + reason) + ")";
            return end;
        }
        if (ec == websocket::error::message_too_big)
            throw client_error(error_kind::protocol, "the change feed sent a message larger than " +
                                                         std::to_string(feed.message_limit) + " bytes");
        if (ec == beast::error::timeout) {
            end.reason = "nothing from " + where() + " within " + duration_text(feed.idle_timeout);
            return end;
        }
        if (ec) {
            end.reason = "connection to " + where() + " lost: " + ec.message();
            return end;
        }
        if (!ws.got_text()) bad_message("a binary message");
        std::string text = beast::buffers_to_string(buffer.data());
        buffer.consume(buffer.size());

        const auto message = common::try_parse_bounded_json(text).value_or(nullptr);
        if (!message.is_object()) bad_message("a message that is not a JSON object");
        const json& type = member(message, "type");
        if (!type.is_string()) bad_message("a message without a type");
        if (!end.got_hello) {
            if (type != "hello") bad_message("\"" + type.get<std::string>() + "\" before hello");
            const auto head = seq_of(message, "head", 0);
            // Subscribed "from now on": the hello's since (else its head) is where this subscription began, so a
            // reconnection resumes there rather than skipping what commits while it is away.
            const json& since = member(message, "since");
            if (cursor.load() < 0) cursor = since.is_number_integer() && since.get<std::int64_t>() >= 0
                                                ? since.get<std::int64_t>()
                                                : head;
            end.got_hello = true;
            if (on_subscribed) on_subscribed();
            continue;
        }
        if (type == "event") {
            auto e = feed_event_from_json(message, std::move(text));
            // The server sends only seq > since; an older one would be a repeat the caller must not see twice.
            if (e.seq <= cursor.load()) continue;
            cursor = e.seq;
            on_event(e);
        } else if (type == "position") {
            const auto seq = seq_of(message, "seq", 0);
            if (seq > cursor.load()) cursor = seq;
        } else if (type == "hello") {
            bad_message("a second hello");
        }
        // Other types: a newer server's messages this client does not know; skipping them loses no event.
    }
}

void event_stream::impl::close_gently(ws_stream& ws) {
    if (!ws.is_open()) return;
    auto done = std::make_shared<bool>(false);
    ws.async_close(websocket::close_code::normal, [done](error_code) { *done = true; });
    ioc.restart();
    // Bounded: a server that does not answer must not hold up Ctrl-C. A second stop() ends it at once.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(500);
    while (!*done && ioc.run_one_until(deadline) > 0) {
    }
}

event_stream::event_stream(connection_options options, std::string token, std::optional<std::int64_t> since,
                           feed_options feed)
    : impl_(std::make_unique<impl>(std::move(options), std::move(token), since, feed)) {}

event_stream::~event_stream() = default;

void event_stream::on_interruption(interruption_handler handler) { impl_->on_interruption = std::move(handler); }
void event_stream::on_subscribed(subscribed_handler handler) { impl_->on_subscribed = std::move(handler); }

void event_stream::stop() {
    impl_->stopped = true;
    impl_->ioc.stop();
}

std::optional<std::int64_t> event_stream::cursor() const {
    const auto c = impl_->cursor.load();
    return c < 0 ? std::nullopt : std::optional<std::int64_t>(c);
}

std::string event_stream::target() const { return impl_->target(); }

void event_stream::run(const event_handler& on_event) {
    if (impl_->running.exchange(true)) throw std::logic_error("event_stream::run called twice");
    auto& m = *impl_;
    bool ever_subscribed = false;
    auto backoff = m.feed.first_backoff;
    for (;;) {
        const auto end = m.session(on_event);
        if (end.stopped || m.stopped) return;
        if (!end.got_hello && !end.busy && !ever_subscribed) throw client_error(end.kind, end.reason);
        // A subscription that was up starts the backoff afresh; failing attempts in a row double it.
        if (end.got_hello) backoff = m.feed.first_backoff;
        ever_subscribed = ever_subscribed || end.got_hello;
        if (m.on_interruption) m.on_interruption(feed_interruption{end.reason, backoff, cursor()});
        asio::steady_timer timer(m.ioc, backoff);
        m.run_op([&](auto handler) { timer.async_wait(std::move(handler)); });
        if (m.stopped) return;
        backoff = std::min(backoff * 2, m.feed.max_backoff);
    }
}

}  // namespace fupin::client
