// An area's archive as one table: CSV with the BOM and header Excel reads, XLSX with numbers as numbers and a
// sheet that goes on in the next when it is full.
#include <gtest/gtest.h>

#include "common/archive_columns.hpp"
#include "common/csv_reader.hpp"
#include "server/documents/archive_csv.hpp"
#include "server/documents/archive_xlsx.hpp"
#include "test_data/sample_household.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::server::documents {
namespace {

// The spreadsheet's name of the cell of column `zh` in `row` ("U2").
std::string cell_of(const char* zh, int row) {
    const auto& columns = common::archive_columns();
    std::size_t i = 0;
    while (i < columns.size() && std::string(columns[i].zh) != zh) ++i;
    std::string letters;
    for (std::size_t n = i + 1; n > 0; n = (n - 1) / 26) letters.insert(letters.begin(), static_cast<char>('A' + (n - 1) % 26));
    return letters + std::to_string(row);
}

std::vector<common::household> households(int count) {
    std::vector<common::household> out;
    for (int i = 0; i < count; ++i) {
        auto h = test_data::stored_sample_household();
        h.id = 100 + i;
        out.push_back(h);
    }
    return out;
}

TEST(ArchiveTable, CsvHasTheBomTheHeaderAndARowPerMember) {
    std::string bytes;
    archive_csv table([&](std::string_view b) { bytes.append(b); }, common::language::zh);
    for (const auto& h : households(2)) table.add({h, {}});
    table.finish();
    EXPECT_EQ(table.rows(), 6);
    ASSERT_EQ(bytes.rfind("\xEF\xBB\xBF", 0), 0u);
    const auto csv = common::read_csv(std::string_view(bytes).substr(3), 100);
    ASSERT_TRUE(csv.ok()) << csv.error_zh;
    ASSERT_EQ(csv.records.size(), 7u);
    EXPECT_EQ(csv.records[0].fields, common::archive_header(common::language::zh));
    EXPECT_EQ(csv.records[1].fields[0], "100");
    EXPECT_EQ(csv.records[4].fields[0], "101");
}

TEST(ArchiveTable, XlsxWritesNumbersAndGoesOnInANewSheetWhenOneIsFull) {
    std::string bytes;
    archive_xlsx table([&](std::string_view b) { bytes.append(b); }, common::language::zh, "岩脚村扶贫对象档案",
                       "青峰县", "打印");
    table.set_sheet_rows(4);
    for (const auto& h : households(2)) table.add({h, {}});
    table.finish();
    EXPECT_EQ(test_support::xlsx_sheet_names(bytes),
              (std::vector<std::string>{"岩脚村扶贫对象档案", "岩脚村扶贫对象档案(2)"}));
    auto first = test_support::xlsx_cells(bytes, 1);
    EXPECT_EQ(first["A1"], "户编号");
    EXPECT_EQ(first["A2"], "100");
    EXPECT_EQ(first["A4"], "100");
    EXPECT_EQ(first.count("A5"), 0u);  // the next household's three rows would not fit: it goes on the next sheet
    EXPECT_EQ(first[cell_of("工资性收入", 2)], "1200");  // a number
    EXPECT_EQ(first[cell_of("姓名", 3)], households(1)[0].members[1].name);
    auto second = test_support::xlsx_cells(bytes, 2);
    EXPECT_EQ(second["A1"], "户编号");  // the header again
    EXPECT_EQ(second["A2"], "101");
    EXPECT_EQ(second["A4"], "101");
}

}  // namespace
}  // namespace fupin::server::documents
