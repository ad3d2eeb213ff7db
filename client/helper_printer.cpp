#include "client/helper_printer.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "client/text_layout.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;

namespace {

// Label/value lines with the values aligned after the widest label.
std::string labelled(const std::vector<std::pair<std::string, std::string>>& lines) {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, common::display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += pad(label, width) + "  " + value + "\n";
    return out;
}


}  // namespace

std::string helper_printer::unit_table(const std::vector<common::helper_unit>& units) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& u : units)
        rows.push_back({std::to_string(u.id), u.name, label_or_code(voc::helper_unit_levels, u.level, lang_), u.area_code});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "帮扶单位", "Unit"), in(lang_, "级别", "Level"),
                         in(lang_, "区划代码", "Area")},
                        rows, {align::right}) +
           rformat(in(lang_, "共 {} 个帮扶单位\n", "{} unit(s)\n"), units.size());
}

std::string helper_printer::unit(const common::helper_unit& u) const {
    return rformat(in(lang_, "帮扶单位 {}：{}（{}，{}）\n", "Unit {}: {} ({}, {})\n"), u.id, u.name,
                   label_or_code(voc::helper_unit_levels, u.level, lang_), u.area_code);
}

std::string helper_printer::helper_table(const std::vector<common::helper>& helpers) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& h : helpers) {
        std::string team = label_or_code(voc::volunteer_backgrounds, h.volunteer_background, lang_);
        if (h.team_leader) team += in(lang_, "（队长）", " (leader)");
        rows.push_back({std::to_string(h.id), h.name, h.unit_name, or_dash(h.post), h.phone,
                        std::to_string(h.households), team,
                        h.active ? in(lang_, "在岗", "active") : in(lang_, "已停用", "inactive")});
    }
    return format_table({in(lang_, "编号", "ID"), in(lang_, "姓名", "Name"), in(lang_, "帮扶单位", "Unit"),
                         in(lang_, "职务", "Post"), in(lang_, "联系电话", "Phone"), in(lang_, "结对户数", "Households"),
                         in(lang_, "志愿服务队", "Volunteer team"), in(lang_, "状态", "Status")},
                        rows, {align::right, align::left, align::left, align::left, align::left, align::right}) +
           rformat(in(lang_, "共 {} 名帮扶责任人\n", "{} helper(s)\n"), helpers.size());
}

std::string helper_printer::helper(const common::helper& h, const std::vector<common::pairing>* households) const {
    std::string team = label_or_code(voc::volunteer_backgrounds, h.volunteer_background, lang_);
    if (h.team_leader) team += in(lang_, "（队长）", " (leader)");
    std::string out = labelled(
        {{in(lang_, "编号", "ID"), std::to_string(h.id) + in(lang_, "（版本 ", " (version ") + std::to_string(h.version) +
                                       in(lang_, "）", ")")},
         {in(lang_, "姓名", "Name"), h.name},
         {in(lang_, "帮扶单位", "Unit"),
          h.unit_name + in(lang_, "（", " (") + label_or_code(voc::helper_unit_levels, h.unit_level, lang_) +
              in(lang_, "）", ")")},
         {in(lang_, "职务", "Post"), or_dash(h.post)},
         {in(lang_, "联系电话", "Phone"), h.phone},
         {in(lang_, "志愿服务队", "Volunteer team"), team},
         {in(lang_, "状态", "Status"), h.active ? in(lang_, "在岗", "active") : in(lang_, "已停用", "inactive")},
         {in(lang_, "结对户数", "Households"), std::to_string(h.households)},
         {in(lang_, "登录账号", "Account"), or_dash(h.username)}});
    if (!households) return out;
    if (households->empty())
        return out + (h.households == 0 ? in(lang_, "（没有结对户）\n", "(no household paired)\n")
                                        : in(lang_, "（本区域内没有结对户）\n", "(no household paired in your area)\n"));
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : *households)
        rows.push_back({std::to_string(p.household_id), p.head_name, p.village_code,
                        format_beijing_time(p.started_at_ms), std::to_string(p.id)});
    return out + "\n" +
           format_table({in(lang_, "户编号", "Household"), in(lang_, "户主", "Head"), in(lang_, "村", "Village"),
                         in(lang_, "结对时间", "Paired at"), in(lang_, "结对编号", "Pairing")},
                        rows, {align::right});
}

std::string helper_printer::pairing_started(const common::pairing& p) const {
    return rformat(in(lang_, "结对 {}：{}（{}，电话 {}）帮扶户 {}（户主 {}）\n",
                      "Pairing {}: {} ({}, phone {}) answers for household {} (head {})\n"),
                   p.id, p.helper_name, p.unit_name, p.helper_phone, p.household_id, or_dash(p.head_name));
}

std::string helper_printer::pairing_ended(const common::pairing& p) const {
    return rformat(in(lang_, "结对 {} 已结束：{} 不再帮扶户 {}（理由：{}）\n",
                      "Pairing {} ended: {} no longer answers for household {} (reason: {})\n"),
                   p.id, p.helper_name, p.household_id, p.end_reason);
}

std::string helper_printer::household_helpers(const common::household_helpers& h) const {
    std::string out;
    if (h.current.empty()) {
        out = rformat(in(lang_, "户 {} 尚无帮扶责任人（责任到人未落实）\n", "Household {} has no helper yet\n"),
                      h.household_id);
    } else {
        std::vector<std::vector<std::string>> rows;
        for (const auto& p : h.current)
            rows.push_back({std::to_string(p.id), p.helper_name, p.unit_name, or_dash(p.helper_post), p.helper_phone,
                            format_beijing_time(p.started_at_ms)});
        out = rformat(in(lang_, "户 {} 的帮扶责任人（{}）：\n", "Helpers of household {} ({}):\n"), h.household_id,
                      h.current.size() == 1 ? in(lang_, "一帮一", "one helper") : in(lang_, "二帮一", "two helpers")) +
              format_table({in(lang_, "结对编号", "Pairing"), in(lang_, "姓名", "Name"), in(lang_, "帮扶单位", "Unit"),
                            in(lang_, "职务", "Post"), in(lang_, "联系电话", "Phone"), in(lang_, "结对时间", "Since")},
                           rows, {align::right});
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : h.history) {
        if (p.current()) continue;
        std::string why = p.end_reason;
        if (p.replaced_by) why += rformat(in(lang_, "（由结对 {} 接替）", " (replaced by pairing {})"), p.replaced_by);
        rows.push_back({std::to_string(p.id), p.helper_name, format_beijing_time(p.started_at_ms),
                        format_beijing_time(p.ended_at_ms), p.ended_by, why});
    }
    if (rows.empty()) return out;
    return out + "\n" + in(lang_, "历史结对：\n", "Earlier pairings:\n") +
           format_table({in(lang_, "结对编号", "Pairing"), in(lang_, "帮扶责任人", "Helper"), in(lang_, "开始", "From"),
                         in(lang_, "结束", "To"), in(lang_, "经办人", "By"), in(lang_, "理由", "Why")},
                        rows, {align::right});
}

}  // namespace fupin::client
