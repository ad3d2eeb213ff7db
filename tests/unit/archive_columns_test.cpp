// The archive as one table in the national form's columns: one row per member, the household's columns on
// every row, each cell written as a clerk's spreadsheet shows it.
#include "common/archive_columns.hpp"

#include <set>

#include <gtest/gtest.h>

#include "common/display_text.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::common {
namespace {

std::size_t column(const char* zh) {
    const auto& columns = archive_columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (std::string(columns[i].zh) == zh) return i;
    ADD_FAILURE() << "no column " << zh;
    return 0;
}

TEST(ArchiveColumns, EveryColumnHasADistinctHeaderInBothLanguages) {
    std::set<std::string> zh, en;
    for (const auto& c : archive_columns()) {
        EXPECT_TRUE(zh.insert(c.zh).second) << c.zh;
        EXPECT_TRUE(en.insert(c.en).second) << c.en;
        EXPECT_EQ(c.kind == column_kind::code, c.vocabulary != nullptr) << c.zh;
    }
    EXPECT_EQ(archive_header(language::zh).front(), "户编号");
    EXPECT_EQ(archive_header(language::en).front(), "File number");
}

TEST(ArchiveColumns, OneRowPerMemberWithTheHouseholdOnEveryRow) {
    const auto h = test_data::stored_sample_household();
    const auto rows = archive_rows({h, {}});
    ASSERT_EQ(rows.size(), h.members.size());
    for (std::size_t i = 0; i < rows.size(); ++i) {
        EXPECT_EQ(rows[i].size(), archive_columns().size());
        EXPECT_EQ(rows[i][column("户编号")].text, "12");
        EXPECT_EQ(rows[i][column("组代码")].text, h.group_code);
        EXPECT_EQ(rows[i][column("村")].text, "岩脚村");
        EXPECT_EQ(rows[i][column("姓名")].text, h.members[i].name);
        EXPECT_EQ(rows[i][column("身份证号")].text, h.members[i].id_number);
    }
    const auto& head = rows.front();
    EXPECT_EQ(head[column("与户主关系")].text, "户主");
    EXPECT_EQ(head[column("档案状态")].text, "待识别");
    EXPECT_EQ(head[column("工资性收入")].text, "1200.00");
    EXPECT_EQ(head[column("工资性收入")].number, 1200.0);
    EXPECT_EQ(head[column("人均纯收入")].text, plain_amount(h.per_capita_net_income));
    EXPECT_EQ(head[column("耕地面积")].text, "3.5");
    EXPECT_EQ(head[column("耕地面积")].number, 3.5);
    EXPECT_EQ(head[column("饮水困难")].text, "是");
    EXPECT_EQ(head[column("卫生厕所")].text, "否");
    EXPECT_EQ(head[column("民族")].text, "汉族");
    EXPECT_EQ(head[column("脱贫年度")].text, "");  // not exited
    EXPECT_FALSE(head[column("脱贫年度")].number);
    EXPECT_EQ(rows[1][column("残疾等级")].text, "3");
    EXPECT_EQ(rows[0][column("残疾等级")].text, "");
}

}  // namespace
}  // namespace fupin::common
