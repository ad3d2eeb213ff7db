#pragma once
// A small scripted change feed for the client tests (docs/protocol.md "The change feed (WebSocket)"), in this
// process: TLS with the county's certificates, the upgrade of GET /api/v1/events?since=N, then hello, the
// events after `since` in order, and an ending the test chooses per connection (stay open, drop the TCP
// connection, close with a code, or go silent). It records each upgrade request, so a test can check the
// Authorization header and the since a reconnection asked for. Not a model of county-server's feed (that one is
// tested in tests/integration/); it lets the client's side be checked exactly.
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "transport/tls_context.hpp"
#include "transport/websocket.hpp"

namespace fupin::client::test {

struct feed_upgrade {
    std::string target;
    std::string authorization;
    std::optional<std::int64_t> since;  // nullopt: not given (or not a number)
};

// What one connection does.
struct feed_plan {
    enum class ending {
        stay,    // keep reading (answering pings) until the client goes
        drop,    // close the TCP connection without a close frame (a cable pulled, a process killed)
        close,   // a close frame with close_code and close_reason
        silent,  // read nothing and send nothing: the client's own pings go unanswered
    };
    int refuse_status = 0;  // not 0: answer the upgrade with this HTTP status and refuse_body instead
    std::string refuse_body;
    int events = -1;        // how many events after since to send; -1: all there are
    bool position = false;  // when all were sent: a position at the head (the feed passed events not shown)
    ending end = ending::stay;
    std::uint16_t close_code = 1000;
    std::string close_reason;
};

class feed_server {
public:
    using planner = std::function<feed_plan(int connection, const feed_upgrade& upgrade)>;

    // seqs: the events this user may see, ascending; head: the last seq committed (>= the last of seqs).
    feed_server(transport::ssl::context context, std::vector<std::int64_t> seqs, std::int64_t head, planner plan)
        : context_(std::move(context)), seqs_(std::move(seqs)), head_(head), plan_(std::move(plan)),
          acceptor_(ioc_, {transport::asio::ip::make_address("127.0.0.1"), 0}) {
        transport::asio::co_spawn(ioc_, accept_loop(), transport::asio::detached);
        thread_ = std::thread([this] { ioc_.run(); });
    }

    ~feed_server() {
        // Stopping the io_context abandons every connection mid-way; their coroutines are destroyed with it.
        ioc_.stop();
        thread_.join();
    }

    std::string port() const { return std::to_string(acceptor_.local_endpoint().port()); }

    std::vector<feed_upgrade> upgrades() const {
        std::lock_guard lock(mutex_);
        return upgrades_;
    }

    // The event the feed sends for `seq`: county approval of case 7 in 石门镇 岩脚村.
    static nlohmann::json event(std::int64_t seq) {
        return {{"type", "event"},
                {"seq", seq},
                {"kind", "application.approve"},
                {"record", "application/7"},
                {"township_code", "529901101"},
                {"village_code", "529901101201"},
                {"at", "2026-06-20T02:00:00.000Z"},
                {"visibility", "full"},
                {"summary",
                 {{"application_id", 7},
                  {"household_id", 12},
                  {"year", 2026},
                  {"action", "approve"},
                  {"from_state", "township_signed"},
                  {"to_state", "county_approved"},
                  {"head_name", "王大山"},
                  {"village_name", "岩脚村"},
                  {"by", "county_approver"}}}};
    }

private:
    using ws_stream = transport::websocket::stream<transport::beast::ssl_stream<transport::beast::tcp_stream>>;

