#include "server/net/listener.hpp"

#include <spdlog/spdlog.h>

#include "server/net/http_session.hpp"

namespace fupin::server::net {

listener::listener(asio::io_context& io, const tcp::endpoint& endpoint, server_context& context)
    : io_(io), acceptor_(asio::make_strand(io)), context_(context) {
    acceptor_.open(endpoint.protocol());
    acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(endpoint);
    acceptor_.listen(asio::socket_base::max_listen_connections);
    port_ = acceptor_.local_endpoint().port();
}

void listener::start() {
    asio::co_spawn(acceptor_.get_executor(), accept_loop(), asio::detached);
}

void listener::close() {
    asio::post(acceptor_.get_executor(), [this] {
        error_code ignored;
        acceptor_.close(ignored);
    });
}

asio::awaitable<void> listener::accept_loop() {
    while (acceptor_.is_open()) {
        error_code ec;
        // Each connection gets its own strand: its coroutine never runs on two threads at once.
        auto socket = co_await acceptor_.async_accept(asio::make_strand(io_), asio::redirect_error(asio::use_awaitable, ec));
        if (ec) {
            if (ec == asio::error::operation_aborted || !acceptor_.is_open()) break;
            // Out of file descriptors and the like: say so, pause, go on.
            spdlog::warn("accept failed: {}", ec.message());
            asio::steady_timer pause(acceptor_.get_executor(), std::chrono::milliseconds(100));
            co_await pause.async_wait(asio::redirect_error(asio::use_awaitable, ec));
            continue;
        }
        // Answers larger than one TLS record (16 KiB; a page of a village list is ~40 KiB) go out in several
        // writes, and with Nagle's algorithm the last one waits for the client's delayed ACK: 40 ms per list
        // page on Linux (bench/load measured it). Every write here is a whole answer, so send at once.
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<http_session>(std::move(socket), context_)->start();
    }
}

}  // namespace fupin::server::net
