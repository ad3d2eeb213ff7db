#include "server/documents/supervision_ranking.hpp"

#include <fmt/format.h>

#include "common/area.hpp"
#include "common/display_text.hpp"
#include "common/vocabulary.hpp"
#include "server/documents/pdf_table.hpp"
#include "server/documents/xlsx_workbook.hpp"

namespace fupin::server::documents {

using common::in;
using common::language;
namespace voc = common::vocabulary;

namespace {

// The indicators in the vocabulary's order, with the weight the county gave each.
std::vector<std::pair<std::string, int>> weighted_indicators(const common::supervision_weights& w) {
    return {{"progress", w.progress}, {"completeness", w.completeness}, {"objections", w.objections},
            {"spot_checks", w.spot_checks}};
}

const std::optional<int>& indicator_of(const common::township_standing& t, const std::string& code) {
    if (code == "progress") return t.indicators.progress;
    if (code == "completeness") return t.indicators.completeness;
    if (code == "objections") return t.indicators.objections;
    return t.indicators.spot_checks;
}

std::string weights_line(const common::supervision_ranking& r, language lang) {
    std::string out = in(lang, "指标权重：", "Weights: ");
    bool first = true;
    for (const auto& [code, weight] : weighted_indicators(r.weights)) {
        out += (first ? "" : in(lang, "，", ", ")) + common::label(voc::supervision_indicators, code, lang) + " " +
               std::to_string(weight);
        first = false;
    }
    return out + in(lang, "（满分100分；某项无可评数据的乡镇，按其余各项权重计分）",
                    " (100 points in all; a township with nothing to judge an indicator by is scored on the others)");
}

std::string rank_text(const common::township_standing& t) { return t.rank ? std::to_string(*t.rank) : "—"; }
std::string score_text(const common::township_standing& t) { return t.score ? common::format_score(*t.score) : "—"; }

std::string note_line(const common::supervision_note& n, const std::string& township_name, language lang) {
    return fmt::format(fmt::runtime(in(lang, "【{}】{}：{}（{}，{}）", "[{}] {}: {} ({}, {})")),
                       common::label(voc::supervision_note_kinds, n.kind, lang), township_name, n.text, n.written_by,
                       common::format_beijing_time(n.written_at_ms));
}

// A township's own line is an excerpt of the county's ranking, and says so.
bool is_excerpt(const common::supervision_ranking& r) { return common::area_level_of_code(r.area_code) != "county"; }

}  // namespace

std::string supervision_ranking_title(const common::supervision_ranking& r, const std::string& county_name,
                                      language lang) {
    return fmt::format(fmt::runtime(in(lang, "{}{}年度扶贫对象建档立卡专项督查排名{}", "{}: supervision ranking of townships, {}{}")),
                       county_name, r.year, is_excerpt(r) ? in(lang, "（摘录）", " (excerpt)") : "");
}

void draw_supervision_ranking(pdf_document& doc, const common::supervision_ranking& r, const std::string& county_name,
                              language lang) {
    doc.paragraph(supervision_ranking_title(r, county_name, lang), {16, true, text_align::center}, 6);
    doc.paragraph(fmt::format(fmt::runtime(in(lang, "截至 {}，参与排名乡镇 {} 个", "As of {}; {} township(s) ranked")), r.as_of,
                              r.townships_ranked),
                  {10, false, text_align::center}, 6);
    doc.paragraph(weights_line(r, lang), {9, false, text_align::left}, 8);

    std::vector<table_column> columns{{in(lang, "排名", "Rank"), 0.6, text_align::right},
                                      {in(lang, "乡镇", "Township"), 1.4},
                                      {in(lang, "得分", "Score"), 0.8, text_align::right}};
    for (const auto& [code, weight] : weighted_indicators(r.weights))
        columns.push_back({common::label(voc::supervision_indicators, code, lang), 1.3, text_align::right});
    pdf_table table(doc, columns, 9);
    for (const auto& t : r.townships) {
        std::vector<std::string> row{rank_text(t), t.township_name, score_text(t)};
        for (const auto& [code, weight] : weighted_indicators(r.weights)) {
            const auto basis = common::indicator_basis(t.figures, code);
            row.push_back(common::format_indicator(indicator_of(t, code)) + (basis.empty() ? "" : "\n" + basis));
        }
        table.add_row(row);
    }

    doc.advance(12);
    doc.paragraph(in(lang, "督查通报", "Notices"), {12, true, text_align::left}, 6);
    bool any = false;
    for (const auto& t : r.townships)
        for (const auto& n : t.notes) {
            doc.paragraph(note_line(n, t.township_name, lang), {10, false, text_align::left}, 4);
            any = true;
        }
    if (!any) doc.paragraph(in(lang, "本年度尚无通报。", "None this year."), {10, false, text_align::left}, 4);
    // The circular goes out under the leading group's office, dated the day it was counted; an excerpt is no
    // circular.
    if (is_excerpt(r)) return;
    doc.advance(20);
    doc.paragraph(county_name + in(lang, "扶贫开发领导小组办公室", " poverty alleviation leading group office"),
                  {11, false, text_align::right}, 4);
    doc.paragraph(r.as_of, {11, false, text_align::right}, 4);
}

void write_supervision_ranking_xlsx(const common::supervision_ranking& r, const std::string& county_name,
                                    const std::string& printed_at, language lang,
                                    const std::function<void(std::string_view)>& out) {
    const auto title = supervision_ranking_title(r, county_name, lang);
    xlsx_workbook book(title, county_name, printed_at);
    {
        auto s = book.add_sheet(in(lang, "排名", "Ranking"));
        std::vector<std::string> header{in(lang, "排名", "Rank"), in(lang, "乡镇代码", "Code"), in(lang, "乡镇", "Township"),
                                        in(lang, "得分", "Score")};
        std::vector<double> widths{8, 12, 16, 8};
        for (const auto& [code, weight] : weighted_indicators(r.weights)) {
            header.push_back(fmt::format(fmt::runtime(in(lang, "{}（%，权重{}）", "{} (%, weight {})")),
                                         common::label(voc::supervision_indicators, code, lang), weight));
            widths.push_back(16);
        }
        for (const auto* h : {in(lang, "识别案件", "Cases"), in(lang, "超期", "Overdue"), in(lang, "县级公示", "County posting"),
                              in(lang, "公示异议成立", "Objection upheld"),
                              in(lang, "在册贫困户", "Registered"), in(lang, "资料齐全", "Complete"),
                              in(lang, "抽查", "Checked"), in(lang, "抽查准确", "Accurate")}) {
            header.push_back(h);
            widths.push_back(11);
        }
        s.set_columns(widths);
        s.text(0, title, cell_kind::title);
        s.next_row();
        s.text(0, weights_line(r, lang));
        s.next_row();
        s.header(header);
        for (const auto& t : r.townships) {
            int c = 0;
            if (t.rank) s.count(c, *t.rank);
            s.text(++c, t.township_code);
            s.text(++c, t.township_name);
            if (t.score) s.number(++c, *t.score / 10.0);
            else ++c;
            for (const auto& [code, weight] : weighted_indicators(r.weights)) {
                ++c;
                if (const auto& v = indicator_of(t, code)) s.number(c, *v / 10.0);
            }
            const auto& f = t.figures;
            for (const auto n : {f.cases, f.cases_overdue, f.cases_posted_by_county, f.cases_with_objection, f.registered,
                                 f.complete_files, f.checked, f.accurate})
                s.count(++c, static_cast<double>(n));
            s.next_row();
        }
    }
    {
        auto s = book.add_sheet(in(lang, "督查通报", "Notices"));
        s.set_columns({16, 12, 60, 14, 18});
        s.header({in(lang, "乡镇", "Township"), in(lang, "类别", "Kind"), in(lang, "内容", "Text"),
                  in(lang, "通报人", "By"), in(lang, "时间", "At")});
        for (const auto& t : r.townships)
            for (const auto& n : t.notes) {
                s.text(0, t.township_name);
                s.text(1, common::label(voc::supervision_note_kinds, n.kind, lang));
                s.text(2, n.text, cell_kind::wrapped_text);
                s.text(3, n.written_by);
                s.text(4, common::format_beijing_time(n.written_at_ms));
                s.next_row();
            }
    }
    book.finish(out);
}

}  // namespace fupin::server::documents
