#include <gtest/gtest.h>

#include <sstream>
#include <string>
#include <vector>

#include "client/text_layout.hpp"

using namespace fupin::client;

TEST(text_layout, cjk_characters_are_two_columns) {
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("王大山"), 6u);
    EXPECT_EQ(display_width("三组12号"), 8u);
    EXPECT_EQ(display_width("（元）"), 6u);  // fullwidth brackets
    EXPECT_EQ(display_width(""), 0u);
    EXPECT_EQ(display_width("\xff"), 1u);  // ill-formed byte
}

TEST(text_layout, pad_uses_display_width) {
    EXPECT_EQ(pad("王", 4), "王  ");
    EXPECT_EQ(pad("12", 4, align::right), "  12");
    EXPECT_EQ(pad("王大山", 2), "王大山");  // never cut
}

// Each line's second column starts at the same display column, whatever the script of the first.
TEST(text_layout, table_columns_align_for_mixed_text) {
    const auto table = format_table({"户主", "村"}, {{"王大山", "岩脚村"}, {"Li", "x"}, {"欧阳小明明", "y"}});
    std::istringstream in(table);
    std::vector<std::size_t> starts;
    const std::vector<std::string> second{"村", "岩脚村", "x", "y"};
    std::size_t row = 0;
    for (std::string line; std::getline(in, line); ++row) {
        const auto pos = line.rfind(second.at(row));
        ASSERT_NE(pos, std::string::npos) << line;
        starts.push_back(display_width(line.substr(0, pos)));
        EXPECT_NE(line.back(), ' ');
    }
    ASSERT_EQ(starts.size(), 4u);
    for (auto s : starts) EXPECT_EQ(s, display_width("欧阳小明明") + 2);
}

TEST(text_layout, money) {
    EXPECT_EQ(format_amount(230050), "2,300.50");
    EXPECT_EQ(format_amount(0), "0.00");
    EXPECT_EQ(format_amount(5), "0.05");
    EXPECT_EQ(format_amount(-5), "-0.05");
    EXPECT_EQ(format_amount(99999), "999.99");
    EXPECT_EQ(format_amount(123456789012), "1,234,567,890.12");
    EXPECT_EQ(format_yuan(230050, fupin::common::language::zh), "2,300.50 元");
    EXPECT_EQ(format_yuan(230050, fupin::common::language::en), "2,300.50 yuan");
}

TEST(text_layout, decimals_and_beijing_time) {
    EXPECT_EQ(format_decimal(3.5), "3.5");
    EXPECT_EQ(format_decimal(60), "60");
    EXPECT_EQ(format_decimal(0), "0");
    // 2026-11-29T10:00:00.000Z is 18:00 in Beijing; 20:30Z is 04:30 the next day.
    EXPECT_EQ(format_beijing_time(1795946400000), "2026-11-29 18:00");
    EXPECT_EQ(format_beijing_time(1795946400000 + 10 * 3600000 + 30 * 60000), "2026-11-30 04:30");
    EXPECT_EQ(format_beijing_time(0), "");
}
