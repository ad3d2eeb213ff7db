#include "bench/load/archive_seed.hpp"

#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

std::size_t seeded_archive::total() const {
    std::size_t n = 0;
    for (const auto& [_, ids] : ids_by_township) n += ids.size();
    return n;
}

seeded_archive seed_archive(const bench_endpoint& endpoint, const std::string& certs_dir, const area_catalog& areas,
                            household_factory& factory, int per_township) {
    seeded_archive seeded;
    std::mutex mutex;
    std::string failure;
    std::vector<std::thread> threads;
    for (const auto& township : areas.townships()) {
        seeded.ids_by_township[township.code];  // made here, so the threads only touch their own vector
        threads.emplace_back([&, &t = township, &ids = seeded.ids_by_township[township.code]] {
            try {
                client::api_client api(options_for(endpoint, certs_dir, t.code));
                log_in_as_office(api, t.code);
                for (int i = 0; i < per_township; ++i) {
                    const auto& village = t.villages[static_cast<std::size_t>(i) % t.villages.size()];
                    const auto& group = village.groups[static_cast<std::size_t>(i / 7) % village.groups.size()];
                    auto result = api.request(client::http_method::post, "/api/v1/households",
                                              household_factory::body(factory.make(group)));
                    if (result.status != 201)
                        throw bench_failure("seeding answered " + std::to_string(result.status) + ": " +
                                            result.body.substr(0, 300));
                    ids.push_back(nlohmann::json::parse(result.body).at("id").get<std::int64_t>());
                }
            } catch (const std::exception& e) {
                std::lock_guard lock(mutex);
                if (failure.empty()) failure = "seeding township " + t.code + ": " + e.what();
            }
        });
    }
    for (auto& t : threads) t.join();
    if (!failure.empty()) throw bench_failure(failure);
    return seeded;
}

void set_poverty_line(const bench_endpoint& endpoint, const std::string& certs_dir, const std::string& county_code,
                      int year, int yuan) {
    client::api_client api(options_for(endpoint, certs_dir, county_code));
    log_in_as_office(api, county_code);
    const auto target = "/api/v1/poverty-lines/" + std::to_string(year);
    auto result = api.request(client::http_method::put, target, nlohmann::json{{"amount", yuan}}.dump());
    if (result.status != 200)
        throw bench_failure("PUT " + target + " answered " + std::to_string(result.status) + ": " +
                            result.body.substr(0, 300));
}

}  // namespace fupin::bench
