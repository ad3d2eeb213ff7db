#pragma once
// A subscription to county-server's change feed (docs/protocol.md "The change feed (WebSocket)"): a WebSocket
// over the same mutual-TLS connection as the API, `GET /api/v1/events?since=N` with the session's token. It
// hands each event to a callback in seq order and keeps the cursor (the last seq of an event or a position), so
// that when the connection drops (read error, timeout, close 1001 server_stopping or 1013 slow_consumer) it
// reconnects with backoff and resumes with since=cursor: nothing is lost and nothing repeats.
//
// It ends on stop() (from any thread, or from inside the callback), or with a client_error when going on cannot
// help: HTTP 401 at the upgrade or close 1008 session_ended (both as client_error{http, 401}: log in again),
// another refusal of the upgrade (400, 403, 404, 429 too_many_subscriptions), an answer that is not the feed's
// JSON, or a first connection that fails (a wrong address or certificate is better reported than retried).
//
// Like api_client, this header includes no Asio/Beast (pimpl): they are compiled once, in fupin_transport.
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "client/api_client.hpp"

namespace fupin::client {

// One {"type":"event",…} message of the feed.
struct feed_event {
    std::int64_t seq = 0;
    std::string kind;           // household.created, application.approve, posting.published, quota.set, …
    std::string record;         // "application/7", "household/12", "posting/3", "quota/2026/529901101", …
    std::string township_code;  // "" for a county-wide event
    std::string village_code;   // "" when not about one village
    std::string at;             // commit time, UTC: "2026-06-20T02:00:00.000Z"
    std::string visibility;     // "full" (inside the user's area) or "public" (another area's public event)
    nlohmann::json summary = nlohmann::json::object();
    std::string text;           // the message as received (for --json)
};

// Reads one event message; throws client_error{protocol} when it does not fit the contract.
feed_event feed_event_from_json(const nlohmann::json& message, std::string text);

// Why the stream is reconnecting (for a notice; the stream carries on by itself).
struct feed_interruption {
    std::string reason;                   // English diagnostic text, e.g. "closed by the server (1013 slow_consumer)"
    std::chrono::milliseconds delay{0};   // how long it waits before the next attempt
    std::optional<std::int64_t> cursor;   // what it will resume from
};

struct feed_options {
    std::chrono::milliseconds first_backoff{200};  // before the first reconnection; doubled after each failure
    std::chrono::milliseconds max_backoff{5000};
    // Silence after which the connection counts as dead. The server pings every 15 s; past half of this the
    // client pings too, so a dead path is noticed even when the server's pings stop.
    std::chrono::milliseconds idle_timeout{std::chrono::seconds(40)};
    std::size_t message_limit = 1024 * 1024;  // the largest message accepted (an event is a few hundred bytes)
};

class event_stream {
public:
    using event_handler = std::function<void(const feed_event&)>;
    using interruption_handler = std::function<void(const feed_interruption&)>;
    using subscribed_handler = std::function<void()>;

    // since: nullopt subscribes from now on; 0 from the first event; N resumes after seq N. connection_options
    // are those of api_client (certificates, host, the timeout of each connection step, the language).
    event_stream(connection_options options, std::string token, std::optional<std::int64_t> since,
                 feed_options feed = {});
    ~event_stream();
    event_stream(const event_stream&) = delete;
    event_stream& operator=(const event_stream&) = delete;

    // Called on the run() thread before each reconnection.
    void on_interruption(interruption_handler handler);
    // Called on the run() thread whenever a subscription is up: the first, and each after a reconnection.
    void on_subscribed(subscribed_handler handler);

    // Blocks: connects, calls on_event for each event in seq order (on this thread) and reconnects after drops,
    // until stop() (returns) or a fatal failure (throws client_error, see above). Call it once.
    void run(const event_handler& on_event);

    // Thread-safe; run() returns promptly (it may also be called before run(), which then returns at once).
    void stop();

    // The last seq of an event or position received (after hello: its head when since was not given); what a
    // later subscription resumes from. Thread-safe.
    std::optional<std::int64_t> cursor() const;

    // The request target of the next (re)connection: "/api/v1/events?since=N", or without since. Thread-safe.
    std::string target() const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace fupin::client
