#include "bench/common/process_memory.hpp"

#include <fstream>
#include <sstream>

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

long status_field_kib(int pid, const std::string& field) {
    const std::string path = "/proc/" + std::to_string(pid) + "/status";
    std::ifstream in(path);
    if (!in) throw bench_failure("cannot read " + path + ": is the server still running?");
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind(field + ":", 0) != 0) continue;
        std::istringstream values(line.substr(field.size() + 1));
        long kib = -1;
        values >> kib;
        if (kib >= 0) return kib;
    }
    throw bench_failure("no " + field + " in " + path);
}

long resident_kib(int pid) { return status_field_kib(pid, "VmRSS"); }

}  // namespace fupin::bench
