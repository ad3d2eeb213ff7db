#include "client/name_list.hpp"

#include <sstream>

namespace fupin::client {

std::vector<std::string> split_names(const std::string& text) {
    std::string unified = text;
    for (const std::string sep : {"，", "、"}) {
        for (auto at = unified.find(sep); at != std::string::npos; at = unified.find(sep)) unified.replace(at, sep.size(), ",");
    }
    std::vector<std::string> names;
    std::istringstream in(unified);
    for (std::string name; std::getline(in, name, ',');) {
        const auto first = name.find_first_not_of(" \t");
        if (first == std::string::npos) continue;
        names.push_back(name.substr(first, name.find_last_not_of(" \t") - first + 1));
    }
    return names;
}

}  // namespace fupin::client
