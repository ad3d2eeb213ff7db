#pragma once
// One connection of the Beast baseline: the TLS handshake, then keep-alive HTTP/1.1 requests answered at once
// with N bytes of JSON (N from ?bytes=, default 1500), with no routing, no database and no logging. Its rate
// is the most any HTTPS server on these TLS settings can answer on this machine: the network limit.
#include <memory>

#include "net/asio.hpp"

namespace fupin::bench {

class baseline_session : public std::enable_shared_from_this<baseline_session> {
public:
    baseline_session(net::tcp::socket socket, net::ssl::context& tls);
    void start();

private:
    net::asio::awaitable<void> run();

    net::ssl::stream<net::beast::tcp_stream> stream_;
};

}  // namespace fupin::bench
