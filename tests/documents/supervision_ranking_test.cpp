// 专项督查排名 as the leading group circulates it: the PDF names the weights, each township's rank, score and
// indicators with the figures behind them, and the notices; the XLSX has the same lines with numbers as numbers.
#include "server/documents/supervision_ranking.hpp"

#include <gtest/gtest.h>

#include "tests/support/document_reader.hpp"

namespace fupin::server::documents {
namespace {

common::supervision_ranking sample() {
    common::supervision_ranking r;
    r.year = 2026;
    r.area_code = "529901";
    r.as_of = "2026-12-07";
    r.weights = {2026, 40, 30, 15, 15, "approver", 1};
    const char* names[] = {"青峰镇", "石门镇", "龙潭乡", "白岩乡"};
    for (int i = 0; i < 4; ++i) {
        common::township_standing t;
        t.township_code = "5299011" + std::to_string(i + 100).substr(1);
        t.township_name = names[i];
        if (i < 3) t.figures = {.cases = 20, .cases_overdue = i * 2, .cases_posted_by_county = 20, .cases_with_objection = i,
                                .registered = 40, .complete_files = 40 - i * 5, .checked = 10, .accurate = 10 - i};
        r.townships.push_back(t);
    }
    common::rank_townships(r.weights, r.townships);
    r.townships_ranked = 3;
    r.townships[0].notes.push_back({1, 2026, r.townships[0].township_code, "commendation", "识别精准，档案资料齐全规范",
                                    "supervisor", 1796083200000});
    r.townships[2].notes.push_back({2, 2026, r.townships[2].township_code, "criticism", "4户识别案件超期未办结",
                                    "supervisor", 1796083200000});
    return r;
}

TEST(SupervisionRanking, TheCircularNamesEveryTownshipsRankAndTheNotices) {
    const auto r = sample();
    std::string bytes;
    pdf_document doc([&](std::string_view b) { bytes.append(b); }, {"青峰县", "督查", "打印", "第 {} 页"});
    draw_supervision_ranking(doc, r, "青峰县", common::language::zh);
    doc.finish();
    const auto text = test_support::pdf_text(bytes);
    EXPECT_TRUE(test_support::has_text(text, "青峰县2026年度扶贫对象建档立卡专项督查排名")) << text;
    EXPECT_TRUE(test_support::has_text(text, "参与排名乡镇 3 个"));
    EXPECT_TRUE(test_support::has_text(text, "工作进度 40"));
    EXPECT_TRUE(test_support::has_text(text, "抽查准确率 15"));
    // 青峰镇: everything at 100 %.
    EXPECT_TRUE(test_support::has_text(text, "100.0"));
    EXPECT_TRUE(test_support::has_text(text, "20/20"));
    // 龙潭乡 third: progress 16 of 20, complete 30 of 40, no upheld objection in 18 of 20, 8 of 10 accurate.
    EXPECT_TRUE(test_support::has_text(text, "16/20"));
    EXPECT_TRUE(test_support::has_text(text, "30/40"));
    EXPECT_TRUE(test_support::has_text(text, "白岩乡"));
    EXPECT_TRUE(test_support::has_text(text, "【通报表扬】青峰镇：识别精准，档案资料齐全规范"));
    EXPECT_TRUE(test_support::has_text(text, "【通报批评】龙潭乡：4户识别案件超期未办结"));
    test_support::save_document(bytes, std::string(FUPIN_DOCUMENTS_OUT) + "/supervision-ranking.pdf");
    test_support::pdf_page_png(bytes, 1, std::string(FUPIN_DOCUMENTS_OUT) + "/supervision-ranking-1.png");
}

TEST(SupervisionRanking, TheWorkbookHasTheLinesAndTheNotices) {
    std::string bytes;
    write_supervision_ranking_xlsx(sample(), "青峰县", "打印", common::language::zh,
                                   [&](std::string_view b) { bytes.append(b); });
    EXPECT_EQ(test_support::xlsx_sheet_names(bytes), (std::vector<std::string>{"排名", "督查通报"}));
    auto cells = test_support::xlsx_cells(bytes, 1);
    // Title, weights, header, then the lines by rank.
    EXPECT_EQ(cells["A3"], "排名");
    EXPECT_EQ(cells["E3"], "工作进度（%，权重40）");
    EXPECT_EQ(cells["A4"], "1");
    EXPECT_EQ(cells["C4"], "青峰镇");
    EXPECT_EQ(cells["D4"], "100");
    EXPECT_EQ(cells["A6"], "3");
    EXPECT_EQ(cells["C6"], "龙潭乡");
    EXPECT_EQ(cells["E6"], "80");   // progress 16 of 20
    EXPECT_EQ(cells["I6"], "20");   // cases
    EXPECT_EQ(cells["C7"], "白岩乡");
    EXPECT_EQ(cells.count("A7"), 0u);  // no rank
    EXPECT_EQ(cells.count("D7"), 0u);  // no score
    auto notes = test_support::xlsx_cells(bytes, 2);
    EXPECT_EQ(notes["A2"], "青峰镇");
    EXPECT_EQ(notes["B2"], "通报表扬");
    EXPECT_EQ(notes["B3"], "通报批评");
}

}  // namespace
}  // namespace fupin::server::documents
