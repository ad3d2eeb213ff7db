#include "bench/connections/staller_clients.hpp"

#include <chrono>
#include <mutex>
#include <vector>

#include "bench/common/bench_failure.hpp"
#include "transport/tls_context.hpp"

namespace fupin::bench {
namespace asio = transport::asio;
namespace ssl = transport::ssl;
using transport::tcp;

struct staller_clients::impl {
    ssl::context tls;
    asio::io_context io;  // after tls: destroyed first, with the streams its pending coroutines hold
    std::mutex mutex;
    std::string failure;
    std::atomic<int> stalling{0};
    int count = 0;

    explicit impl(const transport::client_tls_files& files) : tls(transport::make_client_tls_context(files)) {}
};

namespace {

using stream_type = ssl::stream<tcp::socket>;

// Header bytes first, then (for the mid-body kind) a few body bytes, then nothing: the connection stays open.
asio::awaitable<void> stall(std::shared_ptr<stream_type> stream, tcp::endpoint endpoint, bool mid_body,
                            std::atomic<int>& stalling, std::atomic<int>& connected, std::mutex& mutex,
                            std::string& failure) {
    transport::error_code ec;
    co_await stream->next_layer().async_connect(endpoint, asio::redirect_error(asio::use_awaitable, ec));
    if (!ec) co_await stream->async_handshake(ssl::stream_base::client, asio::redirect_error(asio::use_awaitable, ec));
    if (ec) {
        std::lock_guard lock(mutex);
        if (failure.empty()) failure = "staller handshake: " + ec.message();
        ++stalling;
        co_return;
    }
    ++connected;
    asio::steady_timer timer(stream->get_executor());
    if (mid_body) {
        const std::string start =
            "POST /api/v1/households HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            "Content-Length: 100000\r\n\r\n{\"township_code\":";
        co_await asio::async_write(*stream, asio::buffer(start), asio::redirect_error(asio::use_awaitable, ec));
        ++stalling;
        // Then silence, until the server gives up on the body (30 s) or we stop.
        char byte;
        co_await stream->async_read_some(asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, ec));
    } else {
        const std::string header = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        bool counted = false;
        for (std::size_t i = 0; !ec; ++i) {
            char byte = i < header.size() ? header[i] : 'a';
            co_await asio::async_write(*stream, asio::buffer(&byte, 1), asio::redirect_error(asio::use_awaitable, ec));
            if (!counted) {
                ++stalling;
                counted = true;
            }
            timer.expires_after(std::chrono::seconds(1));
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ec));
        }
    }
    --connected;
}

}  // namespace

staller_clients::staller_clients(const bench_endpoint& endpoint, const std::string& certs_dir, const std::string& area,
                                 int count)
    : impl_(std::make_unique<impl>(transport::client_tls_files{certs_dir + "/ca.crt",
                                                         certs_dir + "/townships/" + area + ".crt",
                                                         certs_dir + "/townships/" + area + ".key"})) {
    impl_->count = count;
    const tcp::endpoint target(asio::ip::make_address(endpoint.host),
                               static_cast<unsigned short>(std::stoi(endpoint.port)));
    for (int i = 0; i < count; ++i) {
        auto stream = std::make_shared<stream_type>(impl_->io, impl_->tls);
        asio::co_spawn(impl_->io,
                       stall(stream, target, i % 2 == 1, impl_->stalling, connected_, impl_->mutex, impl_->failure),
                       asio::detached);
    }
    thread_ = std::thread([this] { impl_->io.run(); });
}

staller_clients::~staller_clients() { stop(); }

void staller_clients::wait_until_stalling() {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
    while (impl_->stalling.load() < impl_->count) {
        if (std::chrono::steady_clock::now() > deadline) throw bench_failure("stallers did not all connect in 30 s");
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    std::lock_guard lock(impl_->mutex);
    if (!impl_->failure.empty()) throw bench_failure(impl_->failure);
}

void staller_clients::stop() {
    impl_->io.stop();
    if (thread_.joinable()) thread_.join();
}

}  // namespace fupin::bench
