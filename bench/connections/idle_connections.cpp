#include "bench/connections/idle_connections.hpp"

#include <mutex>
#include <thread>

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

idle_connections::idle_connections(const bench_endpoint& endpoint, const std::string& certs_dir,
                                   const std::vector<std::string>& areas, std::size_t count, const std::string& target) {
    // Four opening threads: the handshakes are the slow part and the server has two network threads.
    constexpr std::size_t openers = 4;
    std::vector<std::vector<client::api_client>> opened(openers);
    std::mutex mutex;
    std::string failure;
    std::vector<std::thread> threads;
    for (std::size_t t = 0; t < openers; ++t) {
        threads.emplace_back([&, t] {
            try {
                for (std::size_t i = t; i < count; i += openers) {
                    client::api_client api(options_for(endpoint, certs_dir, areas[i % areas.size()]));
                    auto result = api.request(client::http_method::get, target);
                    if (result.status != 200)
                        throw bench_failure("GET " + target + " answered " + std::to_string(result.status));
                    opened[t].push_back(std::move(api));
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                if (failure.empty()) failure = std::string("opening idle connections: ") + e.what();
            }
        });
    }
    for (auto& t : threads) t.join();
    if (!failure.empty()) throw bench_failure(failure);
    for (auto& group : opened)
        for (auto& api : group) clients_.push_back(std::move(api));
}

void idle_connections::check_all_alive(const std::string& target) {
    // A keep-alive client would silently reconnect if the server had dropped it; a reconnect is a new handshake,
    // which we cannot see from here, so this only proves the server still answers all of them.
    for (auto& api : clients_) {
        auto result = api.request(client::http_method::get, target);
        if (result.status != 200) throw bench_failure("idle connection answered " + std::to_string(result.status));
    }
}

}  // namespace fupin::bench
