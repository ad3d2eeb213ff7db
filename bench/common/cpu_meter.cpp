#include "bench/common/cpu_meter.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <sstream>

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

double process_cpu_seconds(int pid) {
    const std::string path = pid == 0 ? "/proc/self/stat" : "/proc/" + std::to_string(pid) + "/stat";
    std::ifstream in(path);
    std::string stat((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    // The command name (field 2) is in parentheses and may hold spaces: count fields after its last ')'.
    const auto close = stat.rfind(')');
    if (!in.good() && stat.empty()) throw bench_failure("cannot read " + path + ": is the process still running?");
    if (close == std::string::npos) throw bench_failure("unexpected contents of " + path);
    std::istringstream fields(stat.substr(close + 1));
    std::string field;
    long long utime = -1, stime = -1;
    for (int number = 3; fields >> field; ++number) {  // utime is field 14, stime field 15 (proc(5))
        if (number != 14 && number != 15) continue;
        const auto ticks = std::strtoll(field.c_str(), nullptr, 10);
        (number == 14 ? utime : stime) = field.find_first_not_of("0123456789") == std::string::npos ? ticks : -1;
        if (number == 15) break;
    }
    if (utime < 0 || stime < 0) throw bench_failure("no CPU times in " + path);
    return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
}

cpu_meter::cpu_meter(std::vector<std::pair<std::string, int>> processes) : processes_(std::move(processes)) {}

void cpu_meter::start() {
    at_start_.clear();
    for (const auto& p : processes_) at_start_.push_back(process_cpu_seconds(p.second));
}

std::vector<std::pair<std::string, double>> cpu_meter::since_start() const {
    std::vector<std::pair<std::string, double>> used;
    for (std::size_t i = 0; i < processes_.size(); ++i)
        used.emplace_back(processes_[i].first, process_cpu_seconds(processes_[i].second) - at_start_.at(i));
    return used;
}

std::pair<std::string, int> cpu_meter::parse(const std::string& text) {
    const auto equals = text.find('=');
    int pid = -1;
    try {
        if (equals != std::string::npos && equals > 0) pid = std::stoi(text.substr(equals + 1));
    } catch (const std::exception&) {
        pid = -1;
    }
    if (pid <= 0) throw bench_failure("--cpu-of wants NAME=PID, got " + text);
    return {text.substr(0, equals), pid};
}

}  // namespace fupin::bench
