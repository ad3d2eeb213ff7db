#include "common/exit_rules.hpp"

#include <algorithm>

#include <gtest/gtest.h>

#include "common/exit_json.hpp"
#include "common/household_validation.hpp"
#include "test_data/sample_household.hpp"

namespace {

using namespace fupin::common;
using fupin::test_data::sample_household;

const exit_standard standard_2026{2026, 330000, 5, "admin", 0};  // 3,300 yuan, five years of transition
const std::string today = "2026-09-01";

// The sample household (three members) made to meet every condition: income above the line, fed and clothed,
// every member insured, a safe house and safe water.
household meeting_all() {
    household h = sample_household();
    h.income = {};
    h.income.year = 2026;
    h.income.wages = 3 * 400000;  // 4,000 yuan a head
    h.conditions.food_secure = h.conditions.clothing_secure = true;
    h.conditions.housing = "safe";
    h.conditions.housing_danger_grade.clear();
    h.conditions.drinking_water_safe = true;
    h.conditions.drinking_water_difficult = false;
    for (auto& m : h.members) m.medical_insurance = true;
    derive(h);
    return h;
}

std::vector<std::string> codes(const exit_verdict& v) {
    std::vector<std::string> out;
    for (const auto& r : v.shortfalls) out.push_back(r.code);
    return out;
}

TEST(exit_rules, a_household_meeting_every_condition_meets_the_standard) {
    const auto v = exit_rules::judge(meeting_all(), standard_2026, today);
    EXPECT_TRUE(v.meets);
    EXPECT_TRUE(v.shortfalls.empty());
    EXPECT_EQ(v.income_line, 330000);
    EXPECT_EQ(v.per_capita_net_income, 400000);
}

TEST(exit_rules, the_income_must_be_above_the_line_and_of_the_year) {
    auto h = meeting_all();
    h.income.wages = 3 * 330000;  // exactly the line: not above it
    derive(h);
    auto v = exit_rules::judge(h, standard_2026, today);
    EXPECT_FALSE(v.meets);
    EXPECT_EQ(codes(v), std::vector<std::string>{"income_not_above_line"});
    EXPECT_NE(v.shortfalls[0].zh.find("3300"), std::string::npos) << v.shortfalls[0].zh;

    h = meeting_all();
    h.income.year = 2024;  // two years old
    EXPECT_EQ(codes(exit_rules::judge(h, standard_2026, today)), std::vector<std::string>{"income_out_of_date"});
    h.income.year = 2025;  // the year before counts
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);
}

TEST(exit_rules, each_of_the_two_assurances_and_three_guarantees_is_judged_on_its_own) {
    const auto only = [](auto change) {
        auto h = meeting_all();
        change(h);
        derive(h);
        return codes(exit_rules::judge(h, standard_2026, today));
    };
    using v = std::vector<std::string>;
    EXPECT_EQ(only([](household& h) { h.conditions.food_secure = false; }), v{"food_insecure"});
    EXPECT_EQ(only([](household& h) { h.conditions.clothing_secure = false; }), v{"clothing_insecure"});
    EXPECT_EQ(only([](household& h) { h.members[1].medical_insurance = false; }), v{"member_uninsured"});
    EXPECT_EQ(only([](household& h) { h.conditions.housing = "dilapidated"; }), v{"housing_unsafe"});
    EXPECT_EQ(only([](household& h) {
                  h.conditions.housing = "dilapidated";
                  h.conditions.housing_danger_grade = "d";
              }),
              v{"housing_unsafe"});
    EXPECT_EQ(only([](household& h) { h.conditions.housing = "none"; }), v{"housing_unsafe"});
    EXPECT_EQ(only([](household& h) { h.conditions.drinking_water_safe = false; }), v{"water_unsafe"});
    EXPECT_EQ(only([](household& h) { h.conditions.drinking_water_difficult = true; }), v{"water_unsafe"});
    EXPECT_EQ(only([](household& h) { h.conditions.housing = "ordinary"; }), v{});  // 一般住房 is safe
    EXPECT_EQ(only([](household& h) { h.conditions.housing.clear(); }), v{"housing_unsafe"});  // not recorded
    // Every shortfall at once, each named.
    auto h = meeting_all();
    h.conditions = {};
    for (auto& m : h.members) m.medical_insurance = false;
    const auto all = exit_rules::judge(h, standard_2026, today);
    const auto all_codes = codes(all);
    EXPECT_EQ(std::count(all_codes.begin(), all_codes.end(), "member_uninsured"), static_cast<long>(h.members.size()));
    EXPECT_NE(all.shortfalls.back().zh.find("饮水"), std::string::npos);
}

