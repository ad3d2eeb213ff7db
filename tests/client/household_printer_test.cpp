#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "client/household_printer.hpp"
#include "client/text_layout.hpp"
#include "test_data/sample_household.hpp"

using namespace fupin::client;
using fupin::common::language;

namespace {
bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }
}  // namespace

TEST(household_printer, chinese_household_has_labels_and_vocabulary_names) {
    const auto text = household_printer(language::zh).household(fupin::test_data::stored_sample_household());
    for (const char* part : {"户编号", "12（版本 3）", "户主", "王大山", "石门镇 (529901101)", "岩脚村", "三组", "待识别",
                             "危房", "饮水困难", "土路/泥路", "2,300.50 元", "人均纯收入", "因病", "缺劳力",
                             "长期慢性病", "户主", "小学", "弱劳动力或半劳动力", "承包地 3.5 亩", "家庭成员（3人）",
                             "2026-11-29 18:05", "3,000.00 元（耕牛1头）", "危房（C级危房）", "有效灌溉 1.5 亩",
                             "林地 10 亩", "2.5 公里", "柴草", "入户路类型", "卫生厕所"})
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
    EXPECT_FALSE(has(text, "dilapidated")) << text;
}

TEST(household_printer, english_household) {
    const auto text = household_printer(language::en).household(fupin::test_data::stored_sample_household());
    for (const char* part : {"Head", "dilapidated housing (grade C dilapidated)", "2,300.50 yuan", "illness",
                             "pending identification", "forest 10 mu", "2.5 km", "firewood and straw"})
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
    EXPECT_FALSE(has(text, "危房"));
}

TEST(household_printer, an_exited_household_shows_its_exit_year_and_transition) {
    auto h = fupin::test_data::stored_sample_household();
    h.status = "exited";
    h.exit_year = 2026;
    h.policies_until = 2029;
    EXPECT_TRUE(has(household_printer(language::zh).household(h), "已退出（2026 年脱贫，帮扶政策保持至 2029 年底）"));
    EXPECT_TRUE(has(household_printer(language::en).household(h), "exited (out of poverty in 2026; policies kept through 2029)"));
    // And the year it was registered, before.
    h.registered_year = 2016;
    EXPECT_TRUE(has(household_printer(language::zh).household(h),
                    "已退出（2016 年建档，2026 年脱贫，帮扶政策保持至 2029 年底）"));
    h.status = "registered";
    h.exit_year.reset();
    h.policies_until.reset();
    EXPECT_FALSE(has(household_printer(language::zh).household(h), "脱贫，"));
}

TEST(household_printer, unknown_codes_are_shown_as_they_are) {
    auto h = fupin::test_data::stored_sample_household();
    h.conditions.housing = "cave_dwelling";
    EXPECT_TRUE(has(household_printer(language::zh).household(h), "cave_dwelling"));
}

TEST(household_printer, list_table_aligns_cjk_columns) {
    auto a = fupin::test_data::stored_sample_household();
    auto b = fupin::test_data::stored_sample_household();
    b.id = 7;
    b.head_name = "欧阳小明明";
    b.village_name = "新寨村";
    b.per_capita_net_income = 123456789;
    b.status = "registered";
    const auto table = household_printer(language::zh).household_table({a, b});
    for (const char* part : {"户编号", "户主", "村", "组", "人口", "人均纯收入", "状态", "更新时间", "已建档立卡", "共 2 户",
                             "1,234,567.89"})
        EXPECT_TRUE(has(table, part)) << part << "\n" << table;

    // The village column starts at the same display column on the header and both rows.
    std::istringstream in(table);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    ASSERT_GE(lines.size(), 3u);
    const auto column_of = [](const std::string& line, const std::string& cell) {
        const auto pos = line.find(cell);
        return pos == std::string::npos ? std::size_t(-1) : display_width(line.substr(0, pos));
    };
    const auto header = column_of(lines[0], "村");
    EXPECT_EQ(column_of(lines[1], "岩脚村"), header) << table;
    EXPECT_EQ(column_of(lines[2], "新寨村"), header) << table;
    // Amounts are right-aligned: the rows end their per-capita cell at the same column.
    EXPECT_EQ(column_of(lines[1], "766.83") + display_width("766.83"),
              column_of(lines[2], "1,234,567.89") + display_width("1,234,567.89"))
        << table;
}

