#include "client/watch_command.hpp"

#include <csignal>
#include <ostream>
#include <thread>

#include <CLI/CLI.hpp>

// Asio for the signal handling only; transport/asio.hpp first (the g++ 12 / Boost 1.74 <utility> bug).
#include "transport/asio.hpp"

#include "client/event_printer.hpp"
#include "client/event_stream.hpp"

namespace fupin::client {

namespace {

// SIGINT/SIGTERM stop the stream from a thread of their own: asio's signal_set turns the signal into an
// ordinary handler call, so stop() is never called inside a signal handler.
class stop_on_signal {
public:
    explicit stop_on_signal(event_stream& stream) : signals_(ioc_, SIGINT, SIGTERM) {
        signals_.async_wait([&stream](transport::error_code ec, int) {
            if (!ec) stream.stop();
        });
        thread_ = std::thread([this] { ioc_.run(); });
    }
    ~stop_on_signal() {
        transport::asio::post(ioc_, [this] {
            transport::error_code ignored;
            signals_.cancel(ignored);
        });
        thread_.join();
    }

private:
    transport::asio::io_context ioc_;
    transport::asio::signal_set signals_;
    std::thread thread_;
};

}  // namespace

watch_command::watch_command(CLI::App& app) {
    command_ = app.add_subcommand("watch", "实时查看变更 (follow the change feed; Ctrl-C to stop)");
    command_->add_option("--since", since_,
                         "从该序号之后开始，0 为全部；默认只看此后的变更 (resume after this seq; 0: everything)")
        ->check(CLI::NonNegativeNumber);
}

bool watch_command::given() const { return command_ && command_->parsed(); }

int watch_command::run(const command_context& c) {
    event_stream stream(options_from(c.config), c.client.token(),
                        since_ >= 0 ? std::optional<std::int64_t>(since_) : std::nullopt);
    const event_printer printer(c.lang);
    stream.on_interruption([&](const feed_interruption& i) { c.err << printer.interruption(i) << std::flush; });
    stop_on_signal signals(stream);
    // Flushed per event: the output is usually a terminal or a pipe that someone is reading live.
    stream.run([&](const feed_event& e) {
        // One line per event even if a server ever pretty-printed its JSON.
        if (c.json) c.out << (e.text.find('\n') == std::string::npos ? e.text : nlohmann::json::parse(e.text).dump())
                          << '\n' << std::flush;
        else c.out << printer.line(e) << std::flush;
    });
    return 0;
}

}  // namespace fupin::client
