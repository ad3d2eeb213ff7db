#pragma once
// One township connection: TLS handshake, then HTTP/1.1 requests one after another (keep-alive), each read
// with a size limit and a timeout, answered from memory when the route can (api::router::run_from_memory) or
// else handed to the database workers, answered, and logged in one line.
#include <chrono>
#include <memory>

#include "server/api/api_request.hpp"
#include "server/api/api_response.hpp"
#include "server/net/server_context.hpp"

namespace fupin::server::net {

class http_session : public std::enable_shared_from_this<http_session> {
public:
    http_session(tcp::socket socket, server_context& context);

    // Starts the session's coroutine on the socket's strand; the session keeps itself alive until it ends.
    void start();

private:
    using stream_type = beast::ssl_stream<beast::tcp_stream>;

    asio::awaitable<void> run();
    asio::awaitable<api::api_response> dispatch(const api::api_request& request);
    asio::awaitable<void> send_error_and_close(int status, const char* code, const char* zh, const char* en,
                                               common::language lang);
    asio::awaitable<void> discard_input(std::size_t limit, std::chrono::seconds time_limit);
    void close_if_idle();

    std::shared_ptr<ssl::context> tls_;            // outlives stream_, which uses it
    std::shared_ptr<ssl::context> trusted_under_;  // the settings the peer's certificate last verified under
    stream_type stream_;
    server_context& context_;
    std::string peer_address_;
    std::string caller_area_;
    std::string caller_subject_;
    bool idle_ = false;         // touched only on the session's strand
    bool handed_over_ = false;  // the stream became a feed subscription (websocket_session owns it now)
    asio::any_io_executor executor_;  // the connection's strand, kept apart from stream_, which may be moved away
};

}  // namespace fupin::server::net
