#pragma once
// A bare WebSocket subscriber of the change feed for tests, written straight on Beast so that the server's feed
// is tested apart from the client library: it upgrades GET /api/v1/events with a session token, and a
// background thread reads every message into a queue the test takes them from with a timeout. Started
// without reading, it is a subscriber that does not keep up.
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "client/api_client.hpp"

namespace fupin::test {

class feed_reader {
public:
    // since: nullopt to start from now. Throws std::runtime_error when the upgrade is refused, with the HTTP
    // status in refused_status().
    feed_reader(const client::connection_options& options, const std::string& token, std::optional<std::int64_t> since,
                bool start_reading = true);
    ~feed_reader();
    feed_reader(const feed_reader&) = delete;
    feed_reader& operator=(const feed_reader&) = delete;

    void start_reading();
    // Sends a text message to the server. Only before start_reading (one TLS stream: no read beside a write).
    void send_text(const std::string& message);
    // The next message, or nullopt when none came within `timeout` or the feed has ended.
    std::optional<nlohmann::json> next(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // The next message of type "event" (skipping hello and position messages).
    std::optional<nlohmann::json> next_event(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // Waits up to `timeout` for the feed to end; true when it has. close_code() is 0 for a dropped connection.
    bool wait_closed(std::chrono::milliseconds timeout);
    int close_code() const;
    std::string close_reason() const;
    void close();

private:
    struct state;
    std::unique_ptr<state> s_;
};

// Refused upgrades: the HTTP status the server answered.
struct feed_refused : std::runtime_error {
    feed_refused(int status, std::string body)
        : std::runtime_error("feed upgrade refused: " + std::to_string(status) + " " + body), status(status) {}
    int status;
};

}  // namespace fupin::test
