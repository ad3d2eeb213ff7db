#include "server/feed/websocket_session.hpp"

#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

#include "transport/tls_context.hpp"
#include "server/workers/database_call.hpp"
#include "server/service/access_policy.hpp"
#include "server/storage/event_repository.hpp"

namespace fupin::server::feed {
namespace {

using asio::redirect_error;
using asio::use_awaitable;

constexpr std::size_t batch = 500;
constexpr std::size_t max_incoming_message = 4096;  // subscribers have nothing to say but pings and close
constexpr auto stuck_write_grace = std::chrono::seconds(2);

}  // namespace

websocket_session::websocket_session(stream_type stream, std::shared_ptr<ssl::context> tls,
                                     std::shared_ptr<ssl::context> trusted_under, net::server_context& context,
                                     std::shared_ptr<const api::feed_grant> grant, std::int64_t since)
    : tls_(std::move(tls)),
      trusted_under_(std::move(trusted_under)),
      ws_(std::move(stream)),
      context_(context),
      viewer_(std::move(grant)),
      since_(since),
      wake_timer_(ws_.get_executor()) {}

void websocket_session::start(http::request<http::string_body> upgrade) {
    asio::co_spawn(
        ws_.get_executor(),
        [self = shared_from_this(), upgrade = std::move(upgrade)]() mutable { return self->run(std::move(upgrade)); },
        asio::detached);
}

void websocket_session::wake() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] {
        self->woken_ = true;
        self->wake_timer_.cancel();
    });
}

void websocket_session::cut_off() {
    asio::post(ws_.get_executor(), [self = shared_from_this()] {
        if (self->slow_ || self->closing_) return;
        self->slow_ = true;
        self->wake_timer_.cancel();
        if (!self->writing_) return;
        // A write that does not finish means the peer reads nothing at all: no close frame can reach it, so
        // after a grace period the connection itself goes.
        auto timer = std::make_shared<asio::steady_timer>(self->ws_.get_executor(), stuck_write_grace);
        timer->async_wait([self, timer](const error_code& ec) {
            if (!ec && self->writing_) self->close_now();
        });
    });
}

void websocket_session::close_now() {
    error_code ignored;
    beast::get_lowest_layer(ws_).socket().close(ignored);
}

const std::string* websocket_session::message_for(const feed_event& e) const {
    // Own area: the whole event. Elsewhere: its public form, if it has one. County-wide events ("" area) are
    // public to everyone and whole to the county office.
    if (service::access_policy::area_covers(viewer_->area_code, e.area_code) ||
        (e.area_code.empty() && viewer_->area_code.size() == 6))
        return &e.full_message;
    if (!e.public_message.empty()) return &e.public_message;
    return nullptr;
}

asio::awaitable<void> websocket_session::run(http::request<http::string_body> upgrade) {
    auto& hub = *context_.feed;
    struct cleanup {
        websocket_session* self;
        std::uint64_t session_id = 0;
        ~cleanup() {
            self->context_.feed->remove(self);
            self->context_.feed->release(self->viewer_->username);
            if (session_id) self->context_.remove_session(session_id);
        }
    } guard{this};
    guard.session_id = context_.add_session([weak = weak_from_this()] {
        if (auto self = weak.lock())
            asio::post(self->ws_.get_executor(), [self] {
                self->closing_ = true;  // server stopping: the loop sends 1001 when it next runs
                self->wake_timer_.cancel();
            });
    });

    beast::get_lowest_layer(ws_).expires_never();  // the WebSocket's own timeouts take over
    websocket::stream_base::timeout timeouts{};
    timeouts.handshake_timeout = context_.config.handshake_timeout;
    timeouts.idle_timeout = context_.config.feed_idle_timeout;  // a ping at half of it; no answer: dropped
    timeouts.keep_alive_pings = true;
    ws_.set_option(timeouts);
    ws_.read_message_max(max_incoming_message);
    ws_.text(true);

    error_code ec;
    co_await ws_.async_accept(upgrade, redirect_error(use_awaitable, ec));
    if (ec) {
        spdlog::info("feed: the WebSocket handshake of {} failed: {}", viewer_->username, ec.message());
        co_return;
    }

    // "From now on" and "from N" are measured against the outbox itself: the hub's head may be old when
    // nobody has subscribed for a while. A since beyond the head (which no client can have seen) is the head.
    std::function<std::int64_t(sql::connection&)> read_head = [](sql::connection& db) {
        return storage::event_repository(db).last_seq();
    };
    const auto head = co_await workers::on_database<std::int64_t>(context_.pool, std::move(read_head));
    const std::int64_t now_head = head ? *head : hub.head();
    cursor_ = since_ < 0 ? now_head : std::min(since_, now_head);
    hub.add(shared_from_this());
    const auto hello = nlohmann::json{{"type", "hello"}, {"since", cursor_.load()}, {"head", now_head}}.dump();
    co_await ws_.async_write(asio::buffer(hello), redirect_error(use_awaitable, ec));
    if (ec) co_return;
    spdlog::info("feed: {} subscribed from seq {} (area {})", viewer_->username, cursor_.load(), viewer_->area_code);

    asio::co_spawn(ws_.get_executor(), [self = shared_from_this()] { return self->read_loop(); }, asio::detached);

    auto next_check = std::chrono::steady_clock::now() + context_.config.feed_session_check;
    for (;;) {
        if (context_.stopping) {
            co_await close(websocket::close_code::going_away, "server_stopping");
            break;
        }
        if (closing_) break;
        if (slow_) {
            spdlog::warn("feed: {} cut off at seq {}, {} behind", viewer_->username, cursor_.load(),
                         hub.head() - cursor_.load());
            co_await close(websocket::close_code::try_again_later, "slow_consumer");
            break;
        }
        if (std::chrono::steady_clock::now() >= next_check) {
            if (!certificate_still_trusted()) {
                spdlog::warn("feed: {} closed: the office certificate is no longer trusted (revoked?)",
                             viewer_->username);
                co_await close(websocket::close_code::policy_error, "certificate_revoked");
                break;
            }
            if (!co_await session_still_valid()) {
                co_await close(websocket::close_code::policy_error, "session_ended");
                break;
            }
            next_check = std::chrono::steady_clock::now() + context_.config.feed_session_check;
        }
        const bool sent = co_await send_pending();
        if (closing_) break;
        if (sent) continue;
        if (!woken_) {
            wake_timer_.expires_after(std::min<std::chrono::steady_clock::duration>(
                std::chrono::seconds(5), context_.config.feed_session_check));
            co_await wake_timer_.async_wait(redirect_error(use_awaitable, ec));
        }
        woken_ = false;
    }
    // Whatever the way out, the connection goes now: the reader still waiting on it ends with it.
    close_now();
    spdlog::info("feed: {} left at seq {}", viewer_->username, cursor_.load());
}

