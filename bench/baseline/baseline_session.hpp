#pragma once
// One connection of the Beast baseline: the TLS handshake, then keep-alive HTTP/1.1 requests answered at once
// with N bytes of JSON (N from ?bytes=, default 1500), with no routing, no database and no logging. Its rate
// is the most any HTTPS server on these TLS settings can answer on this machine: the network limit.
#include <memory>

#include "transport/asio.hpp"

namespace fupin::bench {

class baseline_session : public std::enable_shared_from_this<baseline_session> {
public:
    baseline_session(transport::tcp::socket socket, transport::ssl::context& tls);
    void start();

private:
    transport::asio::awaitable<void> run();

    transport::ssl::stream<transport::beast::tcp_stream> stream_;
};

}  // namespace fupin::bench
