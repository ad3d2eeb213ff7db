#include "bench/load/load_runner.hpp"

#include <algorithm>
#include <atomic>
#include <latch>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include "bench/common/bench_failure.hpp"
#include "bench/common/cpu_meter.hpp"

namespace fupin::bench {

run_result run_load(scenario& s, const load_settings& settings, const std::string& target_label) {
    using clock = load_worker::clock;
    const int n = settings.threads;
    std::vector<std::unique_ptr<load_worker>> workers(static_cast<std::size_t>(n));
    std::latch prepared(n);
    std::atomic<bool> stop{false};
    std::mutex failure_mutex;
    std::string failure;
    clock::time_point window_start, window_end;
    std::atomic<bool> window_set{false};
    // One login per office, its session shared by the office's connections: a county server locks an account
    // that many connections log in to at once (as it would a password guesser).
    std::mutex login_mutex;
    std::map<std::string, std::string> tokens;

    auto fail = [&](const std::string& message) {
        std::lock_guard lock(failure_mutex);
        if (failure.empty()) failure = message;
        stop = true;
    };

    std::vector<std::thread> threads;
    for (int i = 0; i < n; ++i) {
        threads.emplace_back([&, i] {
            load_worker* worker = nullptr;
            try {
                const auto& area = settings.areas[static_cast<std::size_t>(i) % settings.areas.size()];
                workers[static_cast<std::size_t>(i)] = std::make_unique<load_worker>(
                    i, area, options_for(settings.endpoint, settings.certs_dir, area));
                worker = workers[static_cast<std::size_t>(i)].get();
                if (settings.log_in) {
                    std::lock_guard lock(login_mutex);
                    auto& token = tokens[area];
                    if (token.empty()) {
                        log_in_as_office(worker->client(), area);
                        token = worker->client().token();
                    } else {
                        worker->client().set_token(token);
                    }
                }
                s.prepare(*worker);
            } catch (const std::exception& e) {
                fail("worker " + std::to_string(i) + " preparing: " + e.what());
            }
            prepared.arrive_and_wait();
            if (stop || !worker) return;
            // The last thread through the latch may not be the one that set the window: wait for it.
            while (!window_set.load()) std::this_thread::yield();
            worker->set_window(window_start, window_end);
            const auto period = settings.rate_per_worker > 0
                                    ? std::chrono::duration_cast<clock::duration>(
                                          std::chrono::duration<double>(1.0 / settings.rate_per_worker))
                                    : clock::duration::zero();
            // The workers' first operations spread over one period, so they do not all arrive together.
            auto next = clock::now() + period * i / n;
            try {
                while (!stop) {
                    if (period > clock::duration::zero()) {
                        std::this_thread::sleep_until(next);
                        next = std::max(next + period, clock::now());
                    }
                    const auto now = clock::now();
                    if (worker->window_over(now)) break;
                    if (settings.operations_per_worker && now >= window_start &&
                        worker->samples().size() >= settings.operations_per_worker)
                        break;
                    s.run_once(*worker);
                }
            } catch (const std::exception& e) {
                fail(s.name() + " on " + target_label + ", worker " + std::to_string(i) + ": " + e.what());
            }
        });
    }
    // The main thread sets the window once everyone has prepared, so preparation never counts.
    prepared.wait();
    window_start = clock::now() + settings.warmup;
    window_end = settings.operations_per_worker ? clock::time_point::max() : window_start + settings.duration;
    window_set = true;
    std::optional<cpu_meter> cpu;
    std::vector<std::pair<std::string, double>> cpu_used;
    if (!settings.cpu_of.empty()) {
        auto processes = settings.cpu_of;
        processes.emplace_back("fupin-load", 0);
        cpu.emplace(std::move(processes));
        std::this_thread::sleep_until(window_start);
        cpu->start();
        if (!settings.operations_per_worker) {
            std::this_thread::sleep_until(window_end);
            cpu_used = cpu->since_start();
        }
    }
    for (auto& t : threads) t.join();
    const auto finished = clock::now();
    if (!failure.empty()) throw bench_failure(failure);
    if (cpu && settings.operations_per_worker) cpu_used = cpu->since_start();

    run_result r;
    r.scenario = s.name();
    r.target = target_label;
    r.threads = n;
    const auto end = settings.operations_per_worker ? finished : window_end;
    r.seconds = std::chrono::duration<double>(end - window_start).count();
    latency_samples all;
    std::uint64_t in = 0, out = 0;
    for (auto& w : workers) {
        all.merge(w->samples());
        out += w->request_bytes();
        in += w->response_bytes();
    }
    r.latency = all.summarize();
    if (r.latency.count == 0) throw bench_failure(s.name() + " on " + target_label + ": no request completed");
    r.requests_per_second = static_cast<double>(r.latency.count) / r.seconds;
    r.mean_request_bytes = static_cast<double>(out) / static_cast<double>(r.latency.count);
    r.mean_response_bytes = static_cast<double>(in) / static_cast<double>(r.latency.count);
    r.cpu_seconds = std::move(cpu_used);
    return r;
}

}  // namespace fupin::bench
