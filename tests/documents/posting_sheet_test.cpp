#include "server/documents/posting_sheet.hpp"

#include <filesystem>

#include <gtest/gtest.h>

#include "tests/support/document_reader.hpp"

namespace fupin::server::documents {
namespace {

common::posting sample_posting(const std::string& level) {
    common::posting p;
    p.id = 5;
    p.level = level;
    p.area_code = "529901101201";
    p.area_name = "岩脚村";
    p.year = 2026;
    p.published_on = "2026-12-01";
    p.days = 7;
    p.last_day = "2026-12-07";
    p.next_step_on = "2026-12-08";
    p.published_at_ms = 1796083200000;
    p.published_by = "clerk1";
    for (int i = 1; i <= 3; ++i) {
        common::posting_entry e;
        e.application_id = i;
        e.position = i;
        e.head_name = i == 1 ? "王大山" : i == 2 ? "李四" : "张三";
        e.village_name = "岩脚村";
        e.group_name = "三组";
        e.household_size = 3;
        e.per_capita_net_income = 230050;
        e.main_cause = "lack_of_funds";
        if (level == "village") e.appraisal_rank = i;
        p.entries.push_back(e);
    }
    return p;
}

std::string draw(const common::posting& p) {
    std::string bytes;
    pdf_document doc([&](std::string_view b) { bytes.append(b); }, {"青峰县", "公示", "打印", "第 {} 页"});
    draw_posting(doc, p, common::language::zh);
    doc.finish();
    return bytes;
}

TEST(PostingSheet, TheNoticeBoardsSheetWithoutIdNumbers) {
    const auto bytes = draw(sample_posting("village"));
    const auto text = test_support::pdf_text(bytes);
    EXPECT_TRUE(test_support::has_text(text, "岩脚村 2026年扶贫对象第一榜公示"));
    EXPECT_TRUE(test_support::has_text(text, "2026-12-01 至 2026-12-07（共 7 天）"));
    EXPECT_TRUE(test_support::has_text(text, "王大山"));
    EXPECT_TRUE(test_support::has_text(text, "2,300.50"));
    EXPECT_TRUE(test_support::has_text(text, "缺资金"));
    EXPECT_TRUE(test_support::has_text(text, "评议排名"));
    EXPECT_TRUE(test_support::has_text(text, "2026-12-08 起"));
    EXPECT_TRUE(test_support::has_text(text, "共 3 户"));
    EXPECT_TRUE(test_support::has_text(text, "公示期内如有异议"));
    EXPECT_TRUE(test_support::has_text(text, "岩脚村村民委员会（盖章）"));
    test_support::save_document(bytes, std::string(FUPIN_DOCUMENTS_OUT) + "/posting.pdf");
    test_support::pdf_page_png(bytes, 1, std::string(FUPIN_DOCUMENTS_OUT) + "/posting-1.png");
}

TEST(PostingSheet, AnExitPostingHasItsOwnTitleAndNoRanking) {
    const auto text = test_support::pdf_text(draw(sample_posting("exit_village")));
    EXPECT_TRUE(test_support::has_text(text, "岩脚村 2026年拟脱贫退出户公示"));
    EXPECT_FALSE(test_support::has_text(text, "评议排名"));
}

}  // namespace
}  // namespace fupin::server::documents