asio::awaitable<void> websocket_session::read_loop() {
    beast::flat_buffer buffer;
    error_code ec;
    for (;;) {
        co_await ws_.async_read(buffer, redirect_error(use_awaitable, ec));
        if (ec) break;  // the peer closed, went silent past the idle timeout, or the socket was closed
        buffer.clear();
    }
    closing_ = true;
    wake_timer_.cancel();
}

asio::awaitable<bool> websocket_session::send_pending() {
    auto& hub = *context_.feed;
    const auto moved_on = [this] { progress_ = std::chrono::steady_clock::now().time_since_epoch().count(); };
    const auto from = cursor_.load();
    auto events = hub.after(from, batch);
    if (!events) {
        // Further back than memory reaches: read the outbox itself, when it is this subscriber's turn.
        std::optional<std::vector<std::shared_ptr<const feed_event>>> read;
        if (hub.begin_catch_up()) {
            std::function<std::vector<std::shared_ptr<const feed_event>>(sql::connection&)> work =
                [from](sql::connection& db) { return event_hub::read(db, from, static_cast<int>(batch)); };
            read = co_await workers::on_database<std::vector<std::shared_ptr<const feed_event>>>(context_.pool, std::move(work));
            hub.end_catch_up();
        }
        events = std::move(read);
        if (!events) {  // not its turn, or the database is busy or away: try again shortly (not the subscriber's fault)
            moved_on();
            wake_timer_.expires_after(std::chrono::milliseconds(200));
            error_code ignored;
            co_await wake_timer_.async_wait(redirect_error(use_awaitable, ignored));
            co_return false;
        }
    }
    if (events->empty()) {
        moved_on();
        co_return false;
    }
    error_code ec;
    bool last_sent = false;
    for (const auto& e : *events) {
        if (slow_ || closing_) co_return true;
        const auto* message = message_for(*e);
        last_sent = message != nullptr;
        if (message) {
            writing_ = true;
            co_await ws_.async_write(asio::buffer(*message), redirect_error(use_awaitable, ec));
            writing_ = false;
            if (ec) {
                closing_ = true;
                co_return true;
            }
        }
        cursor_ = e->seq;
        moved_on();
    }
    if (!last_sent) {
        // The last events were not this user's to see: say how far the feed has come, so a reconnect resumes
        // after them.
        const auto position = nlohmann::json{{"type", "position"}, {"seq", cursor_.load()}}.dump();
        writing_ = true;
        co_await ws_.async_write(asio::buffer(position), redirect_error(use_awaitable, ec));
        writing_ = false;
        if (ec) closing_ = true;
    }
    co_return true;
}

bool websocket_session::certificate_still_trusted() {
    // As http_session does before each request: after a reload (SIGHUP) the peer must verify again under the
    // new CA and CRL.
    auto current = context_.current_tls();
    if (current == trusted_under_) return true;
    if (!fupin::transport::peer_still_trusted(ws_.next_layer().native_handle(), *current)) return false;
    trusted_under_ = std::move(current);
    return true;
}

asio::awaitable<bool> websocket_session::session_still_valid() {
    // Made before the co_await, not inside it: g++ 12 destroys the captures of a lambda written inside a
    // co_await expression twice.
    std::function<bool(sql::connection&)> work = [grant = viewer_](sql::connection& db) {
        return grant->still_granted(db);
    };
    auto granted = co_await workers::on_database<bool>(context_.pool, std::move(work));
    // When the database cannot answer, the subscriber keeps its feed until it can.
    co_return !granted || *granted;
}

asio::awaitable<void> websocket_session::close(websocket::close_code code, const char* reason) {
    if (closing_ && code != websocket::close_code::going_away) co_return;
    closing_ = true;
    error_code ec;
    co_await ws_.async_close(websocket::close_reason(code, reason), redirect_error(use_awaitable, ec));
}

}  // namespace fupin::server::feed
