#include "bench/load/load_report.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <ostream>
#include <thread>

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

void print_report_header(std::ostream& out, const std::string& label) {
    out << fmt::format("\n== county-server ({}) vs Beast baseline, same TLS, same connections ==\n", label)
        << fmt::format("{:<8} {:>4} {:>8} {:>9} {:>7} {:>7} {:>7} {:>7} | {:>9} {:>7} {:>6} {:>8}\n", "scenario",
                       "conn", "requests", "req/s", "p50 ms", "p99 ms", "p999", "max ms", "base r/s", "base99",
                       "ratio", "resp B");
}

void print_report_line(std::ostream& out, const run_result& r, const run_result* b) {
    const auto& l = r.latency;
    out << fmt::format("{:<8} {:>4} {:>8} {:>9.0f} {:>7.2f} {:>7.2f} {:>7.2f} {:>7.1f} | ", r.scenario, r.threads,
                       l.count, r.requests_per_second, l.p50_ms, l.p99_ms, l.p999_ms, l.max_ms);
    if (b)
        out << fmt::format("{:>9.0f} {:>7.2f} {:>6.2f} {:>8.0f}\n", b->requests_per_second, b->latency.p99_ms,
                           r.requests_per_second / b->requests_per_second, r.mean_response_bytes);
    else
        out << fmt::format("{:>9} {:>7} {:>6} {:>8.0f}\n", "-", "-", "-", r.mean_response_bytes);
    if (!r.cpu_seconds.empty()) {
        const auto requests = static_cast<double>(r.latency.count);
        double total_ms = 0, load_ms = 0;
        out << "         cpu per request:";
        for (const auto& [name, seconds] : r.cpu_seconds) {
            const double ms = 1000.0 * seconds / requests;
            out << fmt::format(" {} {:.3f} ms,", name, ms);
            total_ms += ms;
            if (name == "fupin-load") load_ms = ms;
        }
        // The load generator shares the cores with the server here: what the cores carry counts it too.
        const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        out << fmt::format(" all {:.3f} ms ({:.3f} without fupin-load): {} cores carry at most {:.0f}/s\n", total_ms,
                           total_ms - load_ms, cores, total_ms > 0 ? 1000.0 * cores / total_ms : 0.0);
    }
    out.flush();
}

void append_summary(const std::string& path, const std::string& label, const run_result& r, const run_result* b) {
    if (path.empty()) return;
    std::ofstream out(path, std::ios::app);
    if (!out) throw bench_failure("cannot append to " + path);
    out << fmt::format("{}\t{}\t{}\t{:.0f}\t{:.2f}\t{:.2f}\t{:.2f}\t{}\t{}\n", label, r.scenario, r.threads,
                       r.requests_per_second, r.latency.p50_ms, r.latency.p99_ms, r.latency.p999_ms,
                       b ? fmt::format("{:.0f}", b->requests_per_second) : "-",
                       b ? fmt::format("{:.2f}", r.requests_per_second / b->requests_per_second) : "-");
    for (const auto& [name, seconds] : r.cpu_seconds)
        out << fmt::format("cpu\t{}\t{}\t{}\t{:.3f}\n", label, r.scenario, name,
                           1000.0 * seconds / static_cast<double>(r.latency.count));
}

}  // namespace fupin::bench
