#include "server/county_server.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "transport/tls_context.hpp"
#include "server/api/routes.hpp"
#include "server/feed/event_hub.hpp"
#include "server/net/listener.hpp"
#include "server/net/server_context.hpp"
#include "server/open_file_limit.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/event_repository.hpp"
#include "server/storage/migrate.hpp"

namespace fupin::server {

using namespace fupin::transport;

namespace {

constexpr std::chrono::seconds stop_deadline{15};

std::int64_t system_clock_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

tcp::endpoint resolve_listen_endpoint(asio::io_context& io, const std::string& host, unsigned short port) {
    error_code ec;
    auto address = asio::ip::make_address(host, ec);
    if (!ec) return {address, port};
    tcp::resolver resolver(io);
    auto results = resolver.resolve(host, std::to_string(port), ec);
    if (ec || results.empty()) throw std::runtime_error("cannot resolve the listen address " + host);
    return results.begin()->endpoint();
}

// Connector/C++ wants each thread that uses it to say so.
workers::db_worker_pool::options pool_options(const server_config& config, const sql::database_url& database) {
    workers::db_worker_pool::options options;
    options.workers = config.database_workers;
    options.queue_limit = config.database_queue_limit;
    if (database.backend == sql::database_url::kind::mysql) {
        options.on_thread_start = [] { sql::mysql_connection::thread_init(); };
        options.on_thread_end = [] { sql::mysql_connection::thread_end(); };
    }
    return options;
}

ssl::context make_tls(const server_config& config) {
    return make_server_tls_context({config.tls_certificate, config.tls_private_key, config.client_ca, config.crl});
}

server_config with_clock(server_config config) {
    if (!config.clock) config.clock = system_clock_ms;
    if (!config.monotonic_clock) config.monotonic_clock = service::steady_monotonic_clock();
    return config;
}

}  // namespace

struct county_server::impl {
    explicit impl(server_config c)
        : config(with_clock(std::move(c))),
          io(config.network_threads),
          tls(std::make_shared<ssl::context>(make_tls(config))),
          database(sql::database_url::parse(config.database_url)),
          kept(service::caches::make(config)),
          pool(
              [url = database, changes = kept.changes] {
                  auto connection = sql::connect(url);
                  // The caches hear what the connection's writes change.
                  if (!changes->empty()) connection->set_change_observer(changes);
                  return connection;
              },
              pool_options(config, database)),
          context(config, tls, router, pool),
          feed(io, pool,
               {.poll_interval = config.feed_poll_interval,
                .memory_events = config.feed_memory_events,
                .max_lag = config.feed_max_lag,
                .stall_timeout = config.feed_stall_timeout,
                .subscriptions_per_user = config.feed_subscriptions_per_user},
               kept.changes),
          use_cases(service::services::make(config, kept)),
          signals(io) {
        // Migrate before anything listens: a server never serves a schema it does not know.
        {
            auto connection = sql::connect(database.for_maintenance());
            auto applied = storage::migrate(*connection);
            spdlog::info("database {} at schema version {} ({} migrations applied now)", database.redacted(),
                         storage::schema_version(*connection), applied);
            feed_head = storage::event_repository(*connection).last_seq();
        }
        api::add_routes(router, config, use_cases);
        context.feed = &feed;
        // Descriptors the rest of the process may need at once: a database connection per worker thread, the
        // archive's files, the listener, logs, and a margin.
        const std::size_t reserved = static_cast<std::size_t>(config.database_workers) + 64;
        const auto open_files = raise_open_file_limit();
        context.connection_limit = connection_cap(config.max_connections, open_files, reserved);
        if (context.connection_limit < config.max_connections)
            spdlog::warn("at most {} connections: the open-file limit is {} (raise LimitNOFILE to allow {})",
                         context.connection_limit, open_files, config.max_connections);
    }

