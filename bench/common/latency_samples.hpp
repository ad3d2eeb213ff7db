#pragma once
// Every request's latency, kept exactly (one 8-byte sample per request), so that p999 is a real sample and
// not an interpolation. Each worker thread owns one; the runner merges them after the run.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace fupin::bench {

struct latency_summary {
    std::size_t count = 0;
    double mean_ms = 0;
    double p50_ms = 0;
    double p99_ms = 0;
    double p999_ms = 0;
    double max_ms = 0;
};

class latency_samples {
public:
    void reserve(std::size_t n) { nanoseconds_.reserve(n); }
    void add(std::int64_t nanoseconds) { nanoseconds_.push_back(nanoseconds); }
    void merge(const latency_samples& other);
    std::size_t size() const { return nanoseconds_.size(); }
    // Sorts the samples (nearest-rank percentiles: the smallest sample with at least p of all at or below it).
    latency_summary summarize();

private:
    std::vector<std::int64_t> nanoseconds_;
};

}  // namespace fupin::bench
