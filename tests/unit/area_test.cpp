#include "common/area.hpp"

#include <gtest/gtest.h>

namespace fupin::common {
namespace {

TEST(area_codes, the_length_of_a_division_code_gives_its_level_and_parent) {
    EXPECT_EQ(area_level_of_code("529901"), "county");
    EXPECT_EQ(area_level_of_code("529901100"), "township");
    EXPECT_EQ(area_level_of_code("529901100205"), "village");
    EXPECT_EQ(area_level_of_code("529901100205003"), "group");
    EXPECT_EQ(area_level_of_code("5299011"), "");
    EXPECT_EQ(parent_code_of("529901"), "");
    EXPECT_EQ(parent_code_of("529901100"), "529901");
    EXPECT_EQ(parent_code_of("529901100205"), "529901100");
    EXPECT_EQ(parent_code_of("529901100205003"), "529901100205");
    EXPECT_EQ(township_code_of("529901"), "");
    EXPECT_EQ(township_code_of("529901100"), "529901100");
    EXPECT_EQ(township_code_of("529901100205003"), "529901100");
}

}  // namespace
}  // namespace fupin::common
