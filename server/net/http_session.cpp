#include "server/net/http_session.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <optional>


#include "transport/tls_context.hpp"
#include "transport/websocket.hpp"
#include "server/api/error_response.hpp"
#include "server/api/file_uploads.hpp"
#include "server/feed/event_hub.hpp"
#include "server/net/http_message.hpp"
#include "server/feed/websocket_session.hpp"

namespace fupin::server::net {
namespace {

// A place counted in `count` while it lives.
class counted_place {
public:
    explicit counted_place(std::atomic<int>& count) : count_(count) {}
    ~counted_place() { count_.fetch_sub(1); }
    counted_place(const counted_place&) = delete;
    counted_place& operator=(const counted_place&) = delete;

private:
    std::atomic<int>& count_;
};

using asio::redirect_error;
using asio::use_awaitable;

// Errors that only mean the peer went away or a timeout fired: not worth a warning.
bool is_routine(const error_code& ec) {
    return ec == http::error::end_of_stream || ec == asio::error::eof || ec == asio::error::connection_reset ||
           ec == asio::error::operation_aborted || ec == beast::error::timeout || ec == ssl::error::stream_truncated;
}


bool valid_area_code(const std::string& code) {
    if (code.size() != 6 && code.size() != 9) return false;
    for (char c : code)
        if (c < '0' || c > '9') return false;
    return true;
}

// Hands a request to a database worker; its answer completes the handler on the session's executor.
struct database_offload {
    server_context* context;

