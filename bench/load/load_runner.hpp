#pragma once
// Runs one scenario on N worker threads, each with its own TLS keep-alive connection: everyone prepares, a
// warm-up (connections made, caches warm) is discarded, then a measuring window of fixed length (or a fixed
// number of operations per worker). Any failed request stops the run and throws bench_failure.
#include <chrono>
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "bench/common/bench_endpoint.hpp"
#include "bench/common/latency_samples.hpp"
#include "bench/load/scenario.hpp"

namespace fupin::bench {

struct load_settings {
    bench_endpoint endpoint;
    std::string certs_dir;
    std::vector<std::string> areas;  // worker i presents the certificate of areas[i % size]
    int threads = 16;
    std::chrono::milliseconds warmup{2000};
    std::chrono::milliseconds duration{8000};
    std::size_t operations_per_worker = 0;  // non-zero: stop each worker after this many, not after `duration`
    // Operations per second each worker starts, evenly spaced (a clerk's pace, not a flood); 0: one after
    // another as fast as the server answers. A worker that falls behind does not catch up in a burst.
    double rate_per_worker = 0;
    bool log_in = true;  // county-server wants a session; the Beast baseline has none
    // Processes whose CPU time is read around the window (name, pid), this one added as "fupin-load"; none: none.
    std::vector<std::pair<std::string, int>> cpu_of;
};

struct run_result {
    std::string scenario;
    std::string target;  // "county-server" or "beast baseline"
    int threads = 0;
    double seconds = 0;
    latency_summary latency;
    double requests_per_second = 0;
    double mean_request_bytes = 0;
    double mean_response_bytes = 0;
    std::vector<std::pair<std::string, double>> cpu_seconds;  // in the window, per process of cpu_of
};

run_result run_load(scenario& s, const load_settings& settings, const std::string& target_label);

}  // namespace fupin::bench
