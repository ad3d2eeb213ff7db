#pragma once
// A small scripted TLS server for the client tests, in this process: it serves one connection at a time and
// answers each request with what `handle` returns, so a test states exactly what "the county" says. Not a model
// of county-server (that one is tested for real in tests/integration/); it only lets the client's side of the
// protocol be checked byte for byte: headers sent, statuses and bodies understood.
#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "transport/tls_context.hpp"

namespace fupin::client::test {

namespace transport = fupin::transport;
using transport::http::request;
using transport::http::response;
using transport::http::string_body;

// Serves one connection at a time; `handle` answers each request (nullopt: close without answering).
class scripted_server {
public:
    using handler = std::function<std::optional<response<string_body>>(const request<string_body>&)>;

    scripted_server(transport::ssl::context context, handler handle, int requests_per_connection = 1000)
        : context_(std::move(context)), handle_(std::move(handle)), per_connection_(requests_per_connection),
          acceptor_(ioc_, {transport::asio::ip::make_address("127.0.0.1"), 0}), thread_([this] { run(); }) {}

    ~scripted_server() {
        stopping_ = true;
        transport::tcp::socket wake(ioc_);
        transport::error_code ec;
        wake.connect(acceptor_.local_endpoint(), ec);
        thread_.join();
    }

    std::string port() const { return std::to_string(acceptor_.local_endpoint().port()); }
    int connections() const { return connections_; }
    request<string_body> last_request() const {
        std::lock_guard lock(mutex_);
        return last_;
    }
    // Every request served so far, in order (to check a header on each one).
    std::vector<request<string_body>> requests() const {
        std::lock_guard lock(mutex_);
        return all_;
    }

private:
    void run() {
        while (!stopping_) {
            transport::tcp::socket socket(ioc_);
            transport::error_code ec;
            acceptor_.accept(socket, ec);
            if (ec || stopping_) return;
            ++connections_;
            transport::beast::ssl_stream<transport::tcp::socket> stream(std::move(socket), context_);
            stream.handshake(transport::ssl::stream_base::server, ec);
            transport::beast::flat_buffer buffer;
            for (int served = 0; !ec && served < per_connection_; ++served) {
                request<string_body> req;
                transport::http::read(stream, buffer, req, ec);
                if (ec) break;
                {
                    std::lock_guard lock(mutex_);
                    last_ = req;
                    all_.push_back(req);
                }
                auto res = handle_(req);
                if (!res) break;
                res->prepare_payload();
                transport::http::write(stream, *res, ec);
            }
            stream.next_layer().close(ec);  // no close_notify: like a server whose idle timer fired
        }
    }

    transport::asio::io_context ioc_;
    transport::ssl::context context_;
    handler handle_;
    int per_connection_;
    transport::tcp::acceptor acceptor_;
    std::atomic<bool> stopping_{false};
    std::atomic<int> connections_{0};
    mutable std::mutex mutex_;
    request<string_body> last_;
    std::vector<request<string_body>> all_;
    std::thread thread_;
};

inline response<string_body> json_response(int status, std::string body) {
    response<string_body> res{static_cast<transport::http::status>(status), 11};
    res.set(transport::http::field::content_type, "application/json");
    res.body() = std::move(body);
    return res;
}

}  // namespace fupin::client::test
