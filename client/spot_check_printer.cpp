#include "client/spot_check_printer.hpp"

#include "client/text_layout.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;

namespace {

std::string rate(const std::optional<int>& per_mille) {
    if (!per_mille) return "-";
    return fmt::format("{}.{}%", *per_mille / 10, *per_mille % 10);
}

}  // namespace

std::string spot_check_printer::check(const common::spot_check& c) const {
    std::string out = rformat(in(lang_, "抽查 {}（{} 年）：每层抽取 {}%，至少 {} 户；随机种子 {}\n",
                                 "Spot check {} ({}): {}% of each stratum, at least {}; seed {}\n"),
                              c.id, c.plan.year, c.plan.share_percent, c.plan.minimum, c.plan.seed);
    out += rformat(in(lang_, "抽取：{}  {}；共 {} 户，已核查 {} 户\n\n", "Drawn by {} at {}; {} households, {} checked\n\n"),
                   or_dash(c.drawn_by), or_dash(format_beijing_time(c.drawn_at_ms)), c.households, c.checked);
    std::vector<std::vector<std::string>> strata;
    for (const auto& s : c.strata)
        strata.push_back({or_dash(s.township_name.empty() ? s.township_code : s.township_name),
                          label_or_code(voc::sample_standings, s.standing, lang_), std::to_string(s.population),
                          std::to_string(s.drawn)});
    out += format_table({in(lang_, "乡镇", "Township"), in(lang_, "类别", "Standing"), in(lang_, "总户数", "Files"),
                         in(lang_, "抽取", "Drawn")},
                        strata, {align::left, align::left, align::right, align::right});
    if (c.items.empty()) return out;
    std::vector<std::vector<std::string>> rows;
    for (const auto& i : c.items)
        rows.push_back({std::to_string(i.household_id), or_dash(i.head_name),
                        or_dash(i.village_name.empty() ? i.village_code : i.village_name),
                        label_or_code(voc::sample_standings, i.standing, lang_),
                        i.result ? label_or_code(voc::check_verdicts, i.result->verdict, lang_) : in(lang_, "待核查", "to check"),
                        i.result ? label_or_code(voc::check_follow_ups, i.result->follow_up, lang_) : "-",
                        i.result && i.result->follow_up != "none"
                            ? (i.follow_up_done ? in(lang_, "已处理", "done") : in(lang_, "待处理", "due"))
                            : "-"});
    out += "\n" + format_table({in(lang_, "户编号", "Household"), in(lang_, "户主", "Head"), in(lang_, "村", "Village"),
                                in(lang_, "类别", "Standing"), in(lang_, "结论", "Verdict"),
                                in(lang_, "后续处理", "Follow-up"), in(lang_, "处理情况", "Done")},
                               rows, {align::right});
    return out;
}

std::string spot_check_printer::table(const std::vector<common::spot_check>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : items)
        rows.push_back({std::to_string(c.id), std::to_string(c.plan.year), c.plan.seed,
                        std::to_string(c.households), std::to_string(c.checked), or_dash(c.drawn_by),
                        or_dash(format_beijing_time(c.drawn_at_ms))});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "年度", "Year"), in(lang_, "随机种子", "Seed"),
                         in(lang_, "抽取户数", "Drawn"), in(lang_, "已核查", "Checked"), in(lang_, "抽取人", "By"),
                         in(lang_, "抽取时间", "At")},
                        rows, {align::right, align::right, align::left, align::right, align::right});
}

std::string spot_check_printer::item(const common::spot_check_item& i) const {
    std::string out = rformat(in(lang_, "户 {}（{}，{}）", "Household {} ({}, {})"), i.household_id, or_dash(i.head_name),
                              or_dash(i.village_name.empty() ? i.village_code : i.village_name));
    if (!i.result) return out + in(lang_, "：待核查\n", ": not checked yet\n");
    const auto& r = *i.result;
    out += rformat(in(lang_, "：{} {}，结论“{}”，后续处理：{}\n", ": {} {}, verdict {}, follow-up: {}\n"), r.checked_on,
                   label_or_code(voc::check_methods, r.method, lang_), label_or_code(voc::check_verdicts, r.verdict, lang_),
                   label_or_code(voc::check_follow_ups, r.follow_up, lang_));
    for (const auto& f : r.findings)
        out += f.correct ? rformat(in(lang_, "  ✓ {}\n", "  ✓ {}\n"), f.field)
                         : rformat(in(lang_, "  ✗ {}：实际为 {}\n", "  ✗ {}: found {}\n"), f.field, f.found);
    if (!r.note.empty()) out += rformat(in(lang_, "  备注：{}\n", "  note: {}\n"), r.note);
    return out;
}

std::string spot_check_printer::accuracy(const std::vector<common::spot_check_accuracy>& rows) const {
    std::vector<std::vector<std::string>> table;
    for (const auto& a : rows)
        table.push_back({a.township_code.empty() ? in(lang_, "全县", "County")
                                                 : or_dash(a.township_name.empty() ? a.township_code : a.township_name),
                         std::to_string(a.sampled), std::to_string(a.checked), std::to_string(a.accurate),
                         std::to_string(a.inaccurate), std::to_string(a.should_exit), std::to_string(a.should_enter),
                         rate(a.accuracy_per_mille)});
    return format_table({in(lang_, "乡镇", "Township"), in(lang_, "抽取", "Sampled"), in(lang_, "已核查", "Checked"),
                         in(lang_, "准确", "Accurate"), in(lang_, "有误", "Inaccurate"), in(lang_, "应退未退", "Should exit"),
                         in(lang_, "应纳未纳", "Should enter"), in(lang_, "准确率", "Accuracy")},
                        table, {align::left, align::right, align::right, align::right, align::right, align::right,
                                align::right, align::right}) +
           in(lang_, "准确率 = 准确户数 ÷ 已核查户数\n", "Accuracy = accurate ÷ checked\n");
}

}  // namespace fupin::client
