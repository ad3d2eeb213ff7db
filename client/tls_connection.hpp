#pragma once
// Internal to fupin_client (includes Asio/Beast): one keep-alive HTTPS connection to the server with a timeout
// on every step. api_client holds one; nothing outside client/*.cpp includes this header.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include "client/api_client.hpp"
#include "transport/asio.hpp"

namespace fupin::client {

class tls_connection {
public:
    explicit tls_connection(const connection_options& options);
    ~tls_connection();

    // Sends the request and reads the answer, opening the connection first when there is none. When a
    // connection that already served a request turns out to be closed by the server (keep-alive timeout)
    // before any answer arrived, it reconnects and sends once more. Throws client_error (unreachable, tls,
    // protocol).
    // save_to: a 2xx answer's body goes to this file as it arrives instead of into memory (result.body stays
    // empty; result.saved_bytes says how much); any other answer is read as usual. Throws unwritable_file when
    // the file cannot be opened or written.
    // answer_wait: how long the answer may take once the request is sent, when longer than the step timeout (an
    // import's commit). Sending a large body gets a second more for every 64 KiB of it.
    http_result exchange(transport::http::request<transport::http::string_body>& request,
                         const std::string* save_to = nullptr,
                         std::chrono::steady_clock::duration answer_wait = std::chrono::steady_clock::duration::zero());

    void close();
    bool is_open() const { return stream_.has_value(); }

private:
    void connect();
    // Runs the io_context until the operation started by `start` has completed; returns its error.
    template <class Start>
    transport::error_code run(Start&& start);
    [[noreturn]] void fail(const char* step, transport::error_code ec, bool first_exchange);
    // Closes the connection and throws: the answer is over response_body_limit.
    [[noreturn]] void too_large();
    // The rest of a 2xx answer whose header was read, written to `path`.
    http_result save_body(transport::http::response_parser<transport::http::empty_body>&& header_parser,
                          const std::string& path);

    const connection_options& options_;
    transport::asio::io_context ioc_;
    transport::ssl::context ssl_context_;
    std::optional<transport::beast::ssl_stream<transport::beast::tcp_stream>> stream_;
    transport::beast::flat_buffer buffer_;
    int exchanges_on_connection_ = 0;
};

}  // namespace fupin::client
