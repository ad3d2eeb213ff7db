#include "common/member_change.hpp"

#include <gtest/gtest.h>

#include "common/household_validation.hpp"
#include "common/member_change_json.hpp"
#include "test_data/id_numbers.hpp"
#include "test_data/sample_household.hpp"

namespace {

using namespace fupin::common;
using fupin::test_data::sample_household;

const std::string today = "2026-09-01";

member newborn() { return fupin::test_data::sample_newborn(fupin::test_data::demo_id_number("20260801", 11)); }

member_change_request request(const std::string& kind) {
    member_change_request r;
    r.kind = kind;
    r.effective_on = "2026-08-01";
    r.reason = "出生医学证明 Q520000001";
    return r;
}

std::pair<std::string, std::string> refusal(household h, const member_change_request& r) {
    try {
        apply(h, r, today);
    } catch (const api_error& e) {
        EXPECT_FALSE(e.message(language::zh).empty());
        return {e.code(), e.field()};
    }
    return {"", ""};
}

TEST(member_change, a_birth_adds_the_member_and_the_per_capita_income_follows) {
    auto h = sample_household();
    derive(h);
    const auto before = h.per_capita_net_income;
    auto r = request("birth");
    r.added = newborn();
    const auto c = apply(h, r, today);
    EXPECT_EQ(c.kind, "birth");
    EXPECT_EQ(c.name, "王小宝");
    EXPECT_EQ(c.size_before, 3);
    EXPECT_EQ(c.size_after, 4);
    ASSERT_EQ(h.members.size(), 4u);
    derive(h);
    EXPECT_EQ(h.members.back().birth_date, "2026-08-01");  // from the ID number
    EXPECT_EQ(h.per_capita_net_income, before * 3 / 4);
    EXPECT_TRUE(find_problems(h, std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::month{9},
                                                             std::chrono::day{1}})
                    .empty());
}

TEST(member_change, a_death_removes_the_member_and_the_head_needs_an_heir) {
    auto h = sample_household();
    auto r = request("death");
    r.id_number = h.members.at(1).id_number;  // the spouse
    auto c = apply(h, r, today);
    EXPECT_EQ(c.name, "李秀英");
    EXPECT_EQ(h.members.size(), 2u);
    EXPECT_TRUE(c.new_head_name.empty());

    h = sample_household();
    r.id_number = h.members.at(0).id_number;  // the head
    EXPECT_EQ(refusal(h, r), std::make_pair(std::string("missing_field"), std::string("new_head_id_number")));
    r.new_head_id_number = "529901199999999999";
    EXPECT_EQ(refusal(h, r).second, "new_head_id_number");
    r.new_head_id_number = h.members.at(2).id_number;  // the son
    c = apply(h, r, today);
    EXPECT_EQ(c.new_head_name, "王小军");
    EXPECT_EQ(h.members.at(1).relation, "head");
    EXPECT_EQ(h.members.size(), 2u);
}

TEST(member_change, a_new_id_number_replaces_the_old_and_the_birth_date_is_read_again) {
    auto h = sample_household();
    auto r = request("id_number_change");
    r.id_number = h.members.at(2).id_number;
    r.new_id_number = fupin::test_data::demo_id_number("19920421", 13);  // the birth date was wrong by a day
    const auto c = apply(h, r, today);
    EXPECT_EQ(c.id_number, r.id_number);
    EXPECT_EQ(c.new_id_number, r.new_id_number);
    EXPECT_EQ(h.members.size(), 3u);
    derive(h);
    EXPECT_EQ(h.members.at(2).id_number, r.new_id_number);
    EXPECT_EQ(h.members.at(2).birth_date, "1992-04-21");

    // The spouse's disability certificate is made of her number: it follows the new one.
    h = sample_household();
    r.id_number = h.members.at(1).id_number;
    r.new_id_number = fupin::test_data::demo_id_number("19670816", 14);
    const auto suffix = h.members.at(1).disability_certificate.substr(18);
    apply(h, r, today);
    EXPECT_EQ(h.members.at(1).disability_certificate, r.new_id_number + suffix);
}

