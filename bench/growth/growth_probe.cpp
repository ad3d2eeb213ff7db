#include "bench/growth/growth_probe.hpp"

#include <chrono>
#include <random>
#include <set>
#include <stdexcept>
#include <vector>

#include "bench/growth/latency_recorder.hpp"
#include "server/storage/household_repository.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::bench {
namespace {

namespace sql = server::sql;
using clock_type = std::chrono::steady_clock;

constexpr int list_page_size = 20;  // what a township clerk's screen shows

}  // namespace

growth_probe::growth_probe(sql::connection& conn, const test_data::household_generator& generator, std::uint64_t seed)
    : conn_(conn), generator_(generator), seed_(seed) {}

void growth_probe::run(std::int64_t households, int samples, const std::string& prefix) {
    if (households < 1) throw std::invalid_argument("growth_probe: empty archive");
    std::mt19937_64 random(seed_ ^ static_cast<std::uint64_t>(households));
    std::uniform_int_distribution<std::int64_t> any_index(0, households - 1);
    std::set<std::string> village_codes;
    for (const auto& g : generator_.groups()) village_codes.insert(g.parent_code);
    const std::vector<std::string> villages(village_codes.begin(), village_codes.end());
    std::uniform_int_distribution<std::size_t> any_village(0, villages.size() - 1);
    server::storage::household_repository repo(conn_);

    // Each op returns false when the archive lacks what the generator wrote: that is a broken archive, not a
    // slow one, and the run stops rather than timing misses.
    auto measure = [&](const std::string& op, auto&& body) {
        latency_recorder recorder;
        const int warmup = std::max(20, samples / 10);  // first touches of cold pages are not the steady state
        for (int i = 0; i < warmup + samples; ++i) {
            const auto start = clock_type::now();
            bool found;
            {
                sql::transaction tx(conn_, sql::tx_mode::read);
                found = body();
                tx.commit();
            }
            if (i >= warmup) recorder.add(clock_type::now() - start);
            if (!found) throw std::runtime_error("growth_probe: " + op + " did not find generated data");
        }
        recorder.print(prefix + "_" + op);
    };

    measure("read", [&] { return repo.find(any_index(random) + 1).has_value(); });
    measure("list_first", [&] {
        common::household_filter filter;
        filter.village_code = villages[any_village(random)];
        filter.page_size = list_page_size;
        return !repo.list(filter).items.empty();
    });
    measure("list_deep", [&] {
        // A page that starts after a random household of its village: as deep as keyset paging ever goes.
        const std::int64_t k = any_index(random);
        common::household_filter filter;
        filter.village_code = generator_.village_code(k);
        filter.page_size = list_page_size;
        filter.page_token = generator_.page_token(k);
        (void)repo.list(filter);  // the last household of a village has an empty page after it
        return true;
    });
    measure("find_person", [&] {
        const std::int64_t k = any_index(random);
        const int slot = std::uniform_int_distribution<int>(0, generator_.size(k) - 1)(random);
        return repo.find_person(generator_.id_number(k, slot)).has_value();
    });
}

}  // namespace fupin::bench
