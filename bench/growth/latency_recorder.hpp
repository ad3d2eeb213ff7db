#pragma once
// Collects the durations of one operation and prints them in the benchmarks' line format,
// "name value unit", one figure per line, so scripts can grep and compare them.
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

namespace fupin::bench {

class latency_recorder {
public:
    void add(std::chrono::steady_clock::duration d) { samples_.push_back(d.count()); }
    std::size_t count() const { return samples_.size(); }
    void merge(const latency_recorder& other);
    // The q-quantile (0..1) in microseconds, nearest rank; 0 when empty.
    double quantile_us(double q);
    // Prints "<name>_p50 <v> us", "<name>_p99 <v> us" (and the count of samples).
    void print(const std::string& name);

private:
    std::vector<std::chrono::steady_clock::rep> samples_;
    bool sorted_ = false;
};

// One figure in the shared format, e.g. print_figure("sqlite_creates_1t", 812.4, "per_s").
void print_figure(const std::string& name, double value, const std::string& unit);

}  // namespace fupin::bench
