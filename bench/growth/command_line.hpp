#pragma once
// "--name value" flags for the benchmark executables. Unknown flags and missing values are errors, so a typo in
// scripts/bench fails loudly instead of silently measuring the default.
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace fupin::bench {

class command_line {
public:
    // allowed: the flag names without "--". Throws std::invalid_argument.
    command_line(int argc, char** argv, const std::vector<std::string>& allowed);

    bool has(const std::string& name) const { return values_.count(name) > 0; }
    std::string text(const std::string& name, const std::string& fallback = "") const;
    // Throws std::invalid_argument when present but not a whole number (an underscore or comma is not one).
    std::int64_t number(const std::string& name, std::int64_t fallback) const;
    // "10000,100000,1000000".
    std::vector<std::int64_t> numbers(const std::string& name, const std::vector<std::int64_t>& fallback) const;

private:
    std::map<std::string, std::string> values_;
};

}  // namespace fupin::bench
