#include "common/record_key.hpp"

#include <gtest/gtest.h>

namespace {

using fupin::common::record_key;
using kind = record_key::kind;

TEST(record_key, names_made_are_read_back_as_the_same_record) {
    for (const auto& key : {record_key::household(12), record_key::areas(), record_key::account(3)}) {
        const auto back = record_key::parse(key.text());
        EXPECT_EQ(back, key) << key.text();
        EXPECT_EQ(back.what(), key.what()) << key.text();
        EXPECT_EQ(back.id(), key.id()) << key.text();
    }
    EXPECT_EQ(record_key::household(12).text(), "household/12");
    EXPECT_EQ(record_key::account(3).text(), "account/3");
}

TEST(record_key, other_names_are_other_records_and_a_broken_household_name_is_unreadable) {
    EXPECT_EQ(record_key::parse("application/7").what(), kind::other);
    EXPECT_EQ(record_key::parse("user/clerk_a").what(), kind::other);  // the audit trail's name of a user
    EXPECT_EQ(record_key::parse("account/x").what(), kind::other);
    EXPECT_EQ(record_key::parse("account/0").what(), kind::other);
    EXPECT_EQ(record_key::parse("household/2x").what(), kind::unreadable);
    EXPECT_EQ(record_key::parse("household/").what(), kind::unreadable);
    EXPECT_EQ(record_key::parse("household/-1").what(), kind::unreadable);
}

}  // namespace
