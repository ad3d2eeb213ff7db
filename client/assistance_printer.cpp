#include "client/assistance_printer.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "client/text_layout.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;

namespace {

std::string labelled(const std::vector<std::pair<std::string, std::string>>& lines) {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, common::display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += pad(label, width) + "  " + value + "\n";
    return out;
}

// "12/40（30%）": how many of the households meet one answer.
std::string share(int n, int of, common::language lang) {
    if (of == 0) return "-";
    const int percent = of ? (n * 100 + of / 2) / of : 0;
    return std::to_string(n) + "/" + std::to_string(of) + in(lang, "（", " (") + std::to_string(percent) +
           in(lang, "%）", "%)");
}

}  // namespace

std::string assistance_printer::measure_table(const std::vector<common::measure>& measures) const {
    if (measures.empty()) return in(lang_, "（没有帮扶措施）\n", "(no measures)\n");
    std::vector<std::vector<std::string>> rows;
    for (const auto& m : measures)
        rows.push_back({std::to_string(m.id), std::to_string(m.plan_year),
                        label_or_code(voc::measure_categories, m.category, lang_), m.content, or_dash(m.helper_name),
                        or_dash(m.project_name), label_or_code(voc::measure_statuses, m.status, lang_),
                        format_amount(common::planned_total(m)), format_amount(common::paid_total(m))});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "年度", "Year"), in(lang_, "类别", "Category"),
                         in(lang_, "内容", "Content"), in(lang_, "责任人", "Helper"), in(lang_, "项目", "Project"),
                         in(lang_, "状态", "Status"), in(lang_, "计划资金(元)", "Planned (yuan)"),
                         in(lang_, "已到户(元)", "Paid (yuan)")},
                        rows,
                        {align::right, align::right, align::left, align::left, align::left, align::left, align::left,
                         align::right, align::right});
}

std::string assistance_printer::measure(const common::measure& m) const {
    std::string funds;
    for (const auto& f : m.funds)
        funds += (funds.empty() ? "" : in(lang_, "；", "; ")) + label_or_code(voc::fund_sources, f.source, lang_) +
                 rformat(in(lang_, " 计划 {} 元、已到户 {} 元", " planned {} paid {} yuan"), format_amount(f.planned),
                         format_amount(f.paid));
    std::string status = label_or_code(voc::measure_statuses, m.status, lang_);
    if (!m.cancel_reason.empty()) status += in(lang_, "（", " (") + m.cancel_reason + in(lang_, "）", ")");
    return labelled({{in(lang_, "措施编号", "Measure"), std::to_string(m.id) + in(lang_, "（版本 ", " (version ") +
                                                           std::to_string(m.version) + in(lang_, "）", ")")},
                     {in(lang_, "户编号", "Household"), std::to_string(m.household_id)},
                     {in(lang_, "年度", "Year"), std::to_string(m.plan_year)},
                     {in(lang_, "类别", "Category"), label_or_code(voc::measure_categories, m.category, lang_)},
                     {in(lang_, "内容", "Content"), m.content},
                     {in(lang_, "责任人", "Helper"), or_dash(m.helper_name)},
                     {in(lang_, "项目", "Project"), or_dash(m.project_name)},
                     {in(lang_, "状态", "Status"), status},
                     {in(lang_, "起止日期", "Dates"), or_dash(m.start_date) + " ~ " + or_dash(m.end_date)},
                     {in(lang_, "资金", "Funds"), or_dash(funds)},
                     {in(lang_, "合计", "Total"),
                      rformat(in(lang_, "计划 {} 元，已到户 {} 元", "planned {} yuan, paid {} yuan"),
                              format_amount(common::planned_total(m)), format_amount(common::paid_total(m)))}});
}

std::string assistance_printer::suggestions(const std::vector<common::category_suggestion>& s) const {
    if (s.empty()) return in(lang_, "致贫原因没有对应的帮扶类别，请按实际情况确定。\n",
                             "No category follows from the causes; decide by the household's situation.\n");
    std::string out = in(lang_, "按致贫原因建议的帮扶类别（分类分档）：\n", "Categories suggested by the causes:\n");
    for (const auto& x : s) {
        std::string because = x.because == "housing"          ? in(lang_, "住房状况", "housing")
                              : x.because == "drinking_water" ? in(lang_, "饮水状况", "drinking water")
                                                              : label_or_code(voc::poverty_causes, x.because, lang_);
        if (x.main_cause) because += in(lang_, "（主要致贫原因）", " (main cause)");
        out += "  " + label_or_code(voc::measure_categories, x.category, lang_) + in(lang_, "  ← ", "  <- ") + because + "\n";
    }
    return out;
}

std::string assistance_printer::project_table(const std::vector<common::project>& projects) const {
    if (projects.empty()) return in(lang_, "（没有项目）\n", "(no projects)\n");
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : projects)
        rows.push_back({std::to_string(p.id), p.name, std::to_string(p.year),
                        label_or_code(voc::measure_categories, p.category, lang_), p.area_code,
                        std::to_string(p.households), format_amount(p.planned), format_amount(p.paid)});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "项目", "Project"), in(lang_, "年度", "Year"),
                         in(lang_, "类别", "Category"), in(lang_, "区划", "Area"), in(lang_, "受益户", "Households"),
                         in(lang_, "计划资金(元)", "Planned (yuan)"), in(lang_, "已到户(元)", "Paid (yuan)")},
                        rows,
                        {align::right, align::left, align::right, align::left, align::left, align::right,
                         align::right, align::right});
}

