#include "bench/common/area_catalog.hpp"

#include <fstream>
#include <map>
#include <sstream>

#include "bench/common/bench_failure.hpp"
#include "common/area_json.hpp"

namespace fupin::bench {

area_catalog::area_catalog(const std::string& area_file) {
    std::ifstream in(area_file, std::ios::binary);
    if (!in) throw bench_failure("cannot read the area file " + area_file);
    std::ostringstream text;
    text << in.rdbuf();
    const auto areas = common::parse_area_file(text.str());

    std::map<std::string, std::vector<std::string>> groups_of_village;
    for (const auto& a : areas)
        if (a.level == "group") groups_of_village[a.parent_code].push_back(a.code);
    for (const auto& a : areas) {
        if (a.level == "county") county_ = a.code;
        if (a.level == "township") townships_.push_back({a.code, {}});
    }
    for (const auto& a : areas) {
        if (a.level != "village" || groups_of_village[a.code].empty()) continue;
        for (auto& t : townships_)
            if (t.code == a.parent_code) t.villages.push_back({a.code, groups_of_village[a.code]});
    }
    std::erase_if(townships_, [](const township_areas& t) { return t.villages.empty(); });
    if (townships_.empty() || county_.empty()) throw bench_failure("no county or township in " + area_file);
}

const township_areas& area_catalog::township(const std::string& code) const {
    for (const auto& t : townships_)
        if (t.code == code) return t;
    throw bench_failure("no township " + code + " with villages in the area file");
}

std::vector<std::string> area_catalog::township_codes() const {
    std::vector<std::string> codes;
    for (const auto& t : townships_) codes.push_back(t.code);
    return codes;
}

}  // namespace fupin::bench
