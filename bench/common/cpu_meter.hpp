#pragma once
// CPU time of processes (user + system, all threads), read from /proc/PID/stat around a measuring window: the
// meter, and the one reading it is made of.
// Beside a rate it says what each process spent per operation, and so how many operations the machine's cores
// could carry at most, whatever the waiting (docs/performance.md, "CPU per create").
#include <string>
#include <utility>
#include <vector>

namespace fupin::bench {

// Seconds of CPU the process has used so far; pid 0 is this process. Throws bench_failure when it is gone.
double process_cpu_seconds(int pid);

class cpu_meter {
public:
    // name → pid ("fupin-load" → 0 for this process).
    explicit cpu_meter(std::vector<std::pair<std::string, int>> processes);

    bool empty() const { return processes_.empty(); }
    void start();
    // CPU seconds each process used since start(), in the order given.
    std::vector<std::pair<std::string, double>> since_start() const;

    // "NAME=PID" as given on a command line; throws bench_failure when it is not that.
    static std::pair<std::string, int> parse(const std::string& text);

private:
    std::vector<std::pair<std::string, int>> processes_;
    std::vector<double> at_start_;
};

}  // namespace fupin::bench
