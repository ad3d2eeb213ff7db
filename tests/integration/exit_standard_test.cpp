// The exit standard (脱贫标准) end to end over real TLS on both databases: the county's administrator sets it per
// year, with its checks, its audit entry and its event; every official reads it; a household's file is judged
// against it within the caller's area, and the verdict names what the file still lacks of 两不愁三保障.
#include <gtest/gtest.h>

#include "common/household_json.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

class exit_standard : public archive_test {
protected:
    // A file of township A that meets every condition: income above 3,300 yuan a head of the year, fed and
    // clothed, everyone insured, a safe house and safe water.
    common::household meeting_file(int seed) {
        auto h = test_data::sample_household({.group = group_a, .seed = seed});
        h.income = {};
        h.income.year = 2026;
        h.income.wages = 3 * 500000;
        h.conditions.food_secure = h.conditions.clothing_secure = true;
        h.conditions.housing = "safe";
        h.conditions.housing_danger_grade.clear();
        h.conditions.drinking_water_safe = true;
        h.conditions.drinking_water_difficult = false;
        for (auto& m : h.members) m.medical_insurance = true;
        return client_as("clerk_a").create_household(h, "");
    }

    static std::string code_of(const client::http_result& r) {
        return nlohmann::json::parse(r.body)["error"]["code"].get<std::string>();
    }
};

TEST_P(exit_standard, the_administrator_sets_it_per_year_and_every_official_reads_it) {
    auto admin = client_as("admin");
    const auto s = admin.set_exit_standard(2026, 330000, 5);
    EXPECT_EQ(s.year, 2026);
    EXPECT_EQ(s.income_line, 330000);
    EXPECT_EQ(s.transition_years, 5);
    EXPECT_EQ(s.set_by, "admin");
    admin.set_exit_standard(2026, 340000, 3);  // set again: replaced
    admin.set_exit_standard(2027, 360000, 5);
    const auto standards = client_as("clerk_b").list_exit_standards();
    ASSERT_EQ(standards.size(), 2u);
    EXPECT_EQ(standards[0].income_line, 340000);
    EXPECT_EQ(standards[0].transition_years, 3);
    EXPECT_EQ(standards[1].year, 2027);

    const auto put = [&](auto& client, const std::string& year, const std::string& body) {
        return client.request(http_method::put, "/api/v1/exit-standards/" + year, body);
    };
    auto clerk = client_as("clerk_a");
    auto r = put(clerk, "2026", R"({"income_line":3300,"transition_years":5})");
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(code_of(r), "access_denied");
    EXPECT_EQ(put(admin, "2026", R"({"income_line":0,"transition_years":5})").status, 422);
    EXPECT_EQ(put(admin, "2026", R"({"income_line":3300,"transition_years":11})").status, 422);
    EXPECT_EQ(put(admin, "2026", R"({"income_line":3300})").status, 422);
    EXPECT_EQ(put(admin, "2026", R"({"income_line":3300,"transition_years":5,"extra":1})").status, 400);
    EXPECT_EQ(put(admin, "1999", R"({"income_line":3300,"transition_years":5})").status, 404);
    admin.set_poverty_line(2027, 280000);
    r = put(admin, "2027", R"({"income_line":2700,"transition_years":5})");  // below the year's poverty line
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "income_line");

    const auto trail =
        client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=exit_standard.set");
    ASSERT_EQ(trail["items"].size(), 3u) << trail.dump();  // the refusal wrote nothing
    EXPECT_EQ(trail["items"][1]["record"], "exit_standard/2026");
    EXPECT_EQ(trail["items"][1]["changes"]["income_line"]["before"], 3300);
    EXPECT_EQ(trail["items"][1]["changes"]["income_line"]["after"], 3400);
    EXPECT_EQ(count_rows("exit_standards"), 2);
}

TEST_P(exit_standard, a_file_is_judged_against_the_year_s_standard_in_the_caller_s_area) {
    auto stored = meeting_file(601);
    auto clerk = client_as("clerk_a");
    const auto target = "/api/v1/households/" + std::to_string(stored.id) + "/exit-verdict?year=2026";
    auto r = clerk.request(http_method::get, target);
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(code_of(r), "exit_standard_not_set");

    client_as("admin").set_exit_standard(2026, 330000, 5);
    auto v = clerk.exit_verdict(stored.id, 2026);
    EXPECT_TRUE(v.meets) << nlohmann::json(common::to_json(stored)).dump();
    EXPECT_EQ(v.per_capita_net_income, 500000);
    EXPECT_EQ(v.income_line, 330000);
    EXPECT_TRUE(client_as("supervisor").exit_verdict(stored.id, 2026).meets);  // the county reads every file

    // What the village records on the file changes the verdict at once.
    stored.conditions.clothing_secure = false;
    stored.members.at(0).medical_insurance = false;
    stored = clerk.update_household(stored);
    v = clerk.exit_verdict(stored.id, 2026);
    EXPECT_FALSE(v.meets);
    ASSERT_EQ(v.shortfalls.size(), 2u);
    EXPECT_EQ(v.shortfalls[0].code, "clothing_insecure");
    EXPECT_EQ(v.shortfalls[1].code, "member_uninsured");
    EXPECT_NE(v.shortfalls[1].zh.find(stored.members.at(0).name), std::string::npos);

    r = client_as("reviewer_b").request(http_method::get, target);  // another township
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(code_of(r), "area_forbidden");
    EXPECT_EQ(clerk.request(http_method::get, "/api/v1/households/" + std::to_string(stored.id) + "/exit-verdict").status,
              400);  // the year is required
}

TEST_P(exit_standard, the_file_keeps_what_the_standard_reads) {
    auto h = test_data::sample_household({.group = group_a, .seed = 611});
    h.conditions.food_secure = true;
    h.conditions.clothing_secure = true;
    h.members.at(1).out_of_school_reason = "severe_disability";
    const auto stored = client_as("clerk_a").create_household(h, "");
    const auto back = client_as("reviewer_a").get_household(stored.id);
    EXPECT_TRUE(back.conditions.food_secure);
    EXPECT_TRUE(back.conditions.clothing_secure);
    EXPECT_EQ(back.members.at(1).out_of_school_reason, "severe_disability");
    auto wrong = h;
    wrong.members.at(1).out_of_school_reason = "lazy";
    const auto r = client_as("clerk_a").request(http_method::post, "/api/v1/households",
                                                common::to_json(wrong).dump());
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "members[1].out_of_school_reason");
}

INSTANTIATE_TEST_SUITE_P(backends, exit_standard, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
