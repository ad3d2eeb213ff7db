#include "client/helper_printer.hpp"

#include <gtest/gtest.h>

#include <regex>

using namespace fupin::client;
using fupin::common::language;

namespace {

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

fupin::common::pairing pairing_of(std::int64_t id, const char* helper, const char* phone) {
    fupin::common::pairing p;
    p.id = id;
    p.household_id = 12;
    p.village_code = "529901101201";
    p.head_name = "王大山";
    p.helper_id = id + 100;
    p.helper_name = helper;
    p.helper_post = "副局长";
    p.helper_phone = phone;
    p.unit_name = "县农业农村局";
    p.started_at_ms = 1795946400000;  // 2026-11-29 18:00 in China
    p.started_by = "reviewer_a";
    p.start_reason = "结对";
    return p;
}

}  // namespace

TEST(helper_printer, a_households_helpers_and_their_history) {
    auto old = pairing_of(1, "李帮扶", "13900000001");
    old.ended_at_ms = 1795950000000;
    old.ended_by = "head_a";
    old.end_reason = "李帮扶调离";
    old.replaced_by = 2;
    const fupin::common::household_helpers h{
        12, {pairing_of(2, "张帮扶", "13900000002"), pairing_of(3, "刘帮扶", "13900000003")},
        {pairing_of(3, "刘帮扶", "13900000003"), pairing_of(2, "张帮扶", "13900000002"), old}};
    const auto text = helper_printer(language::zh).household_helpers(h);
    for (const char* part : {"户 12 的帮扶责任人（二帮一）", "张帮扶", "13900000002", "刘帮扶", "县农业农村局", "副局长",
                             "历史结对", "李帮扶调离（由结对 2 接替）", "head_a", "2026-11-29 18:00"})
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
    EXPECT_EQ(text.find("13900000001"), std::string::npos) << "an ended pairing's phone is not a contact\n" << text;

    const auto none = helper_printer(language::zh).household_helpers({12, {}, {}});
    EXPECT_TRUE(has(none, "尚无帮扶责任人")) << none;
    const auto english = helper_printer(language::en).household_helpers(h);
    EXPECT_TRUE(has(english, "Helpers of household 12 (two helpers)")) << english;
}

TEST(helper_printer, helpers_with_their_team_and_status) {
    fupin::common::helper a;
    a.id = 7;
    a.name = "赵志愿";
    a.unit_name = "县农业农村局";
    a.unit_level = "county";
    a.phone = "0851-5550123";
    a.volunteer_background = "technician";
    a.team_leader = true;
    a.households = 2;
    fupin::common::helper b = a;
    b.id = 8;
    b.name = "钱帮扶";
    b.volunteer_background.clear();
    b.team_leader = false;
    b.active = false;
    const auto table = helper_printer(language::zh).helper_table({a, b});
    for (const char* part : {"农技人员（队长）", "已停用", "在岗", "共 2 名帮扶责任人", "0851-5550123"})
        EXPECT_TRUE(has(table, part)) << part << "\n" << table;
    const auto detail = helper_printer(language::zh).helper(a);
    EXPECT_TRUE(has(detail, "县农业农村局（县直）")) << detail;
    EXPECT_TRUE(std::regex_search(detail, std::regex("结对户数 +2\n"))) << detail;
}
