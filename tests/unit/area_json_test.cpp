#include "common/area_json.hpp"

#include <algorithm>

#include <gtest/gtest.h>

namespace {

using namespace fupin::common;

const std::string county = R"({"code":"529901","level":"county","parent_code":"","name":"青峰县"})";
const std::string township = R"({"code":"529901101","level":"township","parent_code":"529901","name":"石门镇"})";
const std::string village = R"({"code":"529901101201","level":"village","parent_code":"529901101","name":"岩脚村"})";
const std::string group = R"({"code":"529901101201003","level":"group","parent_code":"529901101201","name":"三组"})";

std::string file(std::initializer_list<std::string> lines) {
    std::string out = "[\n";
    bool first = true;
    for (const auto& l : lines) {
        if (!first) out += ",\n";
        out += l;
        first = false;
    }
    return out + "\n]\n";
}

void expect_refused(const std::string& text, const std::string& code, const std::string& field) {
    try {
        parse_area_file(text);
        ADD_FAILURE() << "accepted " << text;
    } catch (const api_error& e) {
        EXPECT_EQ(e.code(), code) << e.message(language::en);
        EXPECT_EQ(e.field(), field) << e.message(language::en);
    }
}

TEST(area_json, parses_a_tree) {
    const auto areas = parse_area_file(file({county, township, village, group}));
    ASSERT_EQ(areas.size(), 4u);
    EXPECT_EQ(areas[0].level, "county");
    EXPECT_EQ(areas[0].parent_code, "");
    EXPECT_EQ(areas[1].name, "石门镇");
    EXPECT_EQ(areas[3].code, "529901101201003");
    EXPECT_EQ(areas[3].parent_code, "529901101201");
    EXPECT_EQ(areas[3].level, "group");
}

TEST(area_json, format_round_trips_one_object_per_line) {
    const auto areas = parse_area_file(file({county, township, village, group}));
    const std::string text = format_area_file(areas);
    EXPECT_NE(text.find(R"("level":"township")"), std::string::npos);
    EXPECT_EQ(std::count(text.begin(), text.end(), '\n'), 6);
    const auto back = parse_area_file(text);
    ASSERT_EQ(back.size(), areas.size());
    for (std::size_t i = 0; i < back.size(); ++i) EXPECT_EQ(to_json(back[i]), to_json(areas[i]));
}

TEST(area_json, a_village_may_be_a_poor_village) {
    const std::string poor =
        R"({"code":"529901101201","level":"village","parent_code":"529901101","name":"岩脚村","poor_village":true})";
    const auto areas = parse_area_file(file({county, township, poor, group}));
    EXPECT_TRUE(areas[2].poor_village);
    EXPECT_FALSE(areas[1].poor_village);
    EXPECT_EQ(to_json(areas[2]).at("poor_village"), true);
    EXPECT_FALSE(to_json(areas[1]).contains("poor_village")) << "only villages carry it";
    EXPECT_EQ(to_json(parse_area_file(file({county, township, village}))[2]).at("poor_village"), false);
    const auto back = parse_area_file(format_area_file(areas));
    EXPECT_TRUE(back[2].poor_village);

    expect_refused(file({county, R"({"code":"529901101","level":"township","parent_code":"529901","name":"石门镇","poor_village":true})"}),
                   "invalid_value", "[1].poor_village");
    expect_refused(file({county, township,
                         R"({"code":"529901101201","level":"village","parent_code":"529901101","name":"岩脚村","poor_village":"yes"})"}),
                   "invalid_type", "[2].poor_village");
}

TEST(area_json, levels) {
    EXPECT_EQ(area_code_length("county"), 6u);
    EXPECT_EQ(area_code_length("group"), 15u);
    EXPECT_EQ(area_code_length("province"), 0u);
    EXPECT_EQ(child_area_level("township"), "village");
    EXPECT_EQ(child_area_level("group"), "");
}

TEST(area_json, refuses_malformed_files) {
    expect_refused("[{", "invalid_json", "");
    expect_refused(R"({"code":"529901"})", "invalid_json", "");
    expect_refused(file({county, "[]"}), "invalid_type", "[1]");
    expect_refused(file({county, R"({"code":529901101,"level":"township","parent_code":"529901","name":"石门镇"})"}),
                   "invalid_type", "[1].code");
    expect_refused(file({county, R"({"code":"529901101","level":"township","parent_code":"529901","name":"石门镇","x":"1"})"}),
                   "unknown_field", "[1].x");
}

TEST(area_json, refuses_bad_codes_and_trees) {
    // Wrong length and non-digits.
    expect_refused(file({county, R"({"code":"52990110","level":"township","parent_code":"529901","name":"石门镇"})"}),
                   "invalid_value", "[1].code");
    expect_refused(file({county, R"({"code":"52990110A","level":"township","parent_code":"529901","name":"石门镇"})"}),
                   "invalid_value", "[1].code");
    // A village before its township.
    expect_refused(file({county, village, township}), "invalid_value", "[1].parent_code");
    // A parent that does not exist.
    expect_refused(file({county, R"({"code":"529901102201","level":"village","parent_code":"529901102","name":"新寨村"})"}),
                   "invalid_value", "[1].parent_code");
    // A code that does not start with its parent's.
    expect_refused(file({county, township, R"({"code":"529901102201","level":"village","parent_code":"529901101","name":"新寨村"})"}),
                   "invalid_value", "[2].code");
    // A group directly under a township (level skipped).
    expect_refused(file({county, township, R"({"code":"529901101201","level":"group","parent_code":"529901101","name":"一组"})"}),
                   "invalid_value", "[2].code");
    expect_refused(file({county, township, R"({"code":"529901101201003","level":"group","parent_code":"529901101","name":"一组"})"}),
                   "invalid_value", "[2].level");
    // Unknown level, duplicates, a county with a parent, missing and bad names.
    expect_refused(file({county, R"({"code":"529901101","level":"town","parent_code":"529901","name":"石门镇"})"}),
                   "invalid_value", "[1].level");
    expect_refused(file({county, township, township}), "invalid_value", "[2].code");
    expect_refused(file({R"({"code":"529901","level":"county","parent_code":"52","name":"青峰县"})"}), "invalid_value",
                   "[0].parent_code");
    expect_refused(file({county, R"({"code":"529901101","level":"township","parent_code":"529901"})"}), "missing_field",
                   "[1].name");
    expect_refused(file({county, R"({"code":"529901101","level":"township","name":"石门镇"})"}), "missing_field",
                   "[1].parent_code");
    std::string long_name;
    for (int i = 0; i < 51; ++i) long_name += "石";
    expect_refused(file({county, R"({"code":"529901101","level":"township","parent_code":"529901","name":")" + long_name + "\"}"}),
                   "too_long", "[1].name");
}

}  // namespace