std::string assistance_printer::project(const common::project& p) const {
    return rformat(in(lang_, "项目 {}：{}（{}，{} 年，{}）\n", "Project {}: {} ({}, {}, {})\n"), p.id, p.name,
                   label_or_code(voc::measure_categories, p.category, lang_), p.year, p.area_code);
}

std::string assistance_printer::plan(const common::assistance_plan& p) const {
    std::string out;
    if (p.version == 0)
        out = rformat(in(lang_, "户 {} 尚无 {} 年帮扶计划（规划到户未落实）\n", "Household {} has no plan for {}\n"),
                      p.household_id, p.year);
    else
        out = labelled({{in(lang_, "户编号", "Household"), std::to_string(p.household_id)},
                        {in(lang_, "年度", "Year"), std::to_string(p.year)},
                        {in(lang_, "预期增收", "Expected income effect"), format_yuan(p.expected_income_effect, lang_)},
                        {in(lang_, "户签字认可", "Acknowledged"),
                         p.acknowledged_on.empty() ? in(lang_, "未签字", "not yet") : p.acknowledged_on},
                        {in(lang_, "说明", "Note"), or_dash(p.note)},
                        {in(lang_, "版本", "Version"), std::to_string(p.version)}});
    return out + "\n" + measure_table(p.measures);
}

std::string assistance_printer::visit_table(const std::vector<common::visit>& visits) const {
    if (visits.empty()) return in(lang_, "（没有走访记录）\n", "(no visits)\n");
    std::vector<std::vector<std::string>> rows;
    for (const auto& v : visits)
        rows.push_back({std::to_string(v.id), v.visited_on, label_or_code(voc::visit_kinds, v.kind, lang_),
                        or_dash(v.helper_name), v.done, or_dash(v.situation), or_dash(v.follow_up), v.recorded_by});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "日期", "Date"), in(lang_, "方式", "Kind"),
                         in(lang_, "帮扶责任人", "Helper"), in(lang_, "帮扶内容", "Done"),
                         in(lang_, "户情况", "Situation"), in(lang_, "后续", "Follow-up"), in(lang_, "登记人", "By")},
                        rows, {align::right});
}

std::string assistance_printer::visit(const common::visit& v) const {
    return rformat(in(lang_, "已登记走访 {}：户 {}，{}，{}（{}）\n", "Visit {} recorded: household {}, {}, {} ({})\n"),
                   v.id, v.household_id, v.visited_on, label_or_code(voc::visit_kinds, v.kind, lang_),
                   or_dash(v.helper_name));
}

std::string assistance_printer::sandaohu(const common::sandaohu_report& r) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : r.areas)
        rows.push_back({or_dash(a.area_name), a.area_code, std::to_string(a.households),
                        share(a.plan, a.households, lang_), share(a.project, a.households, lang_),
                        share(a.funds, a.households, lang_), share(a.responsibility, a.households, lang_),
                        share(a.project_person, a.households, lang_), share(a.contact, a.households, lang_),
                        share(a.complete, a.households, lang_)});
    std::string out =
        rformat(in(lang_, "{} 年三到户三到人（联系到人：{} 起的走访）\n", "三到户三到人 of {} (contact: visits since {})\n"),
                r.year, r.since) +
        format_table({in(lang_, "区域", "Area"), in(lang_, "代码", "Code"), in(lang_, "贫困户", "Households"),
                      in(lang_, "规划到户", "Plan"), in(lang_, "项目到户", "Project"), in(lang_, "资金到户", "Funds"),
                      in(lang_, "责任到人", "Helper"), in(lang_, "项目到人", "Measure helper"),
                      in(lang_, "联系到人", "Contact"), in(lang_, "全部落实", "All six")},
                     rows, {align::left, align::left, align::right});
    if (r.gaps_total == 0) return out + in(lang_, "\n全部落实，没有缺项。\n", "\nNo gaps.\n");
    std::map<std::string, std::string> names;  // the villages the report names (those below a township)
    for (const auto& a : r.areas) names[a.area_code] = a.area_name;
    std::vector<std::vector<std::string>> gaps;
    for (const auto& h : r.gaps) {
        std::vector<std::string> missing;
        const auto add = [&](bool ok, const char* zh, const char* en) {
            if (!ok) missing.push_back(in(lang_, zh, en));
        };
        add(h.plan, "规划到户", "plan");
        add(h.project, "项目到户", "project");
        add(h.funds, "资金到户", "funds");
        add(h.responsibility, "责任到人", "helper");
        add(h.project_person, "项目到人", "measure helper");
        add(h.contact, "联系到人", "contact");
        std::string joined;
        for (const auto& m : missing) joined += (joined.empty() ? "" : in(lang_, "、", ", ")) + m;
        const auto village = names.find(h.village_code);
        gaps.push_back({std::to_string(h.household_id), or_dash(h.head_name),
                        village == names.end() ? h.village_code : village->second, joined});
    }
    out += "\n" + rformat(in(lang_, "未落实的户（共 {} 户）：\n", "Households with gaps ({}):\n"), r.gaps_total) +
           format_table({in(lang_, "户编号", "Household"), in(lang_, "户主", "Head"), in(lang_, "村", "Village"),
                         in(lang_, "缺项", "Missing")},
                        gaps, {align::right});
    if (static_cast<int>(r.gaps.size()) < r.gaps_total)
        out += rformat(in(lang_, "（仅列出前 {} 户，用 --gaps N 列出更多）\n", "(first {} listed; --gaps N for more)\n"),
                       r.gaps.size());
    return out;
}

}  // namespace fupin::client
