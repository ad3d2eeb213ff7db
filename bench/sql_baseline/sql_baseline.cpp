#include "bench/sql_baseline/sql_baseline.hpp"

#include <atomic>
#include <chrono>
#include <latch>
#include <mutex>
#include <optional>
#include <random>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "bench/common/cpu_meter.hpp"
#include "bench/growth/bulk_loader.hpp"
#include "bench/growth/latency_recorder.hpp"
#include "server/service/digest.hpp"
#include "server/service/household_service.hpp"
#include "server/service/local_operator.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/household_repository.hpp"
#include "server/sql/error.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::bench {
namespace {

namespace sql = server::sql;
using clock_type = std::chrono::steady_clock;

constexpr int create_members = 4;   // the HTTP create scenario's household
constexpr int list_page_size = 20;
constexpr int max_attempts = 20;     // SQLite busy / MariaDB deadlock: retried, as run_in_transaction does

}  // namespace

sql_baseline::sql_baseline(std::string url, const test_data::household_generator& generator, std::int64_t households,
                           std::uint64_t seed, std::vector<std::pair<std::string, int>> cpu_of)
    : url_(std::move(url)), generator_(generator), households_(households), seed_(seed), cpu_of_(std::move(cpu_of)) {
    if (households_ < 1) throw std::invalid_argument("sql_baseline: the archive is empty");
}

void sql_baseline::run_creates(int threads, double seconds, const std::string& prefix) {
    run(op::create, threads, seconds, prefix + "_create_" + std::to_string(threads) + "t");
}
void sql_baseline::run_reads(int threads, double seconds, const std::string& prefix) {
    run(op::read, threads, seconds, prefix + "_read_" + std::to_string(threads) + "t");
}
void sql_baseline::run_service_creates(int threads, double seconds, const std::string& prefix) {
    run(op::service_create, threads, seconds, prefix + "_service_create_" + std::to_string(threads) + "t");
}
void sql_baseline::run_lists(int threads, double seconds, const std::string& prefix) {
    run(op::list, threads, seconds, prefix + "_list_village_" + std::to_string(threads) + "t");
}

void sql_baseline::run(op which, int threads, double seconds, const std::string& name) {
    std::set<std::string> village_codes;
    for (const auto& g : generator_.groups()) village_codes.insert(g.parent_code);
    const std::vector<std::string> villages(village_codes.begin(), village_codes.end());

    // Creates take generator indices after everything already written, so their ID numbers are new and a
    // later bench-grow-archive on the same database continues after them (it resumes at MAX(id)).
    std::atomic<std::int64_t> next_index{0};
    std::string county_code;
    const std::string run_id = std::to_string(std::random_device{}());  // keys of an earlier run would replay
    if (which == op::create || which == op::service_create) {
        auto conn = sql::connect(url_);
        county_code = conn->query("SELECT code FROM areas WHERE level = 'county'").at(0).get_string(0);
        next_index = conn->query("SELECT COALESCE(MAX(id), 0) FROM households").at(0).get_int64(0);
    }

    // One service for all threads, as the server has: its creates are written in batches across them, which
    // this benchmark counts (what each transaction wrote).
    struct batch_counter : server::service::batch_observer {
        void written(std::size_t n) override {
            ++batches;
            items += n;
        }
        std::atomic<std::uint64_t> batches{0}, items{0};
    } counts;
    const server::service::household_service service(
        [] {
            return std::chrono::duration_cast<std::chrono::milliseconds>(
                       std::chrono::system_clock::now().time_since_epoch()).count();
        },
        nullptr, true, &counts);
    std::latch connected(threads + 1);
    std::atomic<bool> stop{false};
    std::atomic<std::int64_t> done{0};
    std::atomic<std::int64_t> retries{0};
    std::mutex merge_mutex;
    latency_recorder all;
    std::exception_ptr failure;
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t) {
        workers.emplace_back([&, t] {
            latency_recorder mine;
            bool arrived = false;
            try {
                auto conn = sql::connect(url_);
                server::storage::household_repository repo(*conn);
                std::mt19937_64 random(seed_ * 1000 + static_cast<std::uint64_t>(t));
                std::uniform_int_distribution<std::int64_t> any_id(1, households_);
                std::uniform_int_distribution<std::size_t> any_village(0, villages.size() - 1);
                const auto county = server::service::local_operator(county_code);
                connected.arrive_and_wait();
                arrived = true;
                while (!stop.load(std::memory_order_relaxed)) {
                    const auto start = clock_type::now();
                    if (which == op::create) {
                        common::household h = generator_.make(next_index.fetch_add(1), create_members);
                        for (int attempt = 1;; ++attempt) {
                            try {
                                sql::transaction tx(*conn, sql::tx_mode::write);
                                repo.insert(h, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                   std::chrono::system_clock::now().time_since_epoch()).count());
                                tx.commit();
                                break;
                            } catch (const sql::retryable_error&) {
                                if (attempt == max_attempts) throw;
                                ++retries;
                            }
                        }
                    } else if (which == op::service_create) {
                        // What the server's create runs once the request is parsed: its own retries included.
                        common::household h = generator_.make(next_index.fetch_add(1), create_members);
                        const auto key = "bench-" + run_id + "-" + std::to_string(t) + "-" + std::to_string(done.load());
                        service.create(*conn, county, std::move(h), key, server::service::sha256_hex(key));
                    } else {
                        sql::transaction tx(*conn, sql::tx_mode::read);
                        if (which == op::read) {
                            if (!repo.find(any_id(random))) throw std::runtime_error("a generated household is missing");
                        } else {
                            common::household_filter filter;
                            filter.village_code = villages[any_village(random)];
                            filter.page_size = list_page_size;
                            if (repo.list(filter).items.empty()) throw std::runtime_error("a village list is empty");
                        }
                        tx.commit();
                    }
                    mine.add(clock_type::now() - start);
                    ++done;
                }
            } catch (...) {
                stop = true;
                if (!arrived) connected.count_down();  // a failed connect must not leave the others waiting
                std::lock_guard lock(merge_mutex);
                if (!failure) failure = std::current_exception();
            }
            std::lock_guard lock(merge_mutex);
            all.merge(mine);
        });
    }
    std::optional<cpu_meter> cpu;
    if (!cpu_of_.empty()) {
        auto processes = cpu_of_;
        processes.emplace_back("bench-sql-baseline", 0);
        cpu.emplace(std::move(processes));
    }
    connected.arrive_and_wait();
    const auto start = clock_type::now();
    if (cpu) cpu->start();
    std::this_thread::sleep_for(std::chrono::duration<double>(seconds));
    stop = true;
    for (auto& w : workers) w.join();
    const double elapsed = std::chrono::duration<double>(clock_type::now() - start).count();
    if (failure) std::rethrow_exception(failure);
    print_figure(name, static_cast<double>(done.load()) / elapsed, "per_s");
    if (cpu && done.load() > 0)
        for (const auto& [process, used] : cpu->since_start())
            print_figure(name + "_cpu_us_" + process, 1e6 * used / static_cast<double>(done.load()), "us");
    all.print(name);
    if (which == op::create) print_figure(name + "_retries", static_cast<double>(retries.load()), "count");
    if (which == op::service_create) {  // how many creates each transaction wrote (group_commit.hpp)
        const double batches = static_cast<double>(counts.batches.load());
        print_figure(name + "_per_batch", batches > 0 ? static_cast<double>(counts.items.load()) / batches : 0.0,
                     "count");
    }
}

}  // namespace fupin::bench
