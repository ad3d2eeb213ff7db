#pragma once
// The townships, villages and groups of an area file (data/demo/areas.json), so that generated households are
// spread over the whole county the way township offices would enter them.
#include <string>
#include <vector>

namespace fupin::bench {

struct village_areas {
    std::string code;
    std::vector<std::string> groups;
};

struct township_areas {
    std::string code;
    std::vector<village_areas> villages;
};

class area_catalog {
public:
    // Reads and parses the area file; throws bench_failure when it is unreadable or has no township.
    explicit area_catalog(const std::string& area_file);
    const std::string& county() const { return county_; }
    // Townships with at least one village that has a group, in file order.
    const std::vector<township_areas>& townships() const { return townships_; }
    // The township with this code; throws bench_failure when there is none.
    const township_areas& township(const std::string& code) const;
    std::vector<std::string> township_codes() const;

private:
    std::string county_;
    std::vector<township_areas> townships_;
};

}  // namespace fupin::bench
