#include "client/department_check_printer.hpp"

#include "client/text_layout.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;

namespace {

std::string state_of(const common::household_flag& f, common::language lang) {
    if (!f.open()) return rformat(in(lang, "已核销（{}）", "cleared ({})"), f.cleared_by);
    if (f.holds) return in(lang, "未核销（暂停识别）", "open (holds identification)");
    if (f.excluding) return in(lang, "未核销（该成员已不在户内）", "open (the member has left the household)");
    return in(lang, "未核销", "open");
}

}  // namespace

std::string department_check_printer::list(const common::department_list& l) const {
    return rformat(in(lang_, "已导入名单 {}：{} {} 年（{}），{} 行（{} 编码），涉及 {} 户\n",
                      "Imported list {}: {} {} ({}), {} rows ({}), {} households flagged\n"),
                   l.id, label_or_code(voc::department_list_kinds, l.kind, lang_), l.year, l.source, l.rows,
                   l.encoding == "gb18030" ? "GB18030" : "UTF-8", l.flagged_households);
}

std::string department_check_printer::lists(const std::vector<common::department_list>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : items)
        rows.push_back({std::to_string(l.id), label_or_code(voc::department_list_kinds, l.kind, lang_),
                        std::to_string(l.year), or_dash(l.source), std::to_string(l.rows),
                        std::to_string(l.flagged_households), or_dash(l.imported_by),
                        or_dash(format_beijing_time(l.imported_at_ms)), or_dash(l.file_name)});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "类别", "Kind"), in(lang_, "年度", "Year"),
                         in(lang_, "来源", "Source"), in(lang_, "行数", "Rows"), in(lang_, "涉及户数", "Flagged"),
                         in(lang_, "导入人", "By"), in(lang_, "导入时间", "At"), in(lang_, "文件", "File")},
                        rows, {align::right, align::left, align::right, align::left, align::right, align::right});
}

std::string department_check_printer::flags(const std::vector<common::household_flag>& items) const {
    if (items.empty()) return in(lang_, "没有比对疑点\n", "no flags\n");
    std::vector<std::vector<std::string>> rows;
    for (const auto& f : items)
        rows.push_back({std::to_string(f.id), std::to_string(f.household_id), or_dash(f.head_name),
                        or_dash(f.village_name.empty() ? f.village_code : f.village_name),
                        common::flag_reason(f, lang_), state_of(f, lang_)});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "户编号", "Household"), in(lang_, "户主", "Head"),
                         in(lang_, "村", "Village"), in(lang_, "疑点", "Finding"), in(lang_, "状态", "State")},
                        rows, {align::right, align::right});
}

std::string department_check_printer::flag(const common::household_flag& f) const {
    std::string out = rformat(in(lang_, "疑点 {}（户 {}，{}）：{}\n", "Flag {} (household {}, {}): {}\n"), f.id,
                              f.household_id, or_dash(f.head_name), common::flag_reason(f, lang_));
    if (f.open()) return out + "  " + state_of(f, lang_) + "\n";
    return out + rformat(in(lang_, "  {} 于 {} 核销：{}\n", "  cleared by {} at {}: {}\n"), f.cleared_by,
                         format_beijing_time(f.cleared_at_ms), f.clear_reason);
}

std::string department_check_printer::problems(const std::vector<common::department_list_problem>& items,
                                               std::size_t count) const {
    std::string out;
    for (const auto& p : items) out += "  " + (lang_ == common::language::en ? p.en : p.zh) + "\n";
    if (count > items.size())
        out += rformat(in(lang_, "  ……另有 {} 处错误未列出\n", "  … and {} more\n"), count - items.size());
    return out;
}

}  // namespace fupin::client
