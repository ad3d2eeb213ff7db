// The outcome of a review round's entry (common/review_round): flagged when the figures contradict the file,
// proposed for exit when the standard is met, else it stays with what it lacks.
#include <gtest/gtest.h>

#include "common/household_validation.hpp"
#include "common/review_round.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::common {
namespace {

household meeting_file() {
    auto h = test_data::sample_household({.group = "529901100201001", .seed = 1, .size = 1});
    h.conditions.food_secure = h.conditions.clothing_secure = true;
    h.conditions.housing = "safe";
    h.conditions.housing_danger_grade.clear();
    h.conditions.drinking_water_safe = true;
    h.conditions.drinking_water_difficult = false;
    for (auto& m : h.members) m.medical_insurance = true;
    return h;
}

review_entry opened_with(money_fen per_capita, int size) {
    review_entry e;
    e.per_capita_before = per_capita;
    e.size_before = size;
    return e;
}

const exit_standard standard{2026, 330000, 3, "admin", 0};

TEST(review_round, above_the_exit_line_without_a_contradiction_is_proposed_for_exit) {
    auto h = meeting_file();
    h.income.wages += 115000;  // 3,450.50 a head from 2,300.50
    derive(h);
    auto e = opened_with(230050, 1);
    judge_review_entry(e, h, standard, "2026-12-01");
    EXPECT_EQ(e.outcome, "proposed_exit");
    EXPECT_TRUE(e.reasons.empty());
    EXPECT_EQ(e.per_capita_after, 345050);
    // No standard set for the year: it stays, with no reason given.
    e = opened_with(230050, 1);
    judge_review_entry(e, h, std::nullopt, "2026-12-01");
    EXPECT_EQ(e.outcome, "stays");
}

TEST(review_round, an_income_that_more_than_doubles_or_members_gone_are_flagged_first) {
    auto h = meeting_file();
    h.income.wages += 3 * 230050;
    derive(h);
    auto e = opened_with(230050, 1);
    judge_review_entry(e, h, standard, "2026-12-01");
    EXPECT_EQ(e.outcome, "flagged");
    ASSERT_EQ(e.reasons.size(), 1u);
    EXPECT_EQ(e.reasons[0].code, "income_jump");
    // Exactly double is not more than double.
    auto twice = meeting_file();
    twice.income.wages += 230050;
    derive(twice);
    e = opened_with(230050, 1);
    judge_review_entry(e, twice, standard, "2026-12-01");
    EXPECT_EQ(e.outcome, "proposed_exit");
    // From nothing: a rise of 1,000 yuan or more is a contradiction, a small one is not.
    e = opened_with(0, 1);
    judge_review_entry(e, h, standard, "2026-12-01");
    EXPECT_EQ(e.outcome, "flagged");
    e = opened_with(230050 - 50000, 1);  // up by 500 yuan and less than double: no jump
    judge_review_entry(e, meeting_file(), std::nullopt, "2026-12-01");
    EXPECT_EQ(e.outcome, "stays");
    // A member gone since the round opened.
    e = opened_with(230050, 2);
    judge_review_entry(e, meeting_file(), standard, "2026-12-01");
    EXPECT_EQ(e.outcome, "flagged");
    EXPECT_EQ(e.reasons.at(0).code, "members_gone");
    EXPECT_EQ(e.size_after, 1);
}

TEST(review_round, short_of_the_standard_it_stays_with_what_it_lacks) {
    auto h = meeting_file();
    h.conditions.food_secure = false;
    derive(h);
    auto e = opened_with(230050, 1);
    judge_review_entry(e, h, standard, "2026-12-01");
    EXPECT_EQ(e.outcome, "stays");
    bool food = false;
    for (const auto& r : e.reasons) food = food || r.code == "food_insecure";
    EXPECT_TRUE(food);
}

}  // namespace
}  // namespace fupin::common
