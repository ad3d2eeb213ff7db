// The rule table of 分类分档 and the checks of a clerk's assistance input (common/assistance_rules,
// common/assistance_json).
#include <gtest/gtest.h>

#include "common/api_error.hpp"
#include "common/assistance_json.hpp"
#include "common/assistance_rules.hpp"
#include "common/vocabulary.hpp"
#include "test_data/sample_household.hpp"
#include "tests/unit/refusal.hpp"

namespace {

using namespace fupin::common;
using nlohmann::json;

using fupin::test::refusal;

TEST(assistance_rules, every_cause_is_in_the_table_and_names_real_categories) {
    for (const auto& cause : vocabulary::poverty_causes.entries)
        for (const auto& category : categories_for_cause(cause.code))
            EXPECT_TRUE(is_valid(vocabulary::measure_categories, category)) << cause.code << " → " << category;
    EXPECT_EQ(categories_for_cause("illness").front(), "health");
    EXPECT_EQ(categories_for_cause("lack_of_technology").front(), "employment_training");
    EXPECT_EQ(categories_for_cause("schooling").front(), "education");
    EXPECT_TRUE(categories_for_cause("other").empty());
    EXPECT_TRUE(categories_for_cause("no_such_cause").empty());
}

TEST(assistance_rules, the_main_cause_first_then_the_others_then_the_conditions_each_once) {
    auto h = fupin::test_data::sample_household();
    h.main_cause = "illness";
    h.other_causes = {"disability", "lack_of_funds"};
    h.conditions.housing = "dilapidated";
    h.conditions.drinking_water_difficult = false;
    h.conditions.drinking_water_safe = true;
    const auto s = suggest_categories(h);
    std::vector<std::string> categories;
    for (const auto& x : s) categories.push_back(x.category);
    EXPECT_EQ(categories, (std::vector<std::string>{"health", "social_safety_net", "microcredit", "industry",
                                                    "housing_renovation"}));
    EXPECT_TRUE(s[0].main_cause);
    EXPECT_TRUE(s[1].main_cause);  // illness suggests both; disability adds nothing new
    EXPECT_EQ(s[2].because, "lack_of_funds");
    EXPECT_EQ(s[4].because, "housing");
    h.conditions.drinking_water_safe = false;
    EXPECT_EQ(suggest_categories(h).back().category, "infrastructure");
}

TEST(assistance_json, a_measure_request_is_checked) {
    const json good{{"category", "industry"}, {"plan_year", 2026}, {"content", "养猪"},
                    {"funds", json::array({{{"source", "central"}, {"planned", 3000}, {"paid", 1000.5}}})}};
    const auto m = measure_from_json(good);
    EXPECT_EQ(m.status, "planned");
    EXPECT_EQ(paid_total(m), 100050);
    const auto with = [&](const char* key, json value) {
        auto j = good;
        j[key] = std::move(value);
        return refusal([&] { measure_from_json(j); });
    };
    EXPECT_EQ(with("status", "paused").second, "status");
    EXPECT_EQ(with("status", "cancelled"), std::make_pair(std::string("missing_field"), std::string("cancel_reason")));
    EXPECT_EQ(with("end_date", "2026-13-01").second, "end_date");
    EXPECT_EQ(with("content", std::string(501, 'x')).second, "content");
    EXPECT_EQ(with("funds", json::array({{{"source", "central"}, {"planned", 1}, {"bonus", 1}}})).first,
              "unknown_field");
    EXPECT_EQ(with("funds", json::array({{{"source", "central"}, {"planned", 0.001}}})).first, "invalid_value");
    EXPECT_EQ(with("helper_id", nullptr).first, "");
    EXPECT_EQ(with("paid_total", 5).first, "") << "what a response carries is ignored";
    EXPECT_EQ(with("owner", "x").first, "unknown_field");
}

TEST(assistance_json, visits_projects_and_plans_are_checked) {
    const json visit{{"kind", "home_visit"}, {"visited_on", "2026-05-01"}, {"done", "走访"}, {"helper_id", 3}};
    EXPECT_EQ(visit_from_json(visit).helper_id, 3);
    auto bad = visit;
    bad["kind"] = "letter";
    EXPECT_EQ(refusal([&] { visit_from_json(bad); }).second, "kind");
    bad = visit;
    bad.erase("visited_on");
    EXPECT_EQ(refusal([&] { visit_from_json(bad); }), std::make_pair(std::string("missing_field"), std::string("visited_on")));
    EXPECT_EQ(refusal([&] {
                  project_from_json(json{{"name", "人饮工程"}, {"category", "infrastructure"}, {"year", 2026},
                                         {"area_code", "529901"}});
              }).second,
              "area_code");
    EXPECT_EQ(refusal([&] {
                  assistance_plan_from_json(json{{"year", 2026}, {"expected_income_effect", -1}});
              }).second,
              "expected_income_effect");
}

TEST(assistance_json, responses_round_trip) {
    measure m;
    m.id = 4;
    m.household_id = 12;
    m.village_code = "529901101201";
    m.category = "health";
    m.plan_year = 2026;
    m.content = "大病救助";
    m.helper_id = 3;
    m.helper_name = "李帮扶";
    m.status = "completed";
    m.funds = {{"county", 100000, 100000}, {"social", 5000, 0}};
    m.version = 2;
    m.updated_by = "clerk_a";
    m.updated_at_ms = 1795946400000;
    EXPECT_EQ(to_json(measure_from_json(to_json(m), json_source::response)), to_json(m));
    sandaohu_report r;
    r.year = 2026;
    r.area_code = "529901101";
    r.since = "2026-09-08";
    r.areas = {{"529901101", "石门镇", "township", 3, 1, 2, 1, 2, 1, 1, 1}};
    r.gaps = {{12, "王大山", "529901101201", true, false, true, false, true, false}};
    r.gaps_total = 7;
    EXPECT_EQ(to_json(sandaohu_report_from_json(to_json(r))), to_json(r));
}

}  // namespace