TEST(member_change, a_leaver_takes_his_migrant_income_out_of_the_wages) {
    auto h = sample_household();
    h.income.wages = 1'500'000;  // 15,000 yuan, 12,000 of them the son's
    auto r = request("marriage_out");
    r.id_number = h.members.at(2).id_number;
    const auto c = apply(h, r, today);
    EXPECT_EQ(c.income_removed, 1'200'000);
    EXPECT_EQ(h.income.wages, 300'000);
}

TEST(member_change, id_numbers_are_matched_as_the_file_stores_them) {
    // A number whose check character is X, written with a lowercase x by the clerk.
    std::string with_x;
    for (int seq = 0; with_x.empty() || with_x.back() != 'X'; ++seq)
        with_x = fupin::test_data::demo_id_number("19670815", seq);
    auto h = sample_household();
    h.members.at(1).id_number = with_x;
    h.members.at(1).disability_certificate = with_x + "43";
    auto lower = with_x;
    lower.back() = 'x';
    auto r = request("death");
    r.id_number = lower;
    EXPECT_EQ(apply(h, r, today).name, "李秀英");

    h = sample_household();
    r = request("id_number_change");
    r.id_number = h.members.at(1).id_number;
    r.new_id_number = lower;
    apply(h, r, today);
    EXPECT_EQ(h.members.at(1).id_number, with_x);
    r.id_number = with_x;  // the same number again, only its x written otherwise
    r.new_id_number = lower;
    EXPECT_EQ(refusal(h, r).second, "new_id_number");
}

TEST(member_change, what_is_wrong_is_refused_at_its_field) {
    const auto h = sample_household();
    auto r = request("adoption");
    EXPECT_EQ(refusal(h, r).second, "kind");
    r = request("death");
    r.id_number = h.members.at(1).id_number;
    r.effective_on = "2026-09-02";  // tomorrow
    EXPECT_EQ(refusal(h, r).second, "effective_on");
    r.effective_on = "2026-02-30";
    EXPECT_EQ(refusal(h, r).second, "effective_on");
    r.effective_on = "2026-08-01";
    r.reason.clear();
    EXPECT_EQ(refusal(h, r).first, "reason_required");
    r.reason = "  ";
    EXPECT_EQ(refusal(h, r).first, "reason_required");
    r.reason = "病故";
    r.id_number = "529901199999999999";
    EXPECT_EQ(refusal(h, r).second, "id_number");
    r.id_number.clear();
    EXPECT_EQ(refusal(h, r), std::make_pair(std::string("missing_field"), std::string("id_number")));
    r.id_number = h.members.at(1).id_number;
    r.new_head_id_number = h.members.at(2).id_number;  // the head stays
    EXPECT_EQ(refusal(h, r).second, "new_head_id_number");
    r.new_head_id_number.clear();
    r.added = newborn();  // a death adds no one
    EXPECT_EQ(refusal(h, r).second, "member");
    r = request("birth");
    EXPECT_EQ(refusal(h, r), std::make_pair(std::string("missing_field"), std::string("member")));
    r.added = newborn();
    r.effective_on = "2026-08-02";  // not the birth date in the number
    EXPECT_EQ(refusal(h, r).second, "effective_on");
    r = request("death");
    r.id_number = h.members.at(0).id_number;  // the head, naming himself as the new head
    r.new_head_id_number = r.id_number;
    EXPECT_EQ(refusal(h, r).second, "new_head_id_number");
    r = request("move_out");
    r.id_number = h.members.at(1).id_number;
    r.new_id_number = "529901199999999999";
    EXPECT_EQ(refusal(h, r).second, "new_id_number");
    r = request("id_number_change");
    r.id_number = h.members.at(1).id_number;
    r.new_id_number = r.id_number;
    EXPECT_EQ(refusal(h, r).second, "new_id_number");

    auto alone = sample_household({.size = 1});
    r = request("death");
    r.id_number = alone.members.at(0).id_number;
    EXPECT_EQ(refusal(alone, r).first, "last_member");
}

TEST(member_change, the_request_and_the_change_round_trip_as_json) {
    auto r = request("birth");
    r.added = newborn();
    const auto back = member_change_request_from_json(to_json(r));
    EXPECT_EQ(to_json(back), to_json(r));
    auto h = sample_household();
    auto c = apply(h, r, today);
    c.id = 4;
    c.household_id = 9;
    c.recorded_by = "clerk_a";
    c.recorded_at_ms = 1795946400000;
    EXPECT_EQ(to_json(member_change_from_json(to_json(c))), to_json(c));
}

}  // namespace
