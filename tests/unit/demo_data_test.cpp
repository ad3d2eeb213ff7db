// The demo county in data/demo/ must load and every household must pass the same validation as real input,
// or a demo on site fails at the first import.
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include <gtest/gtest.h>

#include "common/area_json.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "common/id_number.hpp"

namespace {

using namespace fupin::common;

std::string read_demo_file(const std::string& name) {
    const std::string path = std::string(FUPIN_SOURCE_DIR) + "/data/demo/" + name;
    std::ifstream in(path, std::ios::binary);
    EXPECT_TRUE(in) << "cannot open " << path;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

TEST(demo_data, areas_form_the_demo_county) {
    const std::string text = read_demo_file("areas.json");
    const auto areas = parse_area_file(text);
    std::map<std::string, int> per_level;
    std::map<std::string, int> groups_per_village;
    for (const auto& a : areas) {
        ++per_level[a.level];
        if (a.level == "village") groups_per_village[a.code] += 0;
        if (a.level == "group") ++groups_per_village[a.parent_code];
    }
    EXPECT_EQ(per_level["county"], 1);
    EXPECT_EQ(areas.front().code, "529901");
    EXPECT_GE(per_level["township"], 6);
    EXPECT_GE(per_level["village"], 40);
    for (const auto& [village, groups] : groups_per_village) {
        EXPECT_GE(groups, 3) << village;
        EXPECT_LE(groups, 8) << village;
    }
    // One object per line, compact: the certificate script greps these lines.
    std::istringstream lines(text);
    std::string line;
    int township_lines = 0;
    while (std::getline(lines, line))
        if (line.find(R"("level":"township")") != std::string::npos) ++township_lines;
    EXPECT_EQ(township_lines, per_level["township"]);
}

TEST(demo_data, every_household_is_valid_and_in_a_known_group) {
    std::set<std::string> groups;
    for (const auto& a : parse_area_file(read_demo_file("areas.json")))
        if (a.level == "group") groups.insert(a.code);

    const auto all = nlohmann::json::parse(read_demo_file("households.json"));
    ASSERT_TRUE(all.is_array());
    EXPECT_GE(all.size(), 300u);
    const auto today = today_in_china();
    std::set<std::string> ids;
    std::size_t flagged = 0;
    for (std::size_t i = 0; i < all.size(); ++i) {
        household h;
        try {
            h = household_from_json(all[i]);
            derive(h);
            validate(h, today);
        } catch (const api_error& e) {
            ADD_FAILURE() << "household " << i << ": " << e.code() << " at " << e.field() << ": " << e.message(language::en);
            continue;
        }
        // The input shape only: nothing the server sets.
        for (const char* key : {"id", "version", "status", "created_at", "updated_at", "head_name"})
            EXPECT_FALSE(all[i].contains(key)) << "household " << i << " carries " << key;
        EXPECT_TRUE(groups.count(h.group_code)) << "household " << i << " is in unknown group " << h.group_code;
        EXPECT_GE(h.members.size(), 1u);
        EXPECT_LE(h.members.size(), 7u);
        for (const auto& m : h.members) {
            EXPECT_EQ(m.id_number.substr(0, 6), "529901") << mask_id_number(m.id_number);
            EXPECT_TRUE(ids.insert(m.id_number).second) << "ID number twice: " << mask_id_number(m.id_number);
        }
        if (h.poverty_type != "general") ++flagged;
    }
    EXPECT_GE(flagged * 100, all.size() * 5) << "about 10% should be in extreme-poverty support or on the minimum allowance";
    EXPECT_LE(flagged * 100, all.size() * 20);
}

}  // namespace
