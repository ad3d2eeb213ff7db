// fupin-beast-baseline: the network limit. A minimal Beast HTTPS server with exactly county-server's TLS context
// (transport::make_server_tls_context: TLS 1.2/1.3, client certificate required, no session resumption) and the same
// number of network threads, answering every request with a fixed JSON body. Prints "listening on HOST:PORT"
// and serves until SIGINT/SIGTERM.
#include <CLI/CLI.hpp>

#include <iostream>
#include <thread>
#include <vector>

#include "bench/baseline/baseline_session.hpp"
#include "transport/tls_context.hpp"

namespace asio = fupin::transport::asio;
using fupin::transport::tcp;

namespace {

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor, fupin::transport::ssl::context& tls) {
    for (;;) {
        fupin::transport::error_code ec;
        // Each connection gets its own strand, as in county-server's listener.
        tcp::socket socket(asio::make_strand(acceptor.get_executor()));
        co_await acceptor.async_accept(socket, asio::redirect_error(asio::use_awaitable, ec));
        if (ec == asio::error::operation_aborted) co_return;
        if (ec) continue;  // e.g. out of file descriptors: keep serving the others
        // A response larger than one TLS record goes out in several writes; with Nagle's algorithm the last one
        // waits for the client's delayed ACK (40 ms on Linux). The network limit is a server that does not wait.
        socket.set_option(tcp::no_delay(true), ec);
        std::make_shared<fupin::bench::baseline_session>(std::move(socket), tls)->start();
    }
}

}  // namespace

int main(int argc, char** argv) {
    CLI::App app{"fupin-beast-baseline: minimal Beast HTTPS server with county-server's TLS settings"};
    std::string listen = "127.0.0.1:0", certs = "build/certs";
    int threads = 2;
    app.add_option("--listen", listen, "HOST:PORT (port 0: any)")->capture_default_str();
    app.add_option("--certs", certs, "server.crt, server.key, ca.crt and crl.pem from certs/make-certs")
        ->capture_default_str();
    app.add_option("--threads", threads, "network threads (county-server's --threads)")->capture_default_str();
    CLI11_PARSE(app, argc, argv);

    try {
        auto tls = fupin::transport::make_server_tls_context(
            {certs + "/server.crt", certs + "/server.key", certs + "/ca.crt", certs + "/crl.pem"});
        asio::io_context ioc(threads);
        const auto colon = listen.rfind(':');
        tcp::endpoint endpoint(asio::ip::make_address(listen.substr(0, colon)),
                               static_cast<unsigned short>(std::stoi(listen.substr(colon + 1))));
        tcp::acceptor acceptor(ioc, endpoint);
        asio::signal_set signals(ioc, SIGINT, SIGTERM);
        signals.async_wait([&](auto, int) { ioc.stop(); });
        asio::co_spawn(ioc, accept_loop(acceptor, tls), asio::detached);
        std::cout << "listening on " << endpoint.address().to_string() << ":" << acceptor.local_endpoint().port()
                  << std::endl;
        std::vector<std::thread> pool;
        for (int i = 1; i < threads; ++i) pool.emplace_back([&] { ioc.run(); });
        ioc.run();
        for (auto& t : pool) t.join();
        return 0;
    } catch (const std::exception& e) {
        std::cerr << "fupin-beast-baseline: " << e.what() << "\n";
        return 1;
    }
}
