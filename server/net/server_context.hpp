#pragma once
// What every connection of one server shares: TLS settings, the router, the database workers, the limits, and
// the list of open sessions (so a graceful stop can close the idle ones).
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>

#include "server/asio_names.hpp"
#include "server/api/router.hpp"
#include "server/net/handshake_limiter.hpp"
#include "server/server_config.hpp"
#include "server/workers/db_worker_pool.hpp"

namespace fupin::server::feed {
class event_hub;
}

namespace fupin::server::net {

struct server_context {
    server_context(const server_config& c, std::shared_ptr<ssl::context> t, const api::router& r,
                   workers::db_worker_pool& p)
        : config(c),
          router(r),
          pool(p),
          connection_limit(c.max_connections),
          handshakes(c.max_handshakes, c.max_handshakes_per_address),
          tls_(std::move(t)) {}

    const server_config& config;
    const api::router& router;
    workers::db_worker_pool& pool;
    feed::event_hub* feed = nullptr;  // the change feed's shared half (set by county_server)
    // Connections open at once, the configured cap lowered to fit the open-file limit (set by county_server).
    std::size_t connection_limit;
    handshake_limiter handshakes;
    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> next_request{1};
    std::atomic<std::uint64_t> answered_from_memory{0};  // without a database worker
    // Requests reading a body larger than an ordinary one (a file sent whole) at this moment: each may hold
    // megabytes before its sender is known to be logged in, so there are at most config.max_large_bodies.
    std::atomic<int> large_bodies{0};

    // The TLS settings new connections get. Replaced whole when the CRL or certificates are re-read (SIGHUP);
    // a connection keeps the context it started with, so nothing in flight is disturbed.
    std::shared_ptr<ssl::context> current_tls();
    void replace_tls(std::shared_ptr<ssl::context> tls);

    // Sessions register a function that closes them if they sit idle between requests.
    std::uint64_t add_session(std::function<void()> close_if_idle);
    void remove_session(std::uint64_t id);
    std::size_t session_count();
    void close_idle_sessions();

private:
    std::mutex tls_mutex_;
    std::shared_ptr<ssl::context> tls_;
    std::mutex mutex_;
    std::uint64_t next_session_ = 1;
    std::map<std::uint64_t, std::function<void()>> sessions_;
};

}  // namespace fupin::server::net
