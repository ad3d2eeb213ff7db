#include <filesystem>

#include <gtest/gtest.h>

#include "common/display_text.hpp"
#include "common/household_validation.hpp"
#include "server/documents/register_pdf.hpp"
#include "server/documents/register_xlsx.hpp"
#include "test_data/sample_household.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::server::documents {
namespace {

using common::area;

const area township{"529901101", "529901", "township", "石门镇", false};
const area yanjiao{"529901101201", "529901101", "village", "岩脚村", true};
const area hetou{"529901101202", "529901101", "village", "河头村", false};

// `count` files of a village, sizes 1 to 6 in turn, every third one registered.
std::vector<common::household> households_of(const area& village, int count, int first_seed) {
    std::vector<common::household> out;
    for (int i = 0; i < count; ++i) {
        test_data::sample_options options;
        options.group = village.code + "003";
        options.seed = first_seed + i;
        options.size = 1 + i % 6;
        auto h = test_data::sample_household(options);
        common::derive(h);
        h.id = first_seed + i + 1;
        h.status = i % 3 == 0 ? "registered" : "pending";
        h.group_name = "三组";
        out.push_back(std::move(h));
    }
    return out;
}

register_totals totals_of(const std::vector<common::household>& households) {
    register_totals t;
    for (const auto& h : households) t.add(h);
    return t;
}

void write(register_writer& writer, const std::vector<std::pair<area, std::vector<common::household>>>& villages) {
    for (const auto& [village, households] : villages) {
        writer.begin_village(village);
        for (const auto& h : households) writer.add(h, {"赵帮扶"});
        writer.end_village();
    }
    writer.finish();
}

std::size_t occurrences(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}

TEST(VillageRegister, PdfListsEveryHouseholdWithItsMembersAndTotalsOnPagesThatRepeatTheHeader) {
    const auto households = households_of(yanjiao, 60, 1000);
    std::string bytes;
    register_pdf writer([&](std::string_view b) { bytes.append(b); },
                        {"青峰县", register_title(yanjiao, common::language::zh), "打印：王保峰　2026-12-07 09:30", "第 {} 页"},
                        yanjiao, common::language::zh);
    write(writer, {{yanjiao, households}});

    const int pages = test_support::pdf_pages(bytes);
    ASSERT_GE(pages, 3);
    const auto text = test_support::pdf_text(bytes);
    EXPECT_TRUE(test_support::has_text(text, "岩脚村扶贫对象花名册（村册）"));
    for (const auto& h : households) {
        EXPECT_TRUE(test_support::has_text(text, h.members.front().id_number)) << "the head of file " << h.id;
        for (std::size_t i = 1; i < h.members.size(); ++i)
            EXPECT_TRUE(test_support::has_text(text, h.members[i].name));
    }
    // The header on every page, the frame on every page.
    EXPECT_EQ(occurrences(text, "户主身份证号"), static_cast<std::size_t>(pages));
    EXPECT_EQ(occurrences(text, "青峰县"), static_cast<std::size_t>(pages));
    EXPECT_TRUE(test_support::has_text(text, "第 " + std::to_string(pages) + " 页"));
    // The foot: households, people, per-capita income of them all.
    const auto totals = totals_of(households);
    EXPECT_EQ(totals.households, 60);
    EXPECT_EQ(totals.people, 210);
    EXPECT_TRUE(test_support::has_text(text, "60 户"));
    EXPECT_TRUE(test_support::has_text(text, " 210 "));
    EXPECT_TRUE(test_support::has_text(text, common::format_amount(totals.per_capita())));
    EXPECT_TRUE(test_support::has_text(text, "其中：待识别 40、已建档立卡 20")) << text.substr(text.size() - 2000);

    test_support::save_document(bytes, std::string(FUPIN_DOCUMENTS_OUT) + "/village-register.pdf");
    test_support::pdf_page_png(bytes, 1, std::string(FUPIN_DOCUMENTS_OUT) + "/village-register-1.png");
    test_support::pdf_page_png(bytes, pages, std::string(FUPIN_DOCUMENTS_OUT) + "/village-register-last.png");
}

TEST(VillageRegister, XlsxHasARowPerHouseholdAndTheTotalsAsNumbers) {
    const auto households = households_of(yanjiao, 25, 2000);
    std::string bytes;
    register_xlsx writer([&](std::string_view b) { bytes.append(b); }, yanjiao, common::language::zh, "青峰县",
                         "打印：王保峰　2026-12-07 09:30");
    write(writer, {{yanjiao, households}});

    ASSERT_EQ(bytes.rfind("PK", 0), 0u);
    EXPECT_EQ(test_support::xlsx_sheet_names(bytes), std::vector<std::string>{"岩脚村"});
    auto cells = test_support::xlsx_cells(bytes, 1);
    EXPECT_EQ(cells["A1"], "岩脚村扶贫对象花名册（村册）");
    EXPECT_EQ(cells["C2"], "户主");
    EXPECT_EQ(cells["D2"], "户主身份证号");
    // Row 3 is the first household: its number, head, ID number, size, the others with their relation.
    const auto& first = households.front();
    EXPECT_EQ(cells["A3"], "1");
    EXPECT_EQ(cells["C3"], first.head_name);
    EXPECT_EQ(cells["D3"], first.members.front().id_number);
    EXPECT_EQ(cells["E3"], "1");
    const auto& second = households.at(1);
    EXPECT_EQ(cells["F4"], second.members.at(1).name + "（配偶）");
    EXPECT_EQ(cells["I4"], common::plain_amount(second.per_capita_net_income));
    EXPECT_EQ(cells["K4"], "赵帮扶");
    // The foot, after the 25 households.
    const auto totals = totals_of(households);
    EXPECT_EQ(cells["A28"], "合计");
    EXPECT_EQ(cells["C28"], "25 户");
    EXPECT_EQ(cells["E28"], std::to_string(totals.people));
    EXPECT_EQ(cells["I28"], common::plain_amount(totals.per_capita()));
}

TEST(TownshipBook, XlsxHasASummarySheetAndASheetPerVillage) {
    const auto a = households_of(yanjiao, 7, 3000);
    const auto b = households_of(hetou, 5, 4000);
    std::string bytes;
    register_xlsx writer([&](std::string_view bytes_) { bytes.append(bytes_); }, township, common::language::zh,
                         "青峰县", "打印");
    write(writer, {{yanjiao, a}, {hetou, b}});

    EXPECT_EQ(test_support::xlsx_sheet_names(bytes), (std::vector<std::string>{"汇总", "岩脚村", "河头村"}));
    auto summary = test_support::xlsx_cells(bytes, 1);
    EXPECT_EQ(summary["A1"], "石门镇扶贫对象登记簿（乡镇簿）");
    EXPECT_EQ(summary["A3"], "岩脚村");
    EXPECT_EQ(summary["B3"], "7");
    EXPECT_EQ(summary["A4"], "河头村");
    EXPECT_EQ(summary["B4"], "5");
    EXPECT_EQ(summary["A5"], "合计");
    EXPECT_EQ(summary["B5"], "12");
    EXPECT_EQ(summary["C5"], std::to_string(totals_of(a).people + totals_of(b).people));
    auto hetou_sheet = test_support::xlsx_cells(bytes, 3);
    EXPECT_EQ(hetou_sheet["A1"], "河头村扶贫对象花名册（村册）");
    EXPECT_EQ(hetou_sheet["C3"], b.front().head_name);
}

TEST(TownshipBook, PdfStartsEachVillageOnItsOwnPageAndEndsWithTheSummary) {
    const auto a = households_of(yanjiao, 4, 5000);
    const auto b = households_of(hetou, 3, 6000);
    std::string bytes;
    register_pdf writer([&](std::string_view bytes_) { bytes.append(bytes_); },
                        {"青峰县", register_title(township, common::language::zh), "打印", "第 {} 页"}, township,
                        common::language::zh);
    write(writer, {{yanjiao, a}, {hetou, b}});
    EXPECT_EQ(test_support::pdf_pages(bytes), 3);
    const auto text = test_support::pdf_text(bytes);
    EXPECT_TRUE(test_support::has_text(text, "岩脚村（贫困村）"));
    EXPECT_TRUE(test_support::has_text(text, "汇总"));
    EXPECT_TRUE(test_support::has_text(text, "合计 4 户"));
    EXPECT_TRUE(test_support::has_text(text, "合计 3 户"));
    EXPECT_TRUE(test_support::has_text(text, "合计 7 16")) << text;
}

TEST(XlsxWorkbook, SheetNamesAreCutAndMadeUnique) {
    xlsx_workbook book("t", "青峰县", "打印");
    book.add_sheet("a/b:c");
    book.add_sheet("a/b:c");
    book.add_sheet(std::string(40, 'x'));
    std::string bytes;
    book.finish([&](std::string_view piece) { bytes.append(piece); });
    EXPECT_EQ(test_support::xlsx_sheet_names(bytes),
              (std::vector<std::string>{"a_b_c", "a_b_c(2)", std::string(31, 'x')}));
}

}  // namespace
}  // namespace fupin::server::documents
