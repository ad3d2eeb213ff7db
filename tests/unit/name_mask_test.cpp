#include "common/name_mask.hpp"

#include <gtest/gtest.h>

namespace {

using fupin::common::mask_name;

TEST(name_mask, keeps_the_first_character_and_stars_each_further_one) {
    EXPECT_EQ(mask_name("张三"), "张*");
    EXPECT_EQ(mask_name("王大山"), "王**");
    EXPECT_EQ(mask_name("欧阳小明"), "欧***");
    EXPECT_EQ(mask_name("Li Lei"), "L*****");
}

TEST(name_mask, counts_code_points_not_bytes) {
    EXPECT_EQ(mask_name("𠮷野"), "𠮷*");  // a four-byte first character (U+20BB7) stays whole
    EXPECT_EQ(mask_name("阿卜杜·热合曼"), "阿******");
}

TEST(name_mask, a_single_character_and_nothing) {
    EXPECT_EQ(mask_name("张"), "张");
    EXPECT_EQ(mask_name(""), "");
}

TEST(name_mask, shows_nothing_of_ill_formed_text) {
    EXPECT_EQ(mask_name("\xE5\xBC"), "*");     // a cut-off character
    EXPECT_EQ(mask_name("\xC0\xAF" "x"), "*");  // an overlong form
}

}  // namespace
