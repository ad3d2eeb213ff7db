// The year's campaign: its four phases in order, each with real dates, none overlapping; and the phase a day is in.
#include "common/campaign.hpp"

#include <gtest/gtest.h>

#include "common/api_error.hpp"

namespace fupin::common {
namespace {

using namespace std::chrono;

std::vector<campaign_phase> phases() {
    return {{"preparation", "2026-03-01", "2026-03-31"},
            {"identification", "2026-04-01", "2026-06-30"},
            {"registration", "2026-07-01", "2026-10-31"},
            {"summary", "2026-11-01", "2026-12-31"}};
}

std::string field_of(const std::vector<campaign_phase>& p) {
    try {
        validate_campaign_phases(p);
    } catch (const api_error& e) {
        return e.field();
    }
    return "";
}

TEST(Campaign, FourPhasesInOrderWithDatesThatDoNotOverlap) {
    EXPECT_EQ(field_of(phases()), "");
    auto p = phases();
    std::swap(p[0], p[1]);
    EXPECT_EQ(field_of(p), "phases[0].phase");
    p = phases();
    p.pop_back();
    EXPECT_EQ(field_of(p), "phases");
    p = phases();
    p[1].ends_on = "2026-02-30";
    EXPECT_EQ(field_of(p), "phases[1].ends_on");
    p = phases();
    p[2].ends_on = "2026-06-30";  // before it starts
    EXPECT_EQ(field_of(p), "phases[2].ends_on");
    p = phases();
    p[3].starts_on = "2026-10-31";  // the day registration ends
    EXPECT_EQ(field_of(p), "phases[3].starts_on");
}

TEST(Campaign, TheDayFallsInOnePhaseOrNone) {
    EXPECT_EQ(phase_on(phases(), year_month_day{year{2026}, April, day{1}}), "identification");
    EXPECT_EQ(phase_on(phases(), year_month_day{year{2026}, December, day{31}}), "summary");
    EXPECT_EQ(phase_on(phases(), year_month_day{year{2026}, February, day{28}}), "");
}

}  // namespace
}  // namespace fupin::common
