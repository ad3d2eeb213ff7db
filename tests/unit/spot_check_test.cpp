// What a spot check's record must say (common/spot_check): the verdict, the findings and the follow-up tell one
// story, and the plan's numbers.
#include <gtest/gtest.h>

#include "common/spot_check.hpp"
#include "common/spot_check_json.hpp"
#include "tests/unit/refusal.hpp"

namespace fupin::common {
namespace {

using test::refusal;
using pair = std::pair<std::string, std::string>;

spot_check_result accurate() {
    spot_check_result r;
    r.checked_on = "2026-12-01";
    r.method = "home_visit";
    r.findings = {{"members", true, ""}, {"income", true, ""}};
    r.verdict = "accurate";
    r.follow_up = "none";
    return r;
}

TEST(spot_check, a_record_s_verdict_findings_and_follow_up_agree) {
    EXPECT_EQ(refusal([] { check_spot_check_result(accurate()); }), pair("", ""));
    auto r = accurate();
    r.findings[1] = {"income", false, "家中有稳定经营收入约3万元"};
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("invalid_value", "verdict"));
    r.verdict = "inaccurate";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("invalid_value", "follow_up"));
    r.follow_up = "correction";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("", ""));
    r.findings[1].found.clear();  // a wrong field says what was found
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("missing_field", "findings[1].found"));

    r = accurate();
    r.verdict = "inaccurate";
    r.follow_up = "correction";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("invalid_value", "findings"));  // nothing wrong
    r = accurate();
    r.verdict = "should_exit";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("invalid_value", "follow_up"));
    r.follow_up = "exit";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("", ""));
    r.verdict = "should_enter";
    r.follow_up = "identification";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("", ""));

    r = accurate();
    r.method = "rumour";
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("invalid_value", "method"));
    r = accurate();
    r.findings.push_back({"members", true, ""});
    EXPECT_EQ(refusal([&] { check_spot_check_result(r); }), pair("invalid_value", "findings[2].field"));
}

TEST(spot_check, a_plan_s_numbers_and_seed) {
    EXPECT_EQ(refusal([] { check_spot_check_plan({2026, 5, 10, "2027-H1"}); }), pair("", ""));
    EXPECT_EQ(refusal([] { check_spot_check_plan({2026, 0, 10, "s"}); }), pair("invalid_value", "share_percent"));
    EXPECT_EQ(refusal([] { check_spot_check_plan({2026, 101, 10, "s"}); }), pair("invalid_value", "share_percent"));
    EXPECT_EQ(refusal([] { check_spot_check_plan({2026, 5, 0, "s"}); }), pair("invalid_value", "minimum"));
    EXPECT_EQ(refusal([] { check_spot_check_plan({2026, 5, 10, ""}); }), pair("invalid_value", "seed"));
    EXPECT_EQ(refusal([] { check_spot_check_plan({2026, 5, 10, "有 空格"}); }), pair("invalid_value", "seed"));
    auto none = spot_check_result{};
    none.checked_on = "2026-12-01";
    none.method = "phone";
    none.verdict = "accurate";
    none.follow_up = "none";
    EXPECT_EQ(refusal([&] { check_spot_check_result(none); }), pair("invalid_value", "findings"));
}

TEST(spot_check, a_request_with_an_unknown_key_is_refused) {
    const auto j = to_json(accurate());
    auto request = nlohmann::json{{"checked_on", j["checked_on"]}, {"method", j["method"]}, {"findings", j["findings"]},
                                  {"verdict", j["verdict"]}, {"follow_up", j["follow_up"]}};
    EXPECT_EQ(spot_check_result_from_request(request).findings.size(), 2u);
    request["checked_by"] = "someone else";  // the server's to set
    EXPECT_EQ(refusal([&] { spot_check_result_from_request(request); }).first, "unknown_field");
    request.erase("checked_by");
    request["findings"][0].erase("correct");  // right or wrong must be said
    EXPECT_EQ(refusal([&] { spot_check_result_from_request(request); }), pair("missing_field", "findings[0].correct"));
}

}  // namespace
}  // namespace fupin::common