    server_config config;
    asio::io_context io;
    std::shared_ptr<ssl::context> tls;
    api::router router;
    sql::database_url database;
    service::caches kept;  // before pool: its connections report their writes to kept.changes
    workers::db_worker_pool pool;
    std::int64_t feed_head = 0;
    net::server_context context;
    feed::event_hub feed;
    service::services use_cases;
    asio::signal_set signals;
    std::unique_ptr<net::listener> acceptor;
    std::vector<std::thread> threads;
    std::once_flag stop_once;
    // A graceful stop has a deadline: whatever still holds the network threads after it (a peer that never
    // finishes a TLS shutdown, say) is cut off by stopping the io_context.
    std::thread stop_watchdog;
    std::mutex watchdog_mutex;
    std::condition_variable watchdog_wake;
    bool network_done = false;
    std::mutex wait_mutex;
    bool stopped = false;
};

county_server::county_server(server_config config) : impl_(std::make_unique<impl>(std::move(config))) {}

county_server::~county_server() {
    try {
        stop();
    } catch (const std::exception& e) {
        spdlog::error("stopping the server: {}", e.what());
    }
}

void county_server::start() {
    auto& s = *impl_;
    s.acceptor = std::make_unique<net::listener>(
        s.io, resolve_listen_endpoint(s.io, s.config.listen_host, s.config.listen_port), s.context);
    s.acceptor->start();
    s.feed.start(s.feed_head);
    if (s.config.handle_signals) {
        s.signals.add(SIGINT);
        s.signals.add(SIGTERM);
        s.signals.add(SIGHUP);
        wait_for_signal();
    }
    for (int i = 0; i < std::max(1, s.config.network_threads); ++i)
        s.threads.emplace_back([&io = s.io] { io.run(); });
    spdlog::info("county-server listening on {}:{} ({} network threads, {} database workers)", s.config.listen_host,
                 s.acceptor->port(), s.config.network_threads, s.config.database_workers);
}

void county_server::wait_for_signal() {
    impl_->signals.async_wait([this](const error_code& ec, int signal) {
        if (ec) return;
        if (signal == SIGHUP) {
            try {
                reload_tls();
            } catch (const std::exception& e) {
                spdlog::error("SIGHUP: keeping the old TLS settings: {}", e.what());
            }
            wait_for_signal();
            return;
        }
        spdlog::info("signal {}: stopping gracefully", signal);
        request_stop();
    });
}

void county_server::reload_tls() {
    impl_->context.replace_tls(std::make_shared<ssl::context>(make_tls(impl_->config)));
    spdlog::info("TLS certificates and CRL re-read; new connections use them");
}

unsigned short county_server::port() const { return impl_->acceptor ? impl_->acceptor->port() : 0; }

void county_server::request_stop() {
    auto& s = *impl_;
    std::call_once(s.stop_once, [&s] {
        s.context.stopping = true;
        asio::post(s.io, [&s] {
            if (s.acceptor) s.acceptor->close();
            error_code ignored;
            s.signals.cancel(ignored);
            s.feed.stop();
            s.context.close_idle_sessions();
        });
        s.stop_watchdog = std::thread([&s] {
            std::unique_lock lock(s.watchdog_mutex);
            if (!s.watchdog_wake.wait_for(lock, stop_deadline, [&s] { return s.network_done; })) {
                spdlog::warn("stopping: connections still open after {} s are cut off", stop_deadline.count());
                s.io.stop();
            }
        });
    });
}

std::uint64_t county_server::answered_from_memory() const { return impl_->context.answered_from_memory.load(); }

void county_server::wait() {
    auto& s = *impl_;
    std::lock_guard lock(s.wait_mutex);
    if (s.stopped) return;
    // The network threads return once every session has ended and no database job is away.
    for (auto& t : s.threads)
        if (t.joinable()) t.join();
    {
        std::lock_guard done(s.watchdog_mutex);
        s.network_done = true;
    }
    s.watchdog_wake.notify_all();
    if (s.stop_watchdog.joinable()) s.stop_watchdog.join();
    s.pool.stop();
    s.stopped = true;
    spdlog::info("county-server stopped ({} requests answered from memory)", s.context.answered_from_memory.load());
}

void county_server::stop() {
    request_stop();
    wait();
}

}  // namespace fupin::server
