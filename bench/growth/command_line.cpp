#include "bench/growth/command_line.hpp"

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace fupin::bench {
namespace {

std::int64_t parse_number(const std::string& name, std::string_view s) {
    std::int64_t n = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc{} || end != s.data() + s.size())
        throw std::invalid_argument("--" + name + " wants a whole number, got '" + std::string(s) + "'");
    return n;
}

}  // namespace

command_line::command_line(int argc, char** argv, const std::vector<std::string>& allowed) {
    for (int i = 1; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg.rfind("--", 0) != 0) throw std::invalid_argument("unexpected argument '" + arg + "'");
        const std::string name = arg.substr(2);
        if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
            throw std::invalid_argument("unknown flag --" + name);
        if (i + 1 >= argc) throw std::invalid_argument("--" + name + " needs a value");
        values_[name] = argv[++i];
    }
}

std::string command_line::text(const std::string& name, const std::string& fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : it->second;
}

std::int64_t command_line::number(const std::string& name, std::int64_t fallback) const {
    const auto it = values_.find(name);
    return it == values_.end() ? fallback : parse_number(name, it->second);
}

std::vector<std::int64_t> command_line::numbers(const std::string& name, const std::vector<std::int64_t>& fallback) const {
    const auto it = values_.find(name);
    if (it == values_.end()) return fallback;
    std::vector<std::int64_t> out;
    std::string_view rest = it->second;
    while (!rest.empty()) {
        const auto comma = rest.find(',');
        out.push_back(parse_number(name, rest.substr(0, comma)));
        rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
    }
    return out;
}

}  // namespace fupin::bench
