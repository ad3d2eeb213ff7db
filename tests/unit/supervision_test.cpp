// The supervision's one rule (common/supervision.hpp): indicators from a township's figures, the weighted score
// over the indicators it has, competition ranks; the weights' and notes' checks; the JSON both ends read.
#include <gtest/gtest.h>

#include "common/api_error.hpp"
#include "common/supervision.hpp"
#include "common/supervision_json.hpp"

namespace fupin::common {
namespace {

supervision_weights weights(int progress, int completeness, int objections, int spot_checks) {
    return {2026, progress, completeness, objections, spot_checks, "approver", 1};
}

township_standing township(const std::string& code, supervision_figures f) {
    township_standing t;
    t.township_code = code;
    t.township_name = "乡镇" + code.substr(6);
    t.figures = f;
    return t;
}

TEST(Supervision, TheScoreIsTheWeightedMeanOfTheIndicatorsATownshipHas) {
    std::vector<township_standing> ts{
        // 1 of 2 cases overdue (500), 2 of 2 files complete (1000), 1 of the 2 cases on the county's posting
        // with an upheld objection (500), 1 of 1 checked accurate (1000): (500·40 + 1000·30 + 500·15 + 1000·15)
        // ÷ 100 = 725.
        township("529901100", {.cases = 2, .cases_overdue = 1, .cases_posted_by_county = 2, .cases_with_objection = 1,
                               .registered = 2, .complete_files = 2, .checked = 1, .accurate = 1}),
        // No case and nothing checked: scored on completeness alone, 1 of 3 = 333 per mille.
        township("529901101", {.registered = 3, .complete_files = 1}),
        // Nothing at all to judge by: no score, no rank.
        township("529901102", {}),
    };
    rank_townships(weights(40, 30, 15, 15), ts);
    ASSERT_EQ(ts.size(), 3u);
    EXPECT_EQ(ts[0].township_code, "529901100");
    EXPECT_EQ(ts[0].indicators.progress, 500);
    EXPECT_EQ(ts[0].indicators.completeness, 1000);
    EXPECT_EQ(ts[0].indicators.objections, 500);
    EXPECT_EQ(ts[0].indicators.spot_checks, 1000);
    EXPECT_EQ(ts[0].score, 725);
    EXPECT_EQ(ts[0].rank, 1);
    EXPECT_EQ(ts[1].township_code, "529901101");
    EXPECT_FALSE(ts[1].indicators.progress.has_value());
    EXPECT_FALSE(ts[1].indicators.spot_checks.has_value());
    EXPECT_EQ(ts[1].score, 333);
    EXPECT_EQ(ts[1].rank, 2);
    EXPECT_EQ(ts[2].township_code, "529901102");
    EXPECT_FALSE(ts[2].score.has_value());
    EXPECT_FALSE(ts[2].rank.has_value());
    EXPECT_EQ(format_score(*ts[0].score), "72.5");
    EXPECT_EQ(format_indicator(ts[1].indicators.completeness), "33.3%");
    EXPECT_EQ(format_indicator(std::nullopt), "—");
    EXPECT_EQ(indicator_basis(ts[0].figures, "progress"), "1/2");
    EXPECT_EQ(indicator_basis(ts[0].figures, "objections"), "1/2");
    EXPECT_EQ(indicator_basis(ts[2].figures, "spot_checks"), "");
}

TEST(Supervision, EqualScoresShareARankAndTheNextCountsThemAll) {
    std::vector<township_standing> ts{township("529901103", {.registered = 4, .complete_files = 1}),
                                      township("529901101", {.registered = 2, .complete_files = 2}),
                                      township("529901102", {.registered = 1, .complete_files = 1}),
                                      township("529901100", {.registered = 4, .complete_files = 3})};
    rank_townships(weights(25, 25, 25, 25), ts);
    EXPECT_EQ(ts[0].township_code, "529901101");  // equal scores by code
    EXPECT_EQ(ts[0].rank, 1);
    EXPECT_EQ(ts[1].township_code, "529901102");
    EXPECT_EQ(ts[1].rank, 1);
    EXPECT_EQ(ts[2].rank, 3);
    EXPECT_EQ(ts[3].rank, 4);
}

TEST(Supervision, AnIndicatorWeightedZeroDoesNotCount) {
    std::vector<township_standing> ts{township("529901100", {.cases = 4, .cases_overdue = 4, .registered = 1, .complete_files = 1})};
    rank_townships(weights(0, 100, 0, 0), ts);
    EXPECT_EQ(ts[0].indicators.progress, 0);
    EXPECT_EQ(ts[0].score, 1000);
}

TEST(Supervision, WeightsAddUpToAHundredAndNotesAreChecked) {
    EXPECT_NO_THROW(validate_supervision_weights(weights(40, 30, 15, 15)));
    try {
        validate_supervision_weights(weights(40, 30, 20, 20));
        FAIL();
    } catch (const api_error& e) {
        EXPECT_EQ(e.status(), 422);
        EXPECT_EQ(e.field(), "weights");
    }
    EXPECT_THROW(validate_supervision_weights(weights(-10, 60, 25, 25)), api_error);
    EXPECT_THROW(validate_supervision_weights(weights(101, 0, 0, -1)), api_error);

    supervision_note n{0, 2026, "529901100", "commendation", "识别精准，资料齐全", "", 0};
    EXPECT_NO_THROW(validate_supervision_note(n));
    auto bad = n;
    bad.kind = "praise";
    EXPECT_THROW(validate_supervision_note(bad), api_error);
    bad = n;
    bad.township_code = "529901100201";  // a village
    EXPECT_THROW(validate_supervision_note(bad), api_error);
    bad.township_code = "abcdefghi";
    EXPECT_THROW(validate_supervision_note(bad), api_error);
    bad = n;
    bad.text = "";
    EXPECT_THROW(validate_supervision_note(bad), api_error);
    bad.text = std::string(1001, 'x');
    EXPECT_THROW(validate_supervision_note(bad), api_error);
}

TEST(Supervision, TheRequestsAreReadStrictlyAndTheRankingComesBackWhole) {
    const auto w = supervision_weights_request(
        nlohmann::json{{"progress", 40}, {"completeness", 30}, {"objections", 15}, {"spot_checks", 15}}, 2026);
    EXPECT_EQ(w.year, 2026);
    EXPECT_EQ(w.objections, 15);
    try {
        supervision_weights_request(nlohmann::json{{"progress", 100}}, 2026);
        FAIL();
    } catch (const api_error& e) {
        EXPECT_EQ(e.code(), "missing_field");
        EXPECT_EQ(e.field(), "completeness");
    }
    // The request is read, not judged: the service checks the weights after the caller's role.
    EXPECT_NO_THROW(supervision_weights_request(
        nlohmann::json{{"progress", 90}, {"completeness", 90}, {"objections", 0}, {"spot_checks", 0}}, 2026));
    EXPECT_THROW(supervision_weights_request(nlohmann::json{{"progress", 40}, {"completeness", 30}, {"objections", 15},
                                                            {"spot_checks", 15}, {"extra", 0}},
                                             2026),
                 api_error);
    EXPECT_THROW(validate_supervision_note(
                     supervision_note_request(nlohmann::json{{"township_code", "529901100"}, {"kind", "criticism"}}, 2026)),
                 api_error);
    EXPECT_THROW(supervision_note_request(nlohmann::json{{"township_code", 529901100}}, 2026), api_error);

    supervision_ranking r;
    r.year = 2026;
    r.area_code = "529901";
    r.as_of = "2026-12-07";
    r.weights = weights(40, 30, 15, 15);
    r.townships = {township("529901100", {.cases = 2, .cases_overdue = 1, .registered = 1, .complete_files = 1}),
                   township("529901101", {})};
    rank_townships(r.weights, r.townships);
    r.townships_ranked = 1;
    r.townships[0].notes.push_back({3, 2026, "529901100", "criticism", "超期未办结", "supervisor", 1796083200000});
    const auto back = supervision_ranking_from_json(to_json(r));
    EXPECT_EQ(to_json(back), to_json(r));
    EXPECT_EQ(back.townships[0].notes.at(0).text, "超期未办结");
    EXPECT_FALSE(back.townships[1].score.has_value());
}

}  // namespace
}  // namespace fupin::common