TEST(household_printer, next_page_hint) {
    household_printer zh(language::zh);
    EXPECT_EQ(zh.next_page_hint(""), "");
    EXPECT_TRUE(has(zh.next_page_hint("abc"), "--page-token abc"));
}

TEST(household_printer, validation_error_names_the_field_in_chinese) {
    const auto e = client_error::from_response(422, "invalid_id_number", "第1位家庭成员的身份证号有误:校验码错误",
                                               "members[0].id_number");
    const auto text = household_printer(language::zh).error(e);
    EXPECT_TRUE(has(text, "错误：第1位家庭成员的身份证号有误:校验码错误")) << text;
    EXPECT_TRUE(has(text, "字段：第1位家庭成员·身份证号（members[0].id_number）")) << text;
    EXPECT_TRUE(has(text, "invalid_id_number")) << text;
    EXPECT_TRUE(has(text, "422")) << text;

    const auto en = household_printer(language::en).error(
        client_error::from_response(422, "invalid_id_number", "check digit is wrong", "members[0].id_number"));
    EXPECT_TRUE(has(en, "Field: members[0].id_number")) << en;
}

TEST(household_printer, person_already_registered_says_where) {
    const auto e = client_error::from_response(
        409, "person_already_registered", "该身份证号已登记在其他户", "members[1].id_number",
        {{"township_code", "529901101"}, {"township_name", "石门镇"}, {"village_code", "529901101201"},
         {"village_name", "岩脚村"}, {"household_id", 12}});
    const auto text = household_printer(language::zh).error(e);
    EXPECT_TRUE(has(text, "已登记在：石门镇 (529901101) 岩脚村 (529901101201)，户编号 12")) << text;
}

TEST(household_printer, version_conflict_tells_what_to_do) {
    const auto e = client_error::from_response(409, "version_conflict", "档案已被他人修改", {}, {{"current_version", 4}});
    const auto text = household_printer(language::zh).error(e);
    EXPECT_TRUE(has(text, "当前版本是 4")) << text;
    EXPECT_TRUE(has(text, "household show")) << text;
}

TEST(household_printer, transport_errors) {
    household_printer zh(language::zh);
    EXPECT_TRUE(has(zh.error(client_error(error_kind::unreachable, "connection refused")), "无法连接县服务器"));
    EXPECT_TRUE(has(zh.error(client_error(error_kind::tls, "tlsv13 alert certificate required")), "证书"));
    EXPECT_TRUE(has(zh.error(client_error(error_kind::tls, "tlsv13 alert certificate required")),
                    "tlsv13 alert certificate required"));
    EXPECT_TRUE(has(zh.error(client_error(error_kind::protocol, "not JSON")), "无法识别"));
    EXPECT_TRUE(has(zh.error(client_error::from_response(503, "server_busy", "服务器繁忙", {}, nullptr, 1)), "1 秒后重试"));
}

TEST(household_printer, local_problems_are_numbered) {
    const std::vector<fupin::common::api_error> problems{
        fupin::common::api_error::invalid_field("address", "missing_field", "家庭住址不能为空", "address: is required"),
        fupin::common::api_error::invalid_field("income.year", "missing_field", "收入年度不能为空", "income.year: is required")};
    const auto text = household_printer(language::zh).local_problems(problems);
    EXPECT_TRUE(has(text, "共 2 处问题")) << text;
    EXPECT_TRUE(has(text, "1. 家庭住址不能为空")) << text;
    EXPECT_TRUE(has(text, "2. 收入年度不能为空")) << text;
    EXPECT_TRUE(has(text, "收入·年度（income.year）")) << text;
}

TEST(household_printer, health) {
    const nlohmann::json status{{"status", "ok"}, {"service", "county-server"}, {"version", "0.1.0"},
                                {"database", "sqlite"}, {"caller_area", "529901101"}, {"time", "2026-11-29T10:00:00.000Z"}};
    const auto text = household_printer(language::zh).health(status);
    for (const char* part : {"县服务器运行正常", "county-server 0.1.0", "sqlite", "529901101", "2026-11-29 18:00"})
        EXPECT_TRUE(has(text, part)) << part << "\n" << text;
}
