// An archive read back from a spreadsheet in the export's columns: the export's own rows come back as the same
// files, and every kind of mistake a clerk's spreadsheet holds is named by its row and column.
#include "common/archive_table_reader.hpp"

#include <gtest/gtest.h>

#include "common/archive_import_json.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::common {
namespace {

using namespace std::chrono;
constexpr year_month_day today{year{2026}, November, day{29}};

std::vector<std::string> texts(const std::vector<archive_cell>& cells) {
    std::vector<std::string> out;
    for (const auto& c : cells) out.push_back(c.text);
    return out;
}

std::size_t column(const char* zh) {
    const auto& columns = archive_columns();
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (std::string(columns[i].zh) == zh) return i;
    ADD_FAILURE() << "no column " << zh;
    return 0;
}

// A spreadsheet of the export's header and the rows of `files`, each numbered as the export numbers them.
struct sheet {
    std::vector<std::string> header = archive_header(language::zh);
    std::vector<std::vector<std::string>> rows;

    void add(household h, std::int64_t number) {
        h.id = number;
        for (const auto& r : archive_rows({h, {}})) rows.push_back(texts(r));
    }
    archive_table_reader::result read() const {
        archive_table_reader reader(header, 1);
        for (std::size_t i = 0; i < rows.size(); ++i) reader.add_row(static_cast<int>(i + 2), rows[i]);
        return reader.finish(today);
    }
};

household without_server_fields(household h) {
    h.id = 0;
    h.township_name.clear();
    h.village_name.clear();
    h.group_name.clear();
    derive(h);
    return h;
}

TEST(ArchiveTableReader, TheExportsRowsComeBackAsTheSameFiles) {
    sheet s;
    auto a = test_data::sample_household({.seed = 1, .size = 4});
    auto b = test_data::sample_household({.seed = 2, .size = 2});
    b.status = "exited";
    b.registered_year = 2016;
    b.exit_year = 2019;
    a.status = "registered";
    a.registered_year = 2015;
    s.add(a, 7);
    s.add(b, 8);
    const auto result = s.read();
    ASSERT_TRUE(result.problems.empty()) << result.problems.named.front().row << " " << result.problems.named.front().zh;
    ASSERT_EQ(result.files.size(), 2u);
    EXPECT_EQ(result.rows, 6u);
    EXPECT_EQ(result.people, 6u);
    EXPECT_EQ(result.files[0].first_row, 2);
    EXPECT_EQ(result.files[0].rows, (std::vector<int>{2, 3, 4, 5}));
    EXPECT_EQ(result.files[1].first_row, 6);
    EXPECT_EQ(to_json(result.files[0].file), to_json(without_server_fields(a)));
    EXPECT_EQ(to_json(result.files[1].file), to_json(without_server_fields(b)));
}

TEST(ArchiveTableReader, EnglishHeadersColumnsInAnyOrderAndRowsOfAHouseholdApart) {
    const auto a = test_data::sample_household({.seed = 3, .size = 2});
    const auto b = test_data::sample_household({.seed = 4, .size = 1});
    sheet s;
    s.header = archive_header(language::en);
    s.add(a, 1);
    s.add(b, 2);
    std::swap(s.rows[1], s.rows[2]);  // a's second member after b
    // The columns reversed.
    std::reverse(s.header.begin(), s.header.end());
    for (auto& r : s.rows) std::reverse(r.begin(), r.end());
    const auto result = s.read();
    ASSERT_TRUE(result.problems.empty()) << result.problems.named.front().zh;
    ASSERT_EQ(result.files.size(), 2u);
    EXPECT_EQ(result.files[0].rows, (std::vector<int>{2, 4}));
    EXPECT_EQ(result.files[0].file.members.size(), 2u);
    EXPECT_EQ(result.files[0].file.members[1].name, a.members[1].name);
}

TEST(ArchiveTableReader, CellsAsSpreadsheetsWriteThem) {
    sheet s;
    auto h = test_data::sample_household({.seed = 5, .size = 1});
    s.add(h, 1);
    auto& row = s.rows[0];
    row[column("身份证号")] = "\t" + h.members[0].id_number + " ";
    row[column("工资性收入")] = "1,200.50";
    row[column("军烈属")] = "Y";
    row[column("主要致贫原因")] = h.main_cause;  // the code instead of its label
    row[column("其他致贫原因")] = "";
    row[column("资产说明")] = "'=耕牛2头";
    const auto result = s.read();
    ASSERT_TRUE(result.problems.empty()) << result.problems.named.front().zh;
    const auto& f = result.files[0].file;
    EXPECT_EQ(f.members[0].id_number, h.members[0].id_number);
    EXPECT_EQ(f.income.wages, 120050);
    EXPECT_TRUE(f.military_family);
    EXPECT_EQ(f.main_cause, h.main_cause);
    EXPECT_TRUE(f.other_causes.empty());
    EXPECT_EQ(f.conditions.assets_note, "=耕牛2头");
}

TEST(ArchiveTableReader, EveryProblemIsNamedByRowAndColumn) {
    sheet s;
    s.add(test_data::sample_household({.seed = 6, .size = 3}), 1);
    s.add(test_data::sample_household({.seed = 7, .size = 1}), 2);
    s.rows[0][column("工资性收入")] = "很多";
    // The rows of one file disagree on its address.
    s.rows[1][column("家庭住址")] = "别处";
    s.rows[2][column("民族")] = "火星族";
    // A wrong check digit.
    auto& id = s.rows[2][column("身份证号")];
    id.back() = id.back() == '0' ? '1' : '0';
    // The second file names the first file's head again.
    s.rows[3][column("身份证号")] = s.rows[0][column("身份证号")];
    s.rows[3][column("档案状态")] = "已建档立卡";  // without its year
    const auto result = s.read();
    auto has = [&](int row, const std::string& col, const std::string& words) {
        for (const auto& p : result.problems.named)
            if (p.row == row && p.column == col && p.zh.find(words) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has(2, "工资性收入", "不是数字"));
    EXPECT_TRUE(has(3, "家庭住址", "同一户"));
    EXPECT_TRUE(has(4, "民族", "火星族"));
    EXPECT_TRUE(has(4, "身份证号", "身份证号"));
    EXPECT_TRUE(has(5, "身份证号", "与第2行是同一人"));
    EXPECT_TRUE(has(5, "建档年度", "建档年度"));
    // Problems come in row order.
    for (std::size_t i = 1; i < result.problems.named.size(); ++i)
        EXPECT_LE(result.problems.named[i - 1].row, result.problems.named[i].row);
}

TEST(ArchiveTableReader, AHeaderWithoutTheRequiredColumnsOrWithStrangeOnes) {
    std::vector<std::string> header = {"户编号", "姓名", "血型", "姓名"};
    archive_table_reader reader(header, 3);
    const auto& p = reader.problems();
    auto has = [&](const std::string& col, const std::string& words) {
        for (const auto& x : p.named)
            if (x.row == 3 && x.column == col && x.zh.find(words) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has("血型", "不是模板中的列"));
    EXPECT_TRUE(has("姓名", "重复"));
    EXPECT_TRUE(has("身份证号", "缺少"));
    EXPECT_TRUE(has("组代码", "缺少"));
}

TEST(ArchiveTableReader, DataUnderABlankHeaderIsAProblemNotLost) {
    auto header = archive_header(language::zh);
    header.push_back("");
    header.push_back("");
    archive_table_reader reader(header, 1);
    sheet s;
    s.add(test_data::sample_household({.seed = 8, .size = 1}), 1);
    auto row = s.rows[0];
    row.resize(header.size() + 1);
    row[header.size() - 1] = "备注：户主外出";
    reader.add_row(2, row);
    const auto result = reader.finish(today);
    ASSERT_EQ(result.problems.count, 1u);
    EXPECT_EQ(result.problems.named[0].zh, "第" + std::to_string(header.size()) + "列没有表头");
}

TEST(ArchiveTableReader, AFilesJsonNamesOneRowPerMemberStartingAtItsFirst) {
    auto f = archive_import_file{};
    f.file = test_data::sample_household({.seed = 9, .size = 2});
    f.first_row = 4;
    f.rows = {4, 5};
    auto j = to_json(f);
    EXPECT_EQ(archive_import_file_from_json(j, "f").rows, (std::vector<int>{4, 5}));
    j["rows"] = {4};
    EXPECT_THROW(archive_import_file_from_json(j, "f"), api_error);
    j["rows"] = {5, 6};
    EXPECT_THROW(archive_import_file_from_json(j, "f"), api_error);
}

TEST(ArchiveTableReader, YearsFollowTheStatus) {
    archive_import_problems p;
    household h;
    h.status = "pending";
    h.registered_year = 2016;
    check_import_rules({h, {}}, 2026, 2, p);
    EXPECT_EQ(p.count, 1u);
    h.status = "exited";
    h.exit_year = 2015;  // before it was registered
    p = {};
    check_import_rules({h, {}}, 2026, 2, p);
    ASSERT_EQ(p.count, 1u);
    EXPECT_EQ(p.named[0].column, "脱贫年度");
    h.exit_year = 2018;
    p = {};
    check_import_rules({h, {}}, 2026, 2, p);
    EXPECT_EQ(p.count, 0u);
    h.registered_year = 2030;
    p = {};
    check_import_rules({h, {}}, 2026, 2, p);
    EXPECT_GE(p.count, 1u);
}

}  // namespace
}  // namespace fupin::common
