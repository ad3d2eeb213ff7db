#include "common/posting_period.hpp"

#include <gtest/gtest.h>

#include "common/china_date.hpp"

namespace {

using namespace fupin::common;
using namespace std::chrono;

year_month_day date(int y, unsigned m, unsigned d) { return year_month_day{year{y}, month{m}, day{d}}; }
std::string text(year_month_day d) { return format_date(d); }

TEST(posting_period, seven_days_from_june_first) {
    const posting_period p(date(2026, 6, 1), 7);
    EXPECT_EQ(p.published_on(), date(2026, 6, 1));
    EXPECT_EQ(p.days(), 7);
    EXPECT_EQ(text(p.last_day()), "2026-06-07");
    EXPECT_EQ(text(p.next_step_on()), "2026-06-08");
}

TEST(posting_period, running_and_over_at_the_boundaries) {
    const posting_period p(date(2026, 6, 1), 7);
    EXPECT_FALSE(p.running_on(date(2026, 5, 31)));  // not yet published
    EXPECT_FALSE(p.over_on(date(2026, 5, 31)));
    EXPECT_TRUE(p.running_on(date(2026, 6, 1)));    // the day of publication counts
    EXPECT_FALSE(p.over_on(date(2026, 6, 1)));
    EXPECT_TRUE(p.running_on(date(2026, 6, 4)));
    EXPECT_TRUE(p.running_on(date(2026, 6, 7)));    // through the end of the last day
    EXPECT_FALSE(p.over_on(date(2026, 6, 7)));
    EXPECT_FALSE(p.running_on(date(2026, 6, 8)));   // the next step's day
    EXPECT_TRUE(p.over_on(date(2026, 6, 8)));
    EXPECT_TRUE(p.over_on(date(2026, 7, 1)));
    EXPECT_FALSE(p.running_on(date(2026, 7, 1)));
    EXPECT_TRUE(p.over_on(date(2027, 1, 1)));
    // Never both, and on or after publication always one of them.
    for (int i = -3; i < 20; ++i) {
        const auto d = add_days(date(2026, 6, 1), i);
        EXPECT_FALSE(p.running_on(d) && p.over_on(d)) << text(d);
        if (i >= 0) {
            EXPECT_TRUE(p.running_on(d) || p.over_on(d)) << text(d);
        }
        EXPECT_EQ(p.over_on(d), i >= 7) << text(d);
        EXPECT_EQ(p.running_on(d), i >= 0 && i < 7) << text(d);
    }
}

TEST(posting_period, days_left_count_today_and_stop_at_zero) {
    const posting_period p(date(2026, 12, 28), 7);  // through 2027-01-03
    EXPECT_EQ(p.days_left_on(date(2026, 12, 20)), 7);  // not yet published: all of it
    EXPECT_EQ(p.days_left_on(date(2026, 12, 28)), 7);
    EXPECT_EQ(p.days_left_on(date(2026, 12, 31)), 4);
    EXPECT_EQ(p.days_left_on(date(2027, 1, 3)), 1);    // its last day
    EXPECT_EQ(p.days_left_on(date(2027, 1, 4)), 0);
    EXPECT_EQ(p.days_left_on(date(2027, 3, 1)), 0);
}

TEST(posting_period, over_month_and_year_ends) {
    const posting_period p(date(2026, 12, 28), 7);
    EXPECT_EQ(text(p.last_day()), "2027-01-03");
    EXPECT_EQ(text(p.next_step_on()), "2027-01-04");
    EXPECT_TRUE(p.running_on(date(2026, 12, 31)));
    EXPECT_TRUE(p.running_on(date(2027, 1, 3)));
    EXPECT_TRUE(p.over_on(date(2027, 1, 4)));

    const posting_period june(date(2026, 6, 25), 7);
    EXPECT_EQ(text(june.last_day()), "2026-07-01");
    EXPECT_EQ(text(june.next_step_on()), "2026-07-02");

    const posting_period feb(date(2026, 2, 25), 7);  // 2026 is not a leap year
    EXPECT_EQ(text(feb.last_day()), "2026-03-03");
    EXPECT_EQ(text(feb.next_step_on()), "2026-03-04");
    const posting_period leap(date(2028, 2, 25), 7);
    EXPECT_EQ(text(leap.last_day()), "2028-03-02");
    EXPECT_EQ(text(leap.next_step_on()), "2028-03-03");
}

TEST(posting_period, fifteen_days_at_the_county) {
    const posting_period p(date(2026, 6, 1), 15);
    EXPECT_EQ(text(p.last_day()), "2026-06-15");
    EXPECT_EQ(text(p.next_step_on()), "2026-06-16");
    EXPECT_TRUE(p.running_on(date(2026, 6, 15)));
    EXPECT_FALSE(p.over_on(date(2026, 6, 15)));
    EXPECT_TRUE(p.over_on(date(2026, 6, 16)));

    const posting_period dec(date(2026, 12, 20), 15);
    EXPECT_EQ(text(dec.last_day()), "2027-01-03");
    EXPECT_EQ(text(dec.next_step_on()), "2027-01-04");
}

TEST(posting_period, one_day) {
    const posting_period p(date(2026, 6, 1), 1);
    EXPECT_EQ(p.last_day(), date(2026, 6, 1));
    EXPECT_EQ(text(p.next_step_on()), "2026-06-02");
    EXPECT_TRUE(p.running_on(date(2026, 6, 1)));
    EXPECT_TRUE(p.over_on(date(2026, 6, 2)));
}

TEST(posting_period, add_days) {
    EXPECT_EQ(text(add_days(date(2026, 1, 31), 1)), "2026-02-01");
    EXPECT_EQ(text(add_days(date(2026, 3, 1), -1)), "2026-02-28");
    EXPECT_EQ(text(add_days(date(2026, 12, 31), 1)), "2027-01-01");
    EXPECT_EQ(add_days(date(2026, 6, 1), 0), date(2026, 6, 1));
    EXPECT_EQ(text(add_days(date(2026, 1, 1), 365)), "2027-01-01");
}

TEST(posting_period, parse_date_accepts_valid_dates) {
    EXPECT_EQ(parse_date("2026-06-01"), date(2026, 6, 1));
    EXPECT_EQ(parse_date("2026-12-31"), date(2026, 12, 31));
    EXPECT_EQ(parse_date("2028-02-29"), date(2028, 2, 29));
    EXPECT_EQ(parse_date("2026-02-28"), date(2026, 2, 28));
    const auto d = parse_date("2027-01-04");
    ASSERT_TRUE(d);
    EXPECT_EQ(text(*d), "2027-01-04");
}

TEST(posting_period, parse_date_refuses_what_is_not_a_date) {
    for (const char* bad : {"2026-02-30", "2026-02-29", "2026-13-01", "2026-00-10", "2026-06-00", "2026-06-31",
                            "2026-6-1",   "2026-06-1",  "26-06-01",   "2026/06/01", "20260601",   "2026-06-01T00",
                            " 2026-06-01", "2026-06-01 ", "abcd-ef-gh", "2026-0a-01", "2026-06-x1", "202a-06-01",
                            "+026-06-01", "2026-+6-01", "2026--6-01", "2026-06--1", ""})
        EXPECT_EQ(parse_date(bad), std::nullopt) << '"' << bad << '"';
}

// The CST day boundary: 16:00 UTC is midnight in China.
TEST(posting_period, china_date_of_ms_turns_at_sixteen_utc) {
    // 2026-06-07T15:59:59.999Z is 23:59:59.999 on 2026-06-07 in China; one millisecond later it is 06-08.
    const std::int64_t last_ms = 1780847999999;  // 2026-06-07T15:59:59.999Z
    EXPECT_EQ(text(china_date_of_ms(last_ms)), "2026-06-07");
    EXPECT_EQ(text(china_date_of_ms(last_ms + 1)), "2026-06-08");  // 2026-06-07T16:00:00.000Z
    // Just after UTC midnight it is already 08:00 in China: the same China day as the UTC day.
    EXPECT_EQ(text(china_date_of_ms(1780790400000)), "2026-06-07");  // 2026-06-07T00:00:00.000Z
    EXPECT_EQ(text(china_date_of_ms(1780790400000 - 1)), "2026-06-07");  // 2026-06-06T23:59:59.999Z = 07:59 CST
    EXPECT_EQ(text(china_date_of_ms(0)), "1970-01-01");

    // So a 7-day posting published on 2026-06-01 may be signed at 16:00 UTC on 06-07, not a millisecond before.
    const posting_period p(date(2026, 6, 1), 7);
    EXPECT_FALSE(p.over_on(china_date_of_ms(last_ms)));
    EXPECT_TRUE(p.running_on(china_date_of_ms(last_ms)));
    EXPECT_TRUE(p.over_on(china_date_of_ms(last_ms + 1)));

    // The year's turn in China.
    const std::int64_t new_year_cst = 1798732800000;  // 2026-12-31T16:00:00.000Z = 2027-01-01 00:00 CST
    EXPECT_EQ(text(china_date_of_ms(new_year_cst - 1)), "2026-12-31");
    EXPECT_EQ(text(china_date_of_ms(new_year_cst)), "2027-01-01");
}

}  // namespace
