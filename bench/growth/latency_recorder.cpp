#include "bench/growth/latency_recorder.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace fupin::bench {

void latency_recorder::merge(const latency_recorder& other) {
    samples_.insert(samples_.end(), other.samples_.begin(), other.samples_.end());
    sorted_ = false;
}

double latency_recorder::quantile_us(double q) {
    if (samples_.empty()) return 0;
    if (!sorted_) {
        std::sort(samples_.begin(), samples_.end());
        sorted_ = true;
    }
    const auto rank = static_cast<std::size_t>(std::ceil(q * static_cast<double>(samples_.size())));
    const auto i = std::min(samples_.size() - 1, rank == 0 ? 0 : rank - 1);
    using period = std::chrono::steady_clock::period;
    return static_cast<double>(samples_[i]) * 1e6 * period::num / period::den;
}

void latency_recorder::print(const std::string& name) {
    print_figure(name + "_p50", quantile_us(0.50), "us");
    print_figure(name + "_p99", quantile_us(0.99), "us");
    print_figure(name + "_samples", static_cast<double>(samples_.size()), "count");
}

void print_figure(const std::string& name, double value, const std::string& unit) {
    std::printf("%s %.1f %s\n", name.c_str(), value, unit.c_str());
    std::fflush(stdout);
}

}  // namespace fupin::bench