    template <class Handler>
    void operator()(Handler&& handler, api::api_request request, api::route_match match) const {
        auto shared = std::make_shared<std::decay_t<Handler>>(std::forward<Handler>(handler));
        // A tracked executor counts as work: the io_context keeps running while the job is away, so a graceful
        // stop waits for it.
        auto executor = asio::prefer(asio::get_associated_executor(*shared), asio::execution::outstanding_work.tracked);
        auto& ctx = *context;
        const auto lang = request.lang;
        auto job = [&ctx, request = std::move(request), match = std::move(match), shared,
                    executor](sql::connection* connection) {
            api::api_response response;
            try {
                response = connection ? ctx.router.run(match, request, *connection)
                                      : api::router::database_unavailable(request);
            } catch (...) {  // router::run catches everything; this is for what even that could throw
                response = api::internal_error_response(request.request_id, request.lang);
            }
            asio::post(executor, [shared, response = std::move(response)]() mutable { (*shared)(std::move(response)); });
        };
        if (!ctx.pool.try_submit(std::move(job)))
            asio::post(executor, [shared, lang]() mutable { (*shared)(api::busy_response(lang)); });
    }
};

}  // namespace

http_session::http_session(tcp::socket socket, server_context& context)
    : tls_(context.current_tls()),
      trusted_under_(tls_),
      stream_(std::move(socket), *tls_),
      context_(context),
      executor_(stream_.get_executor()) {
    error_code ec;
    auto endpoint = beast::get_lowest_layer(stream_).socket().remote_endpoint(ec);
    if (!ec) peer_address_ = endpoint.address().to_string();
}

void http_session::start() {
    asio::co_spawn(stream_.get_executor(), [self = shared_from_this()] { return self->run(); }, asio::detached);
}

void http_session::close_if_idle() {
    // Called from another thread during a graceful stop: hop onto the session's strand first.
    asio::post(executor_, [self = shared_from_this()] {
        if (self->idle_ && !self->handed_over_) beast::get_lowest_layer(self->stream_).cancel();
    });
}

asio::awaitable<void> http_session::run() {
    const auto& config = context_.config;
    const auto session_id = context_.add_session([weak = weak_from_this()] {
        if (auto self = weak.lock()) self->close_if_idle();
    });
    struct unregister {
        server_context& c;
        std::uint64_t id;
        ~unregister() { c.remove_session(id); }
    } guard{context_, session_id};

    if (context_.session_count() > context_.connection_limit) {
        spdlog::warn("connection from {} refused: {} connections open", peer_address_, context_.connection_limit);
        co_return;
    }

    error_code ec;
    {
        auto handshake = context_.handshakes.try_enter(peer_address_);
        if (!handshake) {
            // Not logged one by one: a flood would flood the log too.
            spdlog::debug("connection from {} closed: too many TLS handshakes in progress", peer_address_);
            co_return;
        }
        beast::get_lowest_layer(stream_).expires_after(config.handshake_timeout);
        idle_ = true;  // nothing asked yet: a stop may cut the handshake short
        co_await stream_.async_handshake(ssl::stream_base::server, redirect_error(use_awaitable, ec));
        idle_ = false;
    }
    if (ec) {
        // Plaintext, an old protocol, no certificate or a foreign one all end here.
        spdlog::info("TLS handshake from {} refused: {}", peer_address_, ec.message());
        co_return;
    }
    caller_area_ = fupin::transport::peer_area_code(stream_.native_handle());
    caller_subject_ = fupin::transport::peer_subject(stream_.native_handle());

    beast::flat_buffer buffer;
    bool keep_alive = true;
    while (keep_alive && !context_.stopping) {
        http::request_parser<http::string_body> parser;
        parser.header_limit(static_cast<std::uint32_t>(config.header_limit));
        // Beast refuses a declared Content-Length over the limit as soon as the header is complete, before we know
        // which request it is: the header is read under the larger limit, the request's own applied after it.
        parser.body_limit(std::max({config.body_limit, config.upload_body_limit, config.attachment_body_limit}));

        idle_ = true;
        beast::get_lowest_layer(stream_).expires_after(config.idle_timeout);
        co_await http::async_read_header(stream_, buffer, parser, redirect_error(use_awaitable, ec));
        idle_ = false;
        std::size_t limit = config.body_limit;
        bool busy_with_large_bodies = false;
        std::optional<counted_place> large_body_place;
        if (!ec && !parser.is_done()) {
            const auto method = parser.get().method_string();
            const auto target = parser.get().target();
            // Only the county imports lists (a 6-digit county code in the certificate): a township's or village's
            // certificate never makes the server read more than an ordinary body for one, logged in or not. An
            // attachment of a household file may come from any office, up to its own limit.
            const auto kind = api::file_upload_of(std::string_view(method.data(), method.size()),
                                                  std::string_view(target.data(), target.size()));
            const bool upload = (kind == api::file_upload::department_list && caller_area_.size() == 6) ||
                                kind == api::file_upload::attachment;
            if (kind == api::file_upload::department_list && upload) limit = config.upload_body_limit;
            if (kind == api::file_upload::attachment) limit = std::max(config.body_limit, config.attachment_body_limit);
            // A body larger than an ordinary one takes one of the few places for them, held to the end of
            // this request (the body is freed with it).
            const bool large = limit > config.body_limit &&
                               (!parser.content_length() || *parser.content_length() > config.body_limit);
            if (large) {
                if (context_.large_bodies.fetch_add(1) >= config.max_large_bodies) {
                    context_.large_bodies.fetch_sub(1);
                    busy_with_large_bodies = true;
                } else {
                    large_body_place.emplace(context_.large_bodies);
                }
            }
            if (busy_with_large_bodies) {
                // Answered below, once the language is known.
            } else if (parser.content_length() && *parser.content_length() > limit) {
                ec = http::error::body_limit;
            } else {
                parser.body_limit(limit);  // a chunked body is counted against it as it arrives
                // A file sent whole gets its own time, and a second more for every 64 KiB it announces.
                beast::get_lowest_layer(stream_).expires_after(
                    upload ? config.upload_read_timeout +
                                 std::chrono::seconds(parser.content_length().value_or(0) / (64 * 1024))
                           : config.read_timeout);
                co_await http::async_read(stream_, buffer, parser, redirect_error(use_awaitable, ec));
            }
        }
        const auto lang =
            common::language_from_accept_language(std::string(parser.get()[http::field::accept_language]));
        if (busy_with_large_bodies) {
            co_await send_error_and_close(503, "server_busy", "服务器正在接收其他文件，请稍后再试",
                                          "the server is receiving other files; try again shortly", lang);
            // The client is still sending its file: closing before it is read would reset the connection and
            // the 503 would never be read. As much as it announced (within its kind's limit) is read and dropped,
            // for a few seconds at most.
            co_await discard_input(std::min<std::size_t>(limit, parser.content_length().value_or(limit)),
                                   std::chrono::seconds(5));
            break;
        }
        if (ec == http::error::body_limit) {
            co_await send_error_and_close(413, "body_too_large", "请求内容过大", "the request body is too large", lang);
            // The client is probably still sending the body. Closing now would reset the connection and the
            // client would never read the 413, so read and discard a bounded amount first (a lingering close).
            co_await discard_input(4 * limit, std::chrono::seconds(5));
            break;
        }
        if (ec == http::error::header_limit) {
            co_await send_error_and_close(431, "header_too_large", "请求头过大", "the request header is too large",
                                          lang);
            break;
        }
        if (ec) {
            if (!is_routine(ec)) {
                spdlog::info("request from {} unreadable: {}", peer_address_, ec.message());
                co_await send_error_and_close(400, "bad_request", "无法解析的请求", "malformed request",
                                              common::language::zh);
            }
            break;
        }

        // The CRL was re-read since this connection's handshake: a certificate revoked since then goes now.
        if (auto current = context_.current_tls(); current != trusted_under_) {
            if (!fupin::transport::peer_still_trusted(stream_.native_handle(), *current)) {
                spdlog::warn("connection of {} closed: its certificate is no longer trusted (revoked?)",
                             caller_subject_);
                break;
            }
            trusted_under_ = std::move(current);
        }

        const auto started = std::chrono::steady_clock::now();
        auto message = parser.release();
        auto request = to_api_request(message, context_.next_request++);
        request.caller_area = caller_area_;
        request.caller_subject = caller_subject_;
        request.websocket_upgrade = transport::websocket::is_upgrade(message);

        api::api_response response;
        if (!valid_area_code(caller_area_)) {
            response = api::error_response(
                common::api_error(403, "certificate_without_area",
                                  "客户端证书须在 OU 中载明且只载明一个乡镇或县的区划代码",
                                  "the client certificate must name exactly one township or county division code "
                                  "(its OU)"),
                request.lang);
        } else {
            response = co_await dispatch(request);
        }

        // A committed write: the change feed polls the outbox now instead of at its next tick.
        if (request.method != "GET" && response.status < 300 && context_.feed) context_.feed->nudge();

        if (response.feed) {
            // The route authenticated the session: the connection becomes a feed subscription, if the user
            // has a place left.
            const auto grant = response.feed;
            if (context_.feed->reserve(grant->username)) {
                const auto since_param = request.query.find("since");
                const std::int64_t since =
                    since_param == request.query.end() ? -1 : std::stoll(since_param->second);
                spdlog::info("request={} user={} area={} peer={} GET {} upgrading to the change feed",
                             request.request_id, grant->username, caller_area_, peer_address_, request.path);
                handed_over_ = true;
                std::make_shared<feed::websocket_session>(std::move(stream_), tls_, trusted_under_, context_, grant,
                                                          since)
                    ->start(std::move(message));
                co_return;  // the stream is the subscription's now
            }
            response = api::error_response(
                common::api_error(429, "too_many_subscriptions", "您同时订阅变更推送的连接数已达上限",
                                  "you already hold the most feed subscriptions allowed"),
                request.lang);
            response.user = grant->username;
        }

        keep_alive = message.keep_alive() && !context_.stopping;
        const auto answered_bytes = response.file ? response.file->size() : response.body.size();
        // A document or an attachment may be megabytes: it gets a second more for every 64 KiB (a township's
        // 512 kbit/s line).
        beast::get_lowest_layer(stream_).expires_after(config.write_timeout +
                                                       std::chrono::seconds(answered_bytes / (64 * 1024)));
        std::optional<http::response<http::file_body>> file_reply;
        if (response.file) {
            try {
                file_reply.emplace(to_http_file_response(std::move(response), request, message.version(), keep_alive));
            } catch (const std::exception& e) {
                // The file is whole (made on the worker); only its size could not be read. Answered as any
                // failure is: 500 without details, the cause in the log.
                spdlog::error("request={} the answer's file cannot be sent: {}", request.request_id, e.what());
                const auto user = response.user;
                response = api::internal_error_response(request.request_id, request.lang);
                response.user = user;
            }
        }
        if (file_reply) {
            co_await http::async_write(stream_, *file_reply, redirect_error(use_awaitable, ec));
        } else {
            auto reply = to_http_response(std::move(response), request, message.version(), keep_alive);
            co_await http::async_write(stream_, reply, redirect_error(use_awaitable, ec));
        }

        const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        // One line per request. Never the query string (it may hold an ID number) nor the body.
        spdlog::info("request={} user={} area={} peer={} {} {} status={} time_ms={:.1f} in={} out={}",
                     request.request_id, response.user.empty() ? "-" : response.user, caller_area_, peer_address_,
                     request.method, request.path, response.status, ms, request.body.size(), answered_bytes);
        if (ec) break;
    }

    // Say close_notify and give the peer a moment to answer it; during a stop, only a short one, since an idle
    // client that is not reading would otherwise hold the stop up.
    beast::get_lowest_layer(stream_).expires_after(context_.stopping ? std::chrono::milliseconds(200)
                                                                     : std::chrono::milliseconds(5000));
    co_await stream_.async_shutdown(redirect_error(use_awaitable, ec));
}

asio::awaitable<api::api_response> http_session::dispatch(const api::api_request& request) {
    auto match = context_.router.match(request);
    if (!match.target) co_return match.error;
    // What memory alone can answer (a cached household file for a cached session) is answered here, on the
    // network thread: no hand-off to a worker and back.
    if (auto answer = context_.router.run_from_memory(match, request)) {
        context_.answered_from_memory.fetch_add(1, std::memory_order_relaxed);
        co_return std::move(*answer);
    }
    // The request and match travel as arguments, not lambda captures: g++ 12 destroys captures of a lambda
    // inside a co_await expression twice.
    co_return co_await asio::async_initiate<decltype(use_awaitable), void(api::api_response)>(
        database_offload{&context_}, use_awaitable, request, std::move(match));
}

asio::awaitable<void> http_session::discard_input(std::size_t limit, std::chrono::seconds time_limit) {
    std::array<char, 16 * 1024> scratch;
    std::size_t discarded = 0;
    error_code ec;
    beast::get_lowest_layer(stream_).expires_after(time_limit);
    while (!ec && discarded < limit)
        discarded += co_await stream_.async_read_some(asio::buffer(scratch), redirect_error(use_awaitable, ec));
}

asio::awaitable<void> http_session::send_error_and_close(int status, const char* code, const char* zh, const char* en,
                                                         common::language lang) {
    api::api_request request;
    request.request_id = fmt::format("{:08x}", context_.next_request++);
    request.lang = lang;
    auto response = api::error_response(common::api_error(status, code, zh, en), lang);
    auto reply = to_http_response(std::move(response), request, 11, false);
    error_code ec;
    beast::get_lowest_layer(stream_).expires_after(context_.config.write_timeout);
    co_await http::async_write(stream_, reply, redirect_error(use_awaitable, ec));
    spdlog::info("request={} area={} peer={} refused status={} code={}", request.request_id, caller_area_,
                 peer_address_, status, code);
}

}  // namespace fupin::server::net
