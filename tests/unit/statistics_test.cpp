// The statistics' one table of income bands, and their JSON read back as written.
#include "common/statistics.hpp"

#include <gtest/gtest.h>

#include "common/statistics_json.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

TEST(Statistics, IncomeBandsStartAtTheirFloorsAndFollowTheVocabulary) {
    EXPECT_EQ(income_band_of(-5000), "below_1000");  // a business that lost money
    EXPECT_EQ(income_band_of(99999), "below_1000");
    EXPECT_EQ(income_band_of(100000), "1000_2000");
    EXPECT_EQ(income_band_of(230050), "2000_3000");
    EXPECT_EQ(income_band_of(399999), "3000_4000");
    EXPECT_EQ(income_band_of(400000), "4000_up");
    ASSERT_EQ(income_band_starts().size(), vocabulary::income_bands.entries.size());
    for (std::size_t i = 0; i < income_band_starts().size(); ++i)
        EXPECT_EQ(income_band_starts()[i].code, vocabulary::income_bands.entries[i].code);
}

TEST(Statistics, JsonReadsBackAsWritten) {
    statistics_report r;
    r.area_code = "529901101";
    r.area_name = "石门镇";
    r.area_level = "township";
    r.year = 2026;
    r.areas.push_back({"529901101", "石门镇", "township", {12, 40}, {{"pending", {2, 5}}, {"registered", {10, 35}}}, 7});
    r.areas.push_back({"529901101201", "岩脚村", "village", {12, 40}, {{"registered", {10, 35}}}, 7});
    r.by_main_cause = {{"illness", {5, 18}}};
    r.by_income_band = {{"2000_3000", {12, 40}}};
    r.measures_by_category = {{"industry", 3, 2, 300050, 100000}};
    r.funds_by_source = {{"county", 3, 2, 300050, 100000}};
    const auto back = statistics_report_from_json(nlohmann::json::parse(to_json(r).dump()));
    EXPECT_EQ(to_json(back), to_json(r));
    EXPECT_EQ(back.registered(), 10);
    EXPECT_EQ(back.registered_with_helper(), 7);
    EXPECT_EQ(back.measures_by_category.at(0).planned, 300050);
}

TEST(Statistics, AnAnswerWithoutItsFiguresIsRefusedNamingTheField) {
    auto j = to_json(statistics_report{"529901", "青峰县", "county", 2026, {}, {}, {}, {}, {}, {}, {}, {}});
    j.erase("by_main_cause");
    try {
        statistics_report_from_json(j);
        FAIL() << "accepted";
    } catch (const api_error& e) {
        EXPECT_EQ(e.field(), "by_main_cause");
    }
}

}  // namespace
}  // namespace fupin::common
