#include "server/documents/posting_sheet.hpp"

#include <fmt/format.h>

#include "common/area.hpp"
#include "common/display_text.hpp"
#include "common/posting_title.hpp"
#include "common/vocabulary.hpp"
#include "server/documents/pdf_table.hpp"

namespace fupin::server::documents {

using common::in;

namespace {

// Who answers for the posting on the board, by its area's level: the village committee, the township
// government, the county's leading group, each under its seal.
std::string publisher(const common::posting& p, common::language lang) {
    const auto level = common::area_level_of_code(p.area_code);
    const char* body = level == "village"    ? in(lang, "村民委员会", " village committee")
                       : level == "township" ? in(lang, "人民政府", " township government")
                                             : in(lang, "扶贫开发领导小组", " poverty alleviation leading group");
    return p.area_name + body + in(lang, "（盖章）", " (seal)");
}

}  // namespace

void draw_posting(pdf_document& doc, const common::posting& p, common::language lang) {
    const auto text = [&](const char* zh, const char* en, auto&&... args) {
        return fmt::format(fmt::runtime(in(lang, zh, en)), std::forward<decltype(args)>(args)...);
    };
    doc.paragraph(common::posting_title(p, lang), {18, true, text_align::center}, 8);
    doc.paragraph(text("公示时间：{} 至 {}（共 {} 天）", "Posted from {} through {} ({} days)", common::or_dash(p.published_on),
                       common::or_dash(p.last_day), p.days),
                  {10, false, text_align::center}, 10);
    // An exit's lists carry no appraisal ranking: its panel votes on each household alone.
    const bool ranked = p.level.rfind("exit_", 0) != 0;
    std::vector<table_column> columns{{in(lang, "序号", "No."), 0.6, text_align::right},
                                      {in(lang, "户主", "Head of household"), 1.2},
                                      {in(lang, "村", "Village"), 1.3},
                                      {in(lang, "组", "Group"), 1.1},
                                      {in(lang, "人口", "Size"), 0.6, text_align::right},
                                      {in(lang, "人均纯收入（元）", "Per capita (yuan)"), 1.2, text_align::right},
                                      {in(lang, "主要致贫原因", "Main cause"), 1.3}};
    if (ranked) columns.push_back({in(lang, "评议排名", "Rank"), 0.8, text_align::right});
    pdf_table table(doc, columns, 10);
    for (const auto& e : p.entries) {
        std::vector<std::string> row{std::to_string(e.position), e.head_name,
                                     e.village_name.empty() ? e.village_code : e.village_name, common::or_dash(e.group_name),
                                     std::to_string(e.household_size), common::format_amount(e.per_capita_net_income),
                                     common::label_or_code(common::vocabulary::poverty_causes, e.main_cause, lang)};
        if (ranked) row.push_back(e.appraisal_rank ? std::to_string(*e.appraisal_rank) : "-");
        table.add_row(row);
    }
    doc.advance(8);
    doc.paragraph(text("共 {} 户", "{} household(s)", p.entries.size()), {10, false, text_align::left}, 8);
    if (p.level != "result" && p.level != "exit_county")
        doc.paragraph(text("公示期内如有异议，请向村委会或乡镇人民政府反映。公示期满后（{} 起）方可办理下一步。",
                           "Objections may be raised with the village committee or the township government while it "
                           "is posted; the next step may be taken from {}.",
                           common::or_dash(p.next_step_on)),
                      {10, false, text_align::left}, 12);
    doc.paragraph(text("发布：{}　　{}", "Published by {} at {}", common::or_dash(p.published_by),
                       common::or_dash(common::format_beijing_time(p.published_at_ms))),
                  {10, false, text_align::right}, 24);
    doc.paragraph(publisher(p, lang), {11, false, text_align::right}, 4);
    if (p.published_on.size() == 10)  // YYYY-MM-DD
        doc.paragraph(text("{} 年 {} 月 {} 日", "{}-{}-{}", p.published_on.substr(0, 4), p.published_on.substr(5, 2),
                           p.published_on.substr(8, 2)),
                      {11, false, text_align::right}, 4);
}

}  // namespace fupin::server::documents
