#include "bench/common/latency_samples.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace fupin::bench {

void latency_samples::merge(const latency_samples& other) {
    nanoseconds_.insert(nanoseconds_.end(), other.nanoseconds_.begin(), other.nanoseconds_.end());
}

latency_summary latency_samples::summarize() {
    latency_summary s;
    s.count = nanoseconds_.size();
    if (s.count == 0) return s;
    std::sort(nanoseconds_.begin(), nanoseconds_.end());
    auto rank = [&](double p) {
        auto index = static_cast<std::size_t>(std::ceil(p * static_cast<double>(s.count)));
        return static_cast<double>(nanoseconds_[std::clamp<std::size_t>(index, 1, s.count) - 1]) / 1e6;
    };
    s.p50_ms = rank(0.50);
    s.p99_ms = rank(0.99);
    s.p999_ms = rank(0.999);
    s.max_ms = static_cast<double>(nanoseconds_.back()) / 1e6;
    const long double total = std::accumulate(nanoseconds_.begin(), nanoseconds_.end(), 0.0L);
    s.mean_ms = static_cast<double>(total / static_cast<long double>(s.count) / 1e6L);
    return s;
}

}  // namespace fupin::bench
