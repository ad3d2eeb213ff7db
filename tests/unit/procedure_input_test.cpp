#include "common/procedure_input.hpp"

#include <gtest/gtest.h>

#include "common/api_error.hpp"
#include "tests/unit/refusal.hpp"

namespace {

using namespace fupin::common;

std::vector<std::string> panel_of(std::size_t n) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < n; ++i) names.push_back("评议员" + std::to_string(i + 1));
    return names;
}

appraisal_result result(std::int64_t id, int rank, int votes_for = 9, int against = 0, int abstain = 0) {
    appraisal_result r;
    r.application_id = id;
    r.final_rank = rank;
    r.votes_for = votes_for;
    r.votes_against = against;
    r.votes_abstain = abstain;
    return r;
}

using fupin::test::refusal;

TEST(procedure_input, panel_of_nine_to_fifteen_different_names) {
    EXPECT_EQ(refusal([] { check_panel(panel_of(9)); }).first, "");
    EXPECT_EQ(refusal([] { check_panel(panel_of(15)); }).first, "");
    EXPECT_EQ(refusal([] { check_panel(panel_of(8)); }), std::make_pair(std::string("invalid_panel"), std::string("panel")));
    EXPECT_EQ(refusal([] { check_panel(panel_of(16)); }).first, "invalid_panel");
    auto twice = panel_of(10);
    twice[9] = twice[0];
    EXPECT_EQ(refusal([&] { check_panel(twice); }).first, "invalid_panel");
}

TEST(procedure_input, a_panel_member_without_a_name_is_named_by_place) {
    auto names = panel_of(10);
    names[3] = "";
    EXPECT_EQ(refusal([&] { check_panel(names); }), std::make_pair(std::string("missing_field"), std::string("panel[3]")));
    names[3] = "张\x01三";
    EXPECT_EQ(refusal([&] { check_panel(names); }), std::make_pair(std::string("invalid_value"), std::string("panel[3]")));
    names[3] = std::string(51 * 3, 'a');
    EXPECT_EQ(refusal([&] { check_panel(names); }).first, "invalid_value");
}

TEST(procedure_input, every_verified_case_ranked_once_from_one_to_n) {
    const std::vector<std::int64_t> verified{11, 12, 13};
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(13, 1), result(11, 2), result(12, 3)}, verified, 9); }).first,
              "");
    // a rank twice, or a gap
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1), result(12, 1), result(13, 3)}, verified, 9); }),
              std::make_pair(std::string("invalid_ranking"), std::string("results")));
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1), result(12, 2), result(13, 4)}, verified, 9); }).first,
              "invalid_ranking");
    // a case that is not the village's, or one listed twice
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1), result(99, 2), result(13, 3)}, verified, 9); }),
              std::make_pair(std::string("invalid_ranking"), std::string("results[1].application_id")));
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1), result(11, 2), result(13, 3)}, verified, 9); }).second,
              "results[1].application_id");
}

TEST(procedure_input, a_case_left_out_is_named) {
    try {
        check_appraisal_results({result(11, 1)}, {11, 12, 13}, 9);
        FAIL() << "no error";
    } catch (const api_error& e) {
        EXPECT_EQ(e.code(), "cases_missing");
        EXPECT_NE(e.message(language::zh).find("12,13"), std::string::npos);
    }
}

TEST(procedure_input, votes_are_not_negative_nor_more_than_the_panel) {
    const std::vector<std::int64_t> verified{11};
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1, 5, 3, 1)}, verified, 9); }).first, "");
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1, 5, 3, 2)}, verified, 9); }),
              std::make_pair(std::string("invalid_votes"), std::string("results[0]")));
    EXPECT_EQ(refusal([&] { check_appraisal_results({result(11, 1, -1, 0, 0)}, verified, 9); }).first, "invalid_votes");
    // sums that would overflow an int are still refused
    EXPECT_EQ(refusal([&] {
                  check_appraisal_results({result(11, 1, 2'000'000'000, 2'000'000'000, 0)}, verified, 9);
              }).first,
              "invalid_votes");
}

TEST(procedure_input, a_reason_is_required_where_a_step_needs_one) {
    EXPECT_EQ(refusal([] { checked_text("", "reason", 10, true); }).first, "reason_required");
    EXPECT_EQ(refusal([] { checked_text("", "grounds", 10, true); }).first, "missing_field");
    EXPECT_EQ(refusal([] { checked_text("", "note", 10, false); }).first, "");
    EXPECT_EQ(refusal([] { checked_text("十一个字十一个字十一个", "note", 10, false); }).first, "invalid_value");
    EXPECT_EQ(checked_text("十个字十个字十个字十", "note", 10, false), "十个字十个字十个字十");
    EXPECT_EQ(refusal([] { checked_text("\xff", "note", 10, false); }).first, "invalid_value");
}

}  // namespace
