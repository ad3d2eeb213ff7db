#pragma once
// The load generator's printout: each figure of the server beside the same figure of its baseline, measured in
// the same run, with the ratio (server ÷ baseline for throughput, so 0.5 is "half the network limit").
#include <iosfwd>
#include <string>

#include "bench/load/load_runner.hpp"

namespace fupin::bench {

void print_report_header(std::ostream& out, const std::string& label);
// `baseline` may be null (no baseline for this figure). With CPU times (load_settings::cpu_of), a second line:
// each process's CPU per request, their sum, and the most requests per second the machine's cores could carry
// at that cost.
void print_report_line(std::ostream& out, const run_result& r, const run_result* baseline);
// One tab-separated line per figure for scripts/bench's summary: label scenario rps p50 p99 p999 base_rps ratio;
// with CPU times also "cpu label scenario process ms_per_request" per process.
void append_summary(const std::string& path, const std::string& label, const run_result& r, const run_result* baseline);

}  // namespace fupin::bench
