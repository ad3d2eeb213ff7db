// common/utf8: the one reader of UTF-8 (on utf8proc) that validation, the audit trail's column cut, name masks
// and the client's tables share.
#include <gtest/gtest.h>

#include "common/utf8.hpp"

namespace fupin::common {
namespace {

TEST(utf8, length_counts_characters_and_refuses_ill_formed_text) {
    EXPECT_EQ(utf8_length(""), 0u);
    EXPECT_EQ(utf8_length("abc"), 3u);
    EXPECT_EQ(utf8_length("王大山"), 3u);
    EXPECT_EQ(utf8_length("\xF0\xA0\x80\x80"), 1u);  // U+20000, a rare name's character (extension B)
    EXPECT_FALSE(utf8_length("\xC0\xAF"));            // overlong '/'
    EXPECT_FALSE(utf8_length("\xED\xA0\x80"));        // a surrogate
    EXPECT_FALSE(utf8_length("\xF4\x90\x80\x80"));    // above U+10FFFF
    EXPECT_FALSE(utf8_length("\xE7\x8E"));            // cut short
    EXPECT_FALSE(utf8_length("a\xFF"));
}

TEST(utf8, character_bytes_reads_one_character_or_says_zero) {
    EXPECT_EQ(utf8_character_bytes("王a", 0), 3u);
    EXPECT_EQ(utf8_character_bytes("王a", 3), 1u);
    EXPECT_EQ(utf8_character_bytes("王a", 4), 0u);  // the end
    EXPECT_EQ(utf8_character_bytes("\xC0\xAF", 0), 0u);
}

TEST(utf8, display_width_gives_chinese_two_columns_and_marks_none) {
    EXPECT_EQ(display_width("abc"), 3u);
    EXPECT_EQ(display_width("王大山"), 6u);
    EXPECT_EQ(display_width("，：（元）"), 10u);             // fullwidth punctuation
    EXPECT_EQ(display_width("\xF0\xA0\x80\x80"), 2u);         // extension B
    EXPECT_EQ(display_width("e\xCC\x81"), 1u);                // e + combining acute
    EXPECT_EQ(display_width("a\xE2\x80\x8B" "b"), 2u);        // zero-width space
    EXPECT_EQ(display_width("\xFF\xFE"), 2u);                 // ill-formed bytes, one column each
}

}  // namespace
}  // namespace fupin::common