TEST(exit_rules, a_child_of_compulsory_school_age_is_in_school_or_has_a_reason) {
    auto h = meeting_all();
    auto& child = h.members.back();
    child.birth_date = "2016-09-02";  // turns 10 the day after `today`: 9 years old
    child.schooling = "not_in_school";
    child.out_of_school_reason.clear();
    auto v = exit_rules::judge(h, standard_2026, today);
    ASSERT_EQ(codes(v), std::vector<std::string>{"child_out_of_school"});
    EXPECT_NE(v.shortfalls[0].zh.find(child.name + "(9岁)"), std::string::npos) << v.shortfalls[0].zh;
    child.out_of_school_reason = "home_schooling";  // 送教上门
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);
    child.out_of_school_reason = "other";  // a dropout by another name
    EXPECT_FALSE(exit_rules::judge(h, standard_2026, today).meets);
    child.out_of_school_reason = "finished";  // nine years of school do not end at 9
    EXPECT_FALSE(exit_rules::judge(h, standard_2026, today).meets);
    child.birth_date = "2011-08-31";  // 15
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);
    child.birth_date = "2016-09-02";
    child.out_of_school_reason.clear();
    child.schooling = "primary";
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);

    // The ages at the edges: 6 to 15 inclusive.
    child.schooling = "not_in_school";
    child.birth_date = "2010-09-01";  // 16 today: past compulsory schooling
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);
    child.birth_date = "2010-09-02";  // 15 for one more day
    EXPECT_FALSE(exit_rules::judge(h, standard_2026, today).meets);
    child.birth_date = "2020-09-02";  // 5
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);
    child.birth_date = "2020-09-01";  // 6 today
    EXPECT_FALSE(exit_rules::judge(h, standard_2026, today).meets);
}

TEST(exit_rules, a_past_year_is_judged_as_it_stood_at_its_end) {
    auto h = meeting_all();
    auto& child = h.members.back();
    child.schooling = "not_in_school";
    child.out_of_school_reason.clear();
    child.birth_date = "2010-06-01";  // 15 at the end of 2025, 16 now
    auto standard_2025 = standard_2026;
    standard_2025.year = 2025;
    h.income.year = 2025;
    EXPECT_EQ(exit_rules::judge(h, standard_2025, today).shortfalls.at(0).code, "child_out_of_school");
    EXPECT_TRUE(exit_rules::judge(h, standard_2026, today).meets);
}

TEST(exit_rules, ages_count_whole_years) {
    EXPECT_EQ(exit_rules::age_on("2010-03-01", "2026-02-28"), 15);
    EXPECT_EQ(exit_rules::age_on("2010-03-01", "2026-03-01"), 16);
    EXPECT_EQ(exit_rules::age_on("2008-02-29", "2026-02-28"), 17);
    EXPECT_EQ(exit_rules::age_on("", "2026-02-28"), -1);
    EXPECT_EQ(exit_rules::age_on("2010-3-1", "2026-02-28"), -1);
}

TEST(exit_rules, the_verdict_and_the_standard_round_trip_as_json) {
    auto h = meeting_all();
    h.conditions.food_secure = false;
    const auto v = exit_rules::judge(h, standard_2026, today);
    const auto back = exit_verdict_from_json(to_json(v));
    EXPECT_EQ(to_json(back), to_json(v));
    EXPECT_EQ(to_json(v)["income_line"], 3300);
    const auto s = exit_standard_from_json(to_json(standard_2026));
    EXPECT_EQ(s.income_line, 330000);
    EXPECT_EQ(s.transition_years, 5);
}

}  // namespace
