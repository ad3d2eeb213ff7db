// The figures as a workbook and as charts: the sheets and cells a city office reads, and pictures that are
// PNG and SVG with their titles in them.
#include <gtest/gtest.h>

#include "server/documents/statistics_chart.hpp"
#include "server/documents/statistics_xlsx.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::server::documents {
namespace {

common::statistics_report sample() {
    common::statistics_report r;
    r.area_code = "529901101";
    r.area_name = "石门镇";
    r.area_level = "township";
    r.year = 2026;
    r.areas.push_back({"529901101", "石门镇", "township", {12, 40},
                       {{"pending", {2, 5}}, {"registered", {10, 35}}, {"exited", {0, 0}}}, 7});
    r.areas.push_back({"529901101201", "岩脚村", "village", {9, 30},
                       {{"pending", {1, 2}}, {"registered", {8, 28}}, {"exited", {0, 0}}}, 6});
    r.areas.push_back({"529901101202", "河头村", "village", {3, 10},
                       {{"pending", {1, 3}}, {"registered", {2, 7}}, {"exited", {0, 0}}}, 1});
    r.by_main_cause = {{"illness", {5, 18}}, {"disability", {4, 12}}, {"lack_of_funds", {3, 10}}};
    r.by_income_band = {{"2000_3000", {12, 40}}};
    r.measures_by_category = {{"industry", 3, 2, 300050, 100000}};
    r.funds_by_source = {{"county", 3, 2, 300050, 100000}};
    return r;
}

TEST(StatisticsDocuments, TheWorkbookHasASheetPerFigure) {
    std::string bytes;
    write_statistics_xlsx(sample(), common::language::zh, "青峰县", "打印",
                          [&](std::string_view b) { bytes.append(b); });
    EXPECT_EQ(test_support::xlsx_sheet_names(bytes),
              (std::vector<std::string>{"分区域", "致贫原因", "贫困户属性", "收入分组", "户属性", "帮扶措施", "资金来源",
                                        "图表"}));
    // The last sheet holds the two charts as pictures.
    const auto entries = test_support::zip_entries(bytes);
    EXPECT_EQ(std::count_if(entries.begin(), entries.end(),
                            [](const std::string& e) { return e.starts_with("xl/media/") && e.ends_with(".png"); }),
              2);
    test_support::save_document(bytes, std::string(FUPIN_DOCUMENTS_OUT) + "/statistics.xlsx");
    auto areas = test_support::xlsx_cells(bytes, 1);
    EXPECT_EQ(areas["A1"], "石门镇扶贫对象统计（2026年）");
    EXPECT_EQ(areas["A3"], "石门镇");
    EXPECT_EQ(areas["B3"], "12");
    EXPECT_EQ(areas["C3"], "40");
    EXPECT_EQ(areas["E3"], "10");  // 已建档立卡
    EXPECT_EQ(areas["G3"], "7");   // 已结对
    EXPECT_EQ(areas["A5"], "河头村");
    auto causes = test_support::xlsx_cells(bytes, 2);
    EXPECT_EQ(causes["A2"], "因病");
    EXPECT_EQ(causes["B2"], "5");
    auto measures = test_support::xlsx_cells(bytes, 6);
    EXPECT_EQ(measures["A2"], "产业扶持");
    EXPECT_EQ(measures["D2"], "3000.5");
}

TEST(StatisticsDocuments, ChartsArePngAndSvgWithTheirTitles) {
    std::string png, svg;
    draw_statistics_chart(sample(), chart_kind::areas, chart_format::png, common::language::zh,
                          [&](std::string_view b) { png.append(b); });
    EXPECT_EQ(png.rfind("\x89PNG\r\n\x1a\n", 0), 0u);
    draw_statistics_chart(sample(), chart_kind::causes, chart_format::svg, common::language::zh,
                          [&](std::string_view b) { svg.append(b); });
    EXPECT_NE(svg.find("<svg"), std::string::npos);
    test_support::save_document(png, std::string(FUPIN_DOCUMENTS_OUT) + "/chart-areas.png");
    test_support::save_document(svg, std::string(FUPIN_DOCUMENTS_OUT) + "/chart-causes.svg");
}

}  // namespace
}  // namespace fupin::server::documents
