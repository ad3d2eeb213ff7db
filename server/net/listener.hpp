#pragma once
// Accepts TCP connections and gives each its own strand and http_session.
#include "server/net/server_context.hpp"

namespace fupin::server::net {

class listener {
public:
    // Binds and listens at once (throws on failure), so the port is known before anything runs.
    listener(asio::io_context& io, const tcp::endpoint& endpoint, server_context& context);

    void start();  // the accept loop, on the io_context
    void close();  // stop accepting; thread-safe
    unsigned short port() const { return port_; }

private:
    asio::awaitable<void> accept_loop();

    asio::io_context& io_;
    tcp::acceptor acceptor_;
    server_context& context_;
    unsigned short port_ = 0;
};

}  // namespace fupin::server::net
