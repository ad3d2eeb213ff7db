// An attachment's type by its bytes, and what a file lacks to be complete (资料齐全) by its status.
#include "common/attachment.hpp"

#include <gtest/gtest.h>

#include "test_data/sample_household.hpp"

namespace fupin::common {
namespace {

TEST(Attachment, TheTypeIsReadFromTheBytesAlone) {
    EXPECT_EQ(attachment_content_type("%PDF-1.7\n…"), "application/pdf");
    EXPECT_EQ(attachment_content_type(std::string("\xFF\xD8\xFF\xE1 exif", 9)), "image/jpeg");
    EXPECT_EQ(attachment_content_type(std::string("\x89PNG\r\n\x1A\n\0\0", 10)), "image/png");
    EXPECT_FALSE(attachment_content_type(""));
    EXPECT_FALSE(attachment_content_type("%PDF"));  // cut short
    EXPECT_FALSE(attachment_content_type("GIF89a"));
    EXPECT_FALSE(attachment_content_type("MZ\x90"));  // a Windows program
    EXPECT_FALSE(attachment_content_type("<html>%PDF-1.4"));
}

std::vector<std::string> codes(const std::vector<completeness_gap>& gaps) {
    std::vector<std::string> out;
    for (const auto& g : gaps) out.push_back(g.code);
    return out;
}

TEST(Attachment, WhatAFileLacksFollowsItsStatus) {
    auto h = test_data::sample_household();
    h.phone.clear();
    EXPECT_EQ(codes(completeness_gaps(h, {}, false)), (std::vector<std::string>{"phone"}));
    h.phone = "13800000000";
    EXPECT_TRUE(completeness_gaps(h, {}, false).empty());
    EXPECT_EQ(codes(completeness_gaps(h, {}, true)), (std::vector<std::string>{"attachment.application"}));

    h.status = "registered";
    h.national_number.clear();
    attachment application;
    application.kind = "application";
    EXPECT_EQ(codes(completeness_gaps(h, {application}, true)),
              (std::vector<std::string>{"national_number", "attachment.appraisal_minutes", "attachment.house_photo"}));
    attachment minutes = application, photo = application;
    minutes.kind = "appraisal_minutes";
    photo.kind = "house_photo";
    h.national_number = "5299011012010030012";
    EXPECT_TRUE(completeness_gaps(h, {application, minutes, photo}, true).empty());
    const auto gaps = completeness_gaps(h, {minutes, photo}, true);
    ASSERT_EQ(gaps.size(), 1u);
    EXPECT_EQ(gaps[0].zh, "缺入户申请书");
}

}  // namespace
}  // namespace fupin::common
