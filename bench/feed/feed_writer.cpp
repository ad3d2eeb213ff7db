#include "bench/feed/feed_writer.hpp"

#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

struct feed_writer::connection {
    const township_areas& township;
    client::api_client api;
};

feed_writer::feed_writer(const bench_endpoint& endpoint, const std::string& certs_dir, const area_catalog& areas,
                         household_factory& factory, int connections, std::chrono::steady_clock::time_point epoch)
    : factory_(factory), epoch_(epoch) {
    for (const auto& t : areas.townships()) {
        if (static_cast<int>(connections_.size()) >= connections) break;
        auto c = std::make_unique<connection>(connection{t, client::api_client(options_for(endpoint, certs_dir, t.code))});
        log_in_as_office(c->api, t.code);
        connections_.push_back(std::move(c));
    }
    if (connections_.empty()) throw bench_failure("no township to write in");
}

feed_writer::~feed_writer() = default;

feed_write feed_writer::create(connection& c, int n) {
    const auto& village = c.township.villages[static_cast<std::size_t>(n) % c.township.villages.size()];
    const auto body = household_factory::body(factory_.make(village.groups.front()));
    feed_write w;
    w.started_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - epoch_).count();
    auto result = c.api.request(client::http_method::post, "/api/v1/households", body);
    w.done_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - epoch_).count();
    if (result.status != 201)
        throw bench_failure("POST /api/v1/households answered " + std::to_string(result.status) + ": " +
                            result.body.substr(0, 300));
    w.household_id = nlohmann::json::parse(result.body).at("id").get<std::int64_t>();
    return w;
}

std::vector<feed_write> feed_writer::steady(int writes, double per_second) {
    std::vector<feed_write> out;
    out.reserve(static_cast<std::size_t>(writes));
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < writes; ++i) {
        std::this_thread::sleep_until(start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                                  std::chrono::duration<double>(i / per_second)));
        out.push_back(create(*connections_.front(), i));
    }
    return out;
}

std::vector<feed_write> feed_writer::burst(int writes) {
    const auto n = connections_.size();
    std::vector<std::vector<feed_write>> each(n);
    std::mutex mutex;
    std::string failure;
    std::vector<std::thread> threads;
    for (std::size_t k = 0; k < n; ++k)
        threads.emplace_back([&, k] {
            try {
                for (int i = static_cast<int>(k); i < writes; i += static_cast<int>(n))
                    each[k].push_back(create(*connections_[k], i));
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                if (failure.empty()) failure = e.what();
            }
        });
    for (auto& t : threads) t.join();
    if (!failure.empty()) throw bench_failure(failure);
    std::vector<feed_write> out;
    for (auto& e : each) out.insert(out.end(), e.begin(), e.end());
    return out;
}

}  // namespace fupin::bench