    static std::optional<std::int64_t> since_of(const std::string& target) {
        const auto at = target.find("since=");
        if (at == std::string::npos) return std::nullopt;
        try {
            return std::stoll(target.substr(at + 6));
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }

    transport::asio::awaitable<void> accept_loop() {
        for (;;) {
            transport::error_code ec;
            auto socket = co_await acceptor_.async_accept(transport::asio::redirect_error(transport::asio::use_awaitable, ec));
            if (ec) co_return;
            transport::asio::co_spawn(ioc_, serve(std::move(socket)), transport::asio::detached);
        }
    }

    transport::asio::awaitable<void> serve(transport::tcp::socket socket) {
        namespace http = transport::http;
        namespace websocket = transport::websocket;
        const auto use = [](transport::error_code& ec) { return transport::asio::redirect_error(transport::asio::use_awaitable, ec); };
        transport::error_code ec;
        ws_stream ws(std::move(socket), context_);
        co_await ws.next_layer().async_handshake(transport::ssl::stream_base::server, use(ec));
        if (ec) co_return;
        transport::beast::flat_buffer buffer;
        http::request<http::string_body> req;
        co_await http::async_read(ws.next_layer(), buffer, req, use(ec));
        if (ec) co_return;

        feed_upgrade upgrade{std::string(req.target()), std::string(req[http::field::authorization]),
                             since_of(std::string(req.target()))};
        int index = 0;
        {
            std::lock_guard lock(mutex_);
            index = static_cast<int>(upgrades_.size());
            upgrades_.push_back(upgrade);
        }
        const feed_plan plan = plan_(index, upgrade);

        if (plan.refuse_status != 0) {
            http::response<http::string_body> res{static_cast<http::status>(plan.refuse_status), req.version()};
            res.set(http::field::content_type, "application/json");
            res.keep_alive(false);
            res.body() = plan.refuse_body;
            res.prepare_payload();
            co_await http::async_write(ws.next_layer(), res, use(ec));
            transport::beast::get_lowest_layer(ws).close();
            co_return;
        }

        co_await ws.async_accept(req, use(ec));
        if (ec) co_return;
        ws.text(true);
        const std::int64_t since = upgrade.since.value_or(head_);
        // Messages are made into named strings first: g++ 12 cannot keep a temporary holding an array (a
        // string literal in a braced list) across co_await.
        std::string text = nlohmann::json{{"type", "hello"}, {"since", since}, {"head", head_}}.dump();
        co_await ws.async_write(transport::asio::buffer(text), use(ec));
        int sent = 0;
        bool all_sent = true;
        for (const auto seq : seqs_) {
            if (ec) co_return;
            if (seq <= since) continue;
            if (plan.events >= 0 && sent >= plan.events) {
                all_sent = false;
                break;
            }
            text = event(seq).dump();
            co_await ws.async_write(transport::asio::buffer(text), use(ec));
            ++sent;
        }
        if (ec) co_return;
        if (plan.position && all_sent) {
            text = nlohmann::json{{"type", "position"}, {"seq", head_}}.dump();
            co_await ws.async_write(transport::asio::buffer(text), use(ec));
        }
        if (ec) co_return;

        switch (plan.end) {
        case feed_plan::ending::drop:
            transport::beast::get_lowest_layer(ws).close();
            co_return;
        case feed_plan::ending::close: {
            websocket::close_reason reason;
            reason.code = plan.close_code;
            reason.reason.assign(plan.close_reason.data(), plan.close_reason.size());
            co_await ws.async_close(reason, use(ec));
            co_return;
        }
        case feed_plan::ending::silent: {
            transport::asio::steady_timer forever(ioc_, std::chrono::hours(1));
            co_await forever.async_wait(use(ec));
            co_return;
        }
        case feed_plan::ending::stay:
            while (!ec) {
                transport::beast::flat_buffer incoming;
                co_await ws.async_read(incoming, use(ec));
            }
            co_return;
        }
    }

    transport::asio::io_context ioc_;
    transport::ssl::context context_;
    std::vector<std::int64_t> seqs_;
    std::int64_t head_;
    planner plan_;
    transport::tcp::acceptor acceptor_;
    mutable std::mutex mutex_;
    std::vector<feed_upgrade> upgrades_;
    std::thread thread_;
};

}  // namespace fupin::client::test
