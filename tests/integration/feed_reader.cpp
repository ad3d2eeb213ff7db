#include "tests/integration/feed_reader.hpp"

#include "transport/tls_context.hpp"
#include "transport/websocket.hpp"

namespace fupin::test {

using namespace fupin::transport;

struct feed_reader::state {
    asio::io_context io;
    ssl::context tls;
    websocket::stream<beast::ssl_stream<beast::tcp_stream>> ws;
    std::thread reader;
    std::mutex mutex;
    std::condition_variable changed;
    std::deque<nlohmann::json> messages;
    bool ended = false;
    int close_code = 0;
    std::string close_reason;

    explicit state(const client::connection_options& o)
        : tls(make_client_tls_context({o.tls.ca, o.tls.certificate, o.tls.private_key})), ws(io, tls) {}

    void read_all() {
        beast::flat_buffer buffer;
        for (;;) {
            error_code ec;
            ws.read(buffer, ec);
            std::lock_guard lock(mutex);
            if (ec) {
                ended = true;
                if (ec == websocket::error::closed) {
                    close_code = ws.reason().code;
                    close_reason = std::string(ws.reason().reason.c_str());
                }
                changed.notify_all();
                return;
            }
            messages.push_back(nlohmann::json::parse(beast::buffers_to_string(buffer.data())));
            buffer.consume(buffer.size());
            changed.notify_all();
        }
    }
};

feed_reader::feed_reader(const client::connection_options& o, const std::string& token,
                         std::optional<std::int64_t> since, bool reading)
    : s_(std::make_unique<state>(o)) {
    tcp::resolver resolver(s_->io);
    const auto endpoints = resolver.resolve(o.host, o.port);
    auto& socket = beast::get_lowest_layer(s_->ws).socket();
    if (!reading) {
        // A subscriber that will not read gets a small window, so the server's writes stall soon.
        socket.open(endpoints.begin()->endpoint().protocol());
        socket.set_option(asio::socket_base::receive_buffer_size(8192));
        socket.connect(endpoints.begin()->endpoint());
    } else {
        beast::get_lowest_layer(s_->ws).connect(endpoints);
    }
    s_->ws.next_layer().handshake(ssl::stream_base::client);
    s_->ws.set_option(websocket::stream_base::decorator([token](websocket::request_type& r) {
        r.set(http::field::authorization, "Bearer " + token);
    }));
    websocket::response_type response;
    error_code ec;
    const std::string target = "/api/v1/events" + (since ? "?since=" + std::to_string(*since) : std::string());
    s_->ws.handshake(response, o.host + ":" + o.port, target, ec);
    if (ec) throw feed_refused(response.result_int(), response.body());
    if (reading) start_reading();
}

feed_reader::~feed_reader() { close(); }

void feed_reader::start_reading() {
    if (!s_->reader.joinable()) s_->reader = std::thread([s = s_.get()] { s->read_all(); });
}

std::optional<nlohmann::json> feed_reader::next(std::chrono::milliseconds timeout) {
    std::unique_lock lock(s_->mutex);
    s_->changed.wait_for(lock, timeout, [&] { return !s_->messages.empty() || s_->ended; });
    if (s_->messages.empty()) return std::nullopt;
    auto m = std::move(s_->messages.front());
    s_->messages.pop_front();
    return m;
}

std::optional<nlohmann::json> feed_reader::next_event(std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    for (;;) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0) return std::nullopt;
        auto m = next(left);
        if (!m) return std::nullopt;
        if ((*m)["type"] == "event") return m;
    }
}

bool feed_reader::wait_closed(std::chrono::milliseconds timeout) {
    std::unique_lock lock(s_->mutex);
    return s_->changed.wait_for(lock, timeout, [&] { return s_->ended; });
}

int feed_reader::close_code() const {
    std::lock_guard lock(s_->mutex);
    return s_->close_code;
}

std::string feed_reader::close_reason() const {
    std::lock_guard lock(s_->mutex);
    return s_->close_reason;
}

void feed_reader::send_text(const std::string& message) {
    if (s_->reader.joinable()) throw std::logic_error("feed_reader::send_text after start_reading");
    s_->ws.text(true);
    s_->ws.write(asio::buffer(message));
}

void feed_reader::close() {
    if (!s_) return;
    error_code ignored;
    beast::get_lowest_layer(s_->ws).socket().shutdown(tcp::socket::shutdown_both, ignored);
    if (s_->reader.joinable()) s_->reader.join();
    beast::get_lowest_layer(s_->ws).socket().close(ignored);
}

}  // namespace fupin::test
