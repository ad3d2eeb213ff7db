#include "server/documents/household_card.hpp"

#include <filesystem>
#include <sstream>

#include <gtest/gtest.h>

#include "common/display_text.hpp"
#include "common/household_validation.hpp"
#include "test_data/sample_household.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::server::documents {
namespace {

using test_support::pdf_pages;
using test_support::pdf_text;

page_frame frame() { return {"青峰县", household_card_title(common::language::zh), "打印：王保峰　2026-12-07 09:30", "第 {} 页"}; }

household_card sample_card() {
    household_card card;
    card.household = test_data::stored_sample_household();
    common::pairing p;
    p.helper_name = "赵帮扶";
    p.unit_name = "县农业农村局";
    p.helper_post = "科员";
    p.helper_phone = "13800001111";
    p.started_at_ms = 1795946400000;
    card.helpers.push_back(p);
    common::measure m;
    m.plan_year = 2026;
    m.category = "industry";
    m.content = "发放良种猪2头，技术员跟踪指导";
    m.status = "in_progress";
    m.funds.push_back({"county", 300000, 0});
    card.measures.push_back(m);
    return card;
}

std::string draw(const household_card& card, common::language lang = common::language::zh) {
    std::string bytes;
    pdf_document doc([&](std::string_view b) { bytes.append(b); }, frame());
    draw_household_card(doc, card, lang);
    doc.finish();
    return bytes;
}

TEST(HouseholdCard, NamesTheHouseholdItsMembersIncomeHelpersAndSignatures) {
    const auto card = sample_card();
    const auto bytes = draw(card);
    ASSERT_EQ(bytes.rfind("%PDF-", 0), 0u);
    const auto text = pdf_text(bytes);
    EXPECT_TRUE(test_support::has_text(text, "扶贫开发建档立卡贫困户登记表"));
    EXPECT_TRUE(test_support::has_text(text, "石门镇 岩脚村 三组")) << text;
    for (const auto& m : card.household.members) {
        EXPECT_TRUE(test_support::has_text(text, m.name)) << m.name;
        EXPECT_TRUE(test_support::has_text(text, m.id_number)) << m.id_number;
    }
    EXPECT_TRUE(test_support::has_text(text, card.household.head_name));
    // The per-capita income and the household's net income as the card prints them.
    EXPECT_TRUE(test_support::has_text(text, common::format_amount(card.household.per_capita_net_income)));
    EXPECT_TRUE(test_support::has_text(text, common::format_amount(common::income_total(card.household.income))));
    EXPECT_TRUE(test_support::has_text(text, "赵帮扶"));
    EXPECT_TRUE(test_support::has_text(text, "县农业农村局"));
    EXPECT_TRUE(test_support::has_text(text, "发放良种猪2头"));
    EXPECT_TRUE(test_support::has_text(text, "3,000.00"));
    EXPECT_TRUE(test_support::has_text(text, "户主签字"));
    EXPECT_TRUE(test_support::has_text(text, "乡镇人民政府（盖章）"));
    // The frame on every page.
    EXPECT_TRUE(test_support::has_text(text, "青峰县"));
    EXPECT_TRUE(test_support::has_text(text, "打印：王保峰"));
    EXPECT_TRUE(test_support::has_text(text, "第 1 页"));

    test_support::save_document(bytes, std::string(FUPIN_DOCUMENTS_OUT) + "/household-card.pdf");
    test_support::pdf_page_png(bytes, 1, std::string(FUPIN_DOCUMENTS_OUT) + "/household-card-1.png");
}

TEST(HouseholdCard, ALongCardGoesOnToMorePagesEachFramed) {
    auto card = sample_card();
    for (int i = 0; i < 40; ++i) {
        auto m = card.measures.front();
        m.content = "第" + std::to_string(i + 1) + "项措施：发放良种猪2头，技术员跟踪指导，并组织参加县里的养殖技术培训三次";
        card.measures.push_back(m);
    }
    const auto bytes = draw(card);
    const int pages = pdf_pages(bytes);
    EXPECT_GE(pages, 2);
    const auto text = pdf_text(bytes);
    EXPECT_TRUE(test_support::has_text(text, "第40项措施"));
    EXPECT_TRUE(test_support::has_text(text, "第 " + std::to_string(pages) + " 页"));
    // The measures' header is drawn again at the top of the page the table continues on.
    std::size_t headers = 0;
    for (auto at = text.find("措施内容"); at != std::string::npos; at = text.find("措施内容", at + 1)) ++headers;
    EXPECT_GE(headers, 2u);
}

TEST(HouseholdCard, InEnglishOnRequest) {
    const auto text = pdf_text(draw(sample_card(), common::language::en));
    EXPECT_TRUE(test_support::has_text(text, "Members"));
    EXPECT_TRUE(test_support::has_text(text, "Per capita"));
}

TEST(HouseholdCard, ARareCharacterIsDrawnFromAFontThatHasIt) {
    auto card = sample_card();
    card.household.members.at(1).name = "李\xF0\xA0\x88\x8C";  // 李𠈌: U+2020C, outside Noto Sans CJK
    const auto bytes = draw(card);
    EXPECT_TRUE(test_support::has_text(pdf_text(bytes), "李\xF0\xA0\x88\x8C"));
    EXPECT_NE(test_support::pdf_fonts(bytes).find("HanaMin"), std::string::npos);
}

// cairo 1.16 writes some glyphs of a CFF face's subset empty: the faces embedded are TrueType subsets, or
// cairo's own outlines of a face it emboldens (CairoFont-*), never a CFF face's subset (pdf_document.cpp).
TEST(HouseholdCard, EmbedsNoSubsetOfACffFace) {
    const auto fonts = test_support::pdf_fonts(draw(sample_card()));
    EXPECT_NE(fonts.find("CID TrueType"), std::string::npos) << fonts;
    std::istringstream lines(fonts);
    for (std::string line; std::getline(lines, line);)
        if (line.find("Type 0C") != std::string::npos) {
            EXPECT_NE(line.find("CairoFont"), std::string::npos) << line;
        }
}

}  // namespace
}  // namespace fupin::server::documents
