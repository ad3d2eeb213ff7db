// Other departments' lists as files (common/department_list_file, csv_reader, text_encoding) and the rules of
// the flags they raise (common/department_check): what is read, what is refused with which row named, and how
// a flag's reason reads.
#include <gtest/gtest.h>

#include <chrono>

#include "common/csv_reader.hpp"
#include "common/department_check.hpp"
#include "common/department_list_file.hpp"
#include "common/text_encoding.hpp"
#include "common/vocabulary.hpp"
#include "test_data/id_numbers.hpp"

namespace fupin::common {
namespace {

using namespace std::chrono;

constexpr year_month_day today{year{2027}, month{6}, day{1}};

std::string person(int sequence) { return test_data::demo_id_number("19800101", sequence); }

TEST(csv_reader, reads_quoted_fields_with_commas_quotes_and_line_breaks) {
    const auto t = read_csv("a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3", 10);
    ASSERT_TRUE(t.ok()) << t.error_en;
    ASSERT_EQ(t.records.size(), 3u);
    EXPECT_EQ(t.records[1].fields, (std::vector<std::string>{"x, y", "say \"hi\"", "two\nlines"}));
    EXPECT_EQ(t.records[1].line, 2);
    EXPECT_EQ(t.records[2].line, 5);  // the quoted line break counted, the empty line skipped
    EXPECT_EQ(t.records[2].fields, (std::vector<std::string>{"1", "", "3"}));
}

TEST(csv_reader, refuses_a_mangled_file_naming_the_line) {
    EXPECT_EQ(read_csv("a,b\n\"open,b\n", 10).error_line, 2);
    EXPECT_EQ(read_csv("a,b\nx\"y,b\n", 10).error_line, 2);
    EXPECT_EQ(read_csv("a,b\n\"x\"y,b\n", 10).error_line, 2);
    const auto cleared_rows = read_csv("a,b\n,\n1,2\n\"\",\n", 10);  // rows a spreadsheet cleared
    ASSERT_TRUE(cleared_rows.ok());
    EXPECT_EQ(cleared_rows.records.size(), 2u);
    const auto too_long = read_csv("a\nb\nc\n", 2);
    EXPECT_FALSE(too_long.ok());
    EXPECT_EQ(too_long.error_line, 3);
}

TEST(text_encoding, tells_utf8_from_gb18030_and_converts_the_latter) {
    auto utf8 = decode_utf8_or_gb18030("\xEF\xBB\xBF身份证号");
    ASSERT_TRUE(utf8);
    EXPECT_EQ(utf8->encoding, "utf-8");
    EXPECT_EQ(utf8->text, "身份证号");  // the byte-order mark dropped
    // 王 and U+20000, a rare character GB18030 writes in four bytes.
    auto gb = decode_utf8_or_gb18030("\xCD\xF5\x95\x32\x82\x36");
    ASSERT_TRUE(gb);
    EXPECT_EQ(gb->encoding, "gb18030");
    EXPECT_EQ(gb->text, "王\xF0\xA0\x80\x80");
    EXPECT_FALSE(decode_utf8_or_gb18030("\xCD"));  // a character cut off
    // GB18030's own byte-order mark is dropped too; UTF-8's on bytes that are not UTF-8 is a damaged file.
    auto gb_bom = decode_utf8_or_gb18030("\x84\x31\x95\x33\xCD\xF5");
    ASSERT_TRUE(gb_bom);
    EXPECT_EQ(gb_bom->text, "王");
    EXPECT_FALSE(decode_utf8_or_gb18030("\xEF\xBB\xBF\xCD\xF5"));
}

TEST(department_list_file, reads_a_utf8_list_with_its_columns_in_any_order) {
    auto wrong_digit = person(2);
    wrong_digit.back() = wrong_digit.back() == '0' ? '1' : '0';
    const auto f = read_department_list("序号,明细,身份证号码,姓名,登记日期\n1,轿车一辆," + person(1) + ",王某,2027-03\n2,," +
                                            wrong_digit + ",李某,\n",
                                        today);
    ASSERT_FALSE(f.ok());
    EXPECT_EQ(f.problem_count, 1u);
    EXPECT_EQ(f.problems[0].line, 3);
    EXPECT_EQ(f.problems[0].column, "id_number");
    EXPECT_NE(f.problems[0].zh.find("第 3 行"), std::string::npos) << f.problems[0].zh;

    const auto good = read_department_list("序号,明细,身份证号码,姓名,登记日期\n1,轿车一辆," + person(1) +
                                               ",王某,2027-03\n2,,\" " + person(3) + " \",,2027-05-31\n",
                                           today);
    ASSERT_TRUE(good.ok()) << good.problems[0].en;
    EXPECT_EQ(good.encoding, "utf-8");
    ASSERT_EQ(good.rows.size(), 2u);
    EXPECT_EQ(good.rows[0].id_number, person(1));
    EXPECT_EQ(good.rows[0].name, "王某");
    EXPECT_EQ(good.rows[0].detail, "轿车一辆");
    EXPECT_EQ(good.rows[0].recorded_on, "2027-03");
    EXPECT_EQ(good.rows[0].line, 2);
    EXPECT_EQ(good.rows[1].id_number, person(3));  // spaces around it trimmed
    const auto wide_spaces = read_department_list("身份证号,姓名\n" + person(4) + "　,\xC2\xA0王某　\n", today);
    ASSERT_TRUE(wide_spaces.ok()) << wide_spaces.problems[0].en;
    EXPECT_EQ(wide_spaces.rows[0].name, "王某");
    EXPECT_EQ(good.rows[1].recorded_on, "2027-05-31");
}

TEST(department_list_file, reads_a_gb18030_list) {
    const std::string header = "\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5\x2C\xD0\xD5\xC3\xFB\x2C\xC3\xF7\xCF\xB8\x2C\xC8\xD5\xC6\xDA\x0D\x0A";
    const auto f = read_department_list(header + person(5) + ",\xCD\xF5\x95\x32\x82\x36,\xBD\xCE\xB3\xB5\xD2\xBB\xC1\xBE,2027-03\r\n", today);
    ASSERT_TRUE(f.ok()) << f.problems[0].en;
    EXPECT_EQ(f.encoding, "gb18030");
    ASSERT_EQ(f.rows.size(), 1u);
    EXPECT_EQ(f.rows[0].name, "王\xF0\xA0\x80\x80");
    EXPECT_EQ(f.rows[0].detail, "轿车一辆");
}

TEST(department_list_file, names_every_bad_row_in_chinese) {
    const auto f = read_department_list("身份证号,姓名,日期\n" + person(1) + ",甲,2027-13\n" + "12345,乙,\n" + ",丙,\n" +
                                            person(4) + ",丁\n" + person(6) + ",戊,2027-02\n",
                                        today);
    EXPECT_FALSE(f.ok());
    ASSERT_EQ(f.problem_count, 4u);
    EXPECT_EQ(f.problems[0].line, 2);
    EXPECT_EQ(f.problems[0].column, "date");
    EXPECT_EQ(f.problems[1].line, 3);
    EXPECT_EQ(f.problems[1].column, "id_number");
    EXPECT_NE(f.problems[1].zh.find("第 3 行"), std::string::npos);
    EXPECT_EQ(f.problems[2].line, 4);
    EXPECT_EQ(f.problems[2].zh, "第 4 行：身份证号为空");
    EXPECT_EQ(f.problems[3].line, 5);
    EXPECT_NE(f.problems[3].zh.find("有 2 列，表头有 3 列"), std::string::npos) << f.problems[3].zh;
}

TEST(department_list_file, refuses_files_without_the_id_column_or_rows_or_in_another_encoding) {
    EXPECT_EQ(read_department_list("姓名,明细\n王某,轿车\n", today).problems.at(0).column, "id_number");
    EXPECT_EQ(read_department_list("身份证号\n", today).problem_count, 1u);
    EXPECT_EQ(read_department_list("", today).problem_count, 1u);
    EXPECT_EQ(read_department_list("身份证号,证件号码\n", today).problems.at(0).column, "id_number");  // twice
    const auto binary = read_department_list(std::string("\x80\xFF\xFE", 3), today);
    ASSERT_EQ(binary.problem_count, 1u);
    EXPECT_EQ(binary.problems[0].line, 0);
}

TEST(department_check, every_kind_of_list_has_its_rule) {
    for (const auto& kind : vocabulary::department_list_kinds.entries)
        EXPECT_FALSE(default_source(kind.code).empty()) << kind.code << " has no row in department_check.cpp";
}

TEST(department_check, the_four_excluding_kinds_hold_identification_and_the_others_inform) {
    for (const char* kind : {"vehicle", "commercial_housing", "business", "state_payroll"}) EXPECT_TRUE(excludes(kind));
    for (const char* kind : {"dibao", "tekun", "disability", "unknown"}) EXPECT_FALSE(excludes(kind));
    EXPECT_EQ(default_source("vehicle"), "公安车管");
    EXPECT_EQ(default_source("dibao"), "民政");
}

TEST(department_check, a_flag_s_reason_names_the_member_the_finding_the_source_and_the_date) {
    household_flag f;
    f.kind = "vehicle";
    f.member_name = "王某";
    f.detail = "轿车一辆";
    f.source = "公安车管";
    f.recorded_on = "2027-03";
    f.excluding = true;
    f.holds = true;
    EXPECT_EQ(flag_reason(f, language::zh), "成员王某名下有机动车：轿车一辆（公安车管，2027-03）");
    EXPECT_EQ(flag_reason(f, language::en), "member 王某 owns a motor vehicle: 轿车一辆 (公安车管, 2027-03)");
    f.detail.clear();
    f.recorded_on.clear();
    EXPECT_EQ(flag_reason(f, language::zh), "成员王某名下有机动车（公安车管）");
    ASSERT_EQ(excluding_reasons({f}).size(), 1u);
    EXPECT_EQ(excluding_reasons({f})[0].code, "department_flag");
    f.holds = false;  // cleared, or its member gone (the repository reads it)
    EXPECT_TRUE(excluding_reasons({f}).empty());
}

}  // namespace
}  // namespace fupin::common
