#pragma once
// One subscription to the change feed: the TLS connection of an http_session, upgraded to WebSocket after its
// session was authenticated (GET /api/v1/events). It sends the events after its cursor in seq order, each in
// the form its user may see, from the hub's memory or, when that does not reach back far enough, from the
// database; then waits for the hub to wake it. Pings keep dead peers from lingering; the hub cuts it off when
// it falls too far behind; the user's session is checked again every minute.
#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "transport/websocket.hpp"
#include "server/api/feed_grant.hpp"
#include "server/feed/event_hub.hpp"
#include "server/net/server_context.hpp"

namespace fupin::server::feed {

namespace websocket = transport::websocket;

class websocket_session : public feed_subscriber, public std::enable_shared_from_this<websocket_session> {
public:
    using stream_type = beast::ssl_stream<beast::tcp_stream>;

    // grant: who subscribes, as GET /api/v1/events answered, and how to ask again every minute whether the
    // session still may. since < 0: from the hub's head now. trusted_under: the TLS settings the peer's
    // certificate last verified under (see http_session).
    websocket_session(stream_type stream, std::shared_ptr<ssl::context> tls, std::shared_ptr<ssl::context> trusted_under,
                      net::server_context& context, std::shared_ptr<const api::feed_grant> grant, std::int64_t since);

    // Accepts the upgrade and runs until the peer goes, the session ends or the server stops.
    void start(http::request<http::string_body> upgrade);

    void wake() override;
    void cut_off() override;
    std::int64_t cursor() const override { return cursor_.load(); }
    std::chrono::steady_clock::time_point last_progress() const override {
        return std::chrono::steady_clock::time_point(std::chrono::steady_clock::duration(progress_.load()));
    }

private:
    asio::awaitable<void> run(http::request<http::string_body> upgrade);
    asio::awaitable<void> read_loop();
    asio::awaitable<bool> send_pending();
    asio::awaitable<bool> session_still_valid();
    bool certificate_still_trusted();
    asio::awaitable<void> close(websocket::close_code code, const char* reason);
    const std::string* message_for(const feed_event& e) const;
    void close_now();

    std::shared_ptr<ssl::context> tls_;  // outlives ws_, which uses it
    std::shared_ptr<ssl::context> trusted_under_;
    websocket::stream<stream_type> ws_;
    net::server_context& context_;
    std::shared_ptr<const api::feed_grant> viewer_;
    std::int64_t since_;
    std::atomic<std::int64_t> cursor_{0};
    std::atomic<std::chrono::steady_clock::rep> progress_{std::chrono::steady_clock::now().time_since_epoch().count()};
    asio::steady_timer wake_timer_;

    // On the session's strand only.
    bool woken_ = false;
    bool slow_ = false;
    bool closing_ = false;
    bool writing_ = false;
};

}  // namespace fupin::server::feed
