#pragma once
// county-server as an object: what main() runs and what the integration tests start on 127.0.0.1 port 0.
// No Asio or Beast here (they stay in the .cpp), so a test needs only this header.
#include <cstdint>
#include <memory>

#include "server/server_config.hpp"

namespace fupin::server {

class county_server {
public:
    // Loads the TLS files and migrates the database; throws std::runtime_error saying what is wrong.
    explicit county_server(server_config config);
    ~county_server();  // stop()
    county_server(const county_server&) = delete;
    county_server& operator=(const county_server&) = delete;

    // Binds, listens and starts the network threads; returns at once.
    void start();
    // The port actually bound (useful with listen_port 0).
    unsigned short port() const;
    // Requests answered from memory alone, without a database worker (api::router::run_from_memory): a figure
    // for the stop's log line and for tests.
    std::uint64_t answered_from_memory() const;
    // Graceful stop: no new connections, idle ones closed, requests in flight finished. Non-blocking,
    // thread-safe, callable from a signal handler's completion.
    void request_stop();
    // Blocks until the server has stopped (after request_stop() or SIGINT/SIGTERM).
    void wait();
    // request_stop() + wait().
    void stop();
    // Re-reads the certificates and the CRL for new connections (what SIGHUP does); open connections keep
    // theirs. Throws std::runtime_error, keeping the old settings, when a file cannot be read.
    void reload_tls();

private:
    void wait_for_signal();

    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace fupin::server
