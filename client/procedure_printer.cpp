#include "client/procedure_printer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "client/household_printer.hpp"
#include "client/text_layout.hpp"
#include "common/csv_writer.hpp"
#include "common/posting_title.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;
using common::language;

namespace {

std::string rank_text(const std::optional<int>& rank) { return rank ? std::to_string(*rank) : "-"; }

std::string detail_text(const nlohmann::json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// Label/value lines with the values aligned after the widest label.
std::string labelled(const std::vector<std::pair<std::string, std::string>>& lines, const std::string& indent = "") {
    std::size_t width = 0;
    for (const auto& [label, value] : lines) width = std::max(width, display_width(label));
    std::string out;
    for (const auto& [label, value] : lines) out += indent + pad(label, width) + "  " + value + "\n";
    return out;
}

}  // namespace

std::string procedure_printer::state_label(const std::string& code) const {
    return label_or_code(voc::application_states, code, lang_);
}
std::string procedure_printer::action_label(const std::string& code) const {
    return label_or_code(voc::procedure_actions, code, lang_);
}
std::string procedure_printer::level_label(const std::string& code) const {
    return label_or_code(voc::posting_levels, code, lang_);
}

std::string procedure_printer::application(const common::application& a) const {
    std::vector<std::pair<std::string, std::string>> lines{
        {in(lang_, "案件编号", "Case"), std::to_string(a.id)},
        {in(lang_, "种类", "Kind"), label_or_code(voc::case_kinds, a.kind, lang_)},
        {in(lang_, "户编号", "Household"), std::to_string(a.household_id)},
        {in(lang_, "年度", "Year"), std::to_string(a.year)},
        {in(lang_, "状态", "State"), state_label(a.state)},
        {in(lang_, "户主", "Head of household"), or_dash(a.head_name)},
        {in(lang_, "乡镇", "Township"), or_dash(a.township_name.empty() ? a.township_code : a.township_name)},
        {in(lang_, "村", "Village"), or_dash(a.village_name.empty() ? a.village_code : a.village_name)},
        {in(lang_, "组", "Group"), or_dash(a.group_name)},
        {in(lang_, "人口", "Household size"), std::to_string(a.household_size)},
        {in(lang_, "人均纯收入", "Per-capita net income"), format_yuan(a.per_capita_net_income, lang_)},
        {in(lang_, "主要致贫原因", "Main cause of poverty"), label_or_code(voc::poverty_causes, a.main_cause, lang_)},
        {in(lang_, "公示", "Posting"), a.posting_id ? std::to_string(*a.posting_id) : "-"},
        {in(lang_, "未答复的异议", "Open objections"), std::to_string(a.open_objections)},
        {in(lang_, "版本", "Version"), std::to_string(a.version)},
    };
    // The panel ranks identification's cases; an exit's vote is in its history.
    if (a.kind != "exit")
        lines.insert(lines.begin() + 12, {in(lang_, "评议排名", "Appraisal rank"), rank_text(a.appraisal_rank)});
    std::string out = labelled(lines);
    if (a.steps.empty()) return out;
    out += in(lang_, "办理经过：\n", "History:\n");
    for (const auto& s : a.steps) {
        std::string head = fmt::format("{:>3}. {}  {}", s.seq, format_beijing_time(s.at_ms), action_label(s.action));
        if (!s.from_state.empty() || !s.to_state.empty())
            head += rformat(in(lang_, "（{} → {}）", " ({} → {})"), s.from_state.empty() ? "-" : state_label(s.from_state),
                            state_label(s.to_state));
        head += rformat(in(lang_, "  {}（{}）", "  {} ({})"), or_dash(s.username),
                        label_or_code(voc::roles, s.role, lang_));
        out += head + "\n";
        if (!s.note.empty()) out += rformat(in(lang_, "     备注：{}\n", "     note: {}\n"), s.note);
        if (!s.reason.empty()) out += rformat(in(lang_, "     理由：{}\n", "     reason: {}\n"), s.reason);
        const auto details = nlohmann::json::parse(s.details.empty() ? "{}" : s.details, nullptr, false);
        if (!details.is_object()) continue;
        for (const auto& [key, value] : details.items()) out += detail_lines(key, value);
    }
    return out;
}

std::string procedure_printer::detail_lines(const std::string& key, const nlohmann::json& value) const {
    const char* lang_key = lang_ == language::en ? "en" : "zh";
    // Each reason of a verdict, or each shortfall of an exit's, in the clerk's language.
    const auto reasons = [&](const nlohmann::json& list) {
        std::string out;
        for (const auto& r : list)
            if (r.is_object() && r.contains(lang_key) && r.at(lang_key).is_string())
                out += "     · " + r.at(lang_key).get<std::string>() + "\n";
        return out;
    };
    const auto text_at = [&](const char* k) { return detail_text(value.value(k, nlohmann::json("-"))); };
    // An exit's verdict (at propose, review, approve): met, or what is missing.
    if (value.is_object() && value.contains("shortfalls") && value.at("shortfalls").is_array()) {
        if (value.at("shortfalls").empty()) return in(lang_, "     · 达到脱贫标准\n", "     · meets the exit standard\n");
        return reasons(value.at("shortfalls"));
    }
    // An identification verdict (at apply, verify, approve).
    if (value.is_object() && value.contains("reasons") && value.at("reasons").is_array())
        return reasons(value.at("reasons"));
    // An exit's vote, and the household's signature.
    if (key == "vote" && value.is_object())
        return rformat(in(lang_, "     评议：{}，评议小组 {} 人，赞成 {}、反对 {}、弃权 {}\n",
                          "     vote: {}, panel of {}: {} for, {} against, {} abstaining\n"),
                       text_at("meeting_date"),
                       value.contains("panel") && value.at("panel").is_array() ? value.at("panel").size() : 0,
                       text_at("votes_for"), text_at("votes_against"), text_at("votes_abstain"));
    if (key == "acknowledgement" && value.is_object())
        return rformat(in(lang_, "     {} {} 签字认可，见证人 {}\n", "     signed by {1} on {0}, witnessed by {2}\n"),
                       text_at("acknowledged_on"), text_at("signed_by"), text_at("witness"));
    return fmt::format("     {}: {}\n", key, detail_text(value));
}

std::string procedure_printer::application_table(const std::vector<common::application>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : items)
        rows.push_back({std::to_string(a.id), std::to_string(a.household_id), std::to_string(a.year),
                        or_dash(a.head_name), or_dash(a.village_name.empty() ? a.village_code : a.village_name),
                        state_label(a.state), std::to_string(a.open_objections), format_beijing_time(a.updated_at_ms)});
    std::string out = format_table({in(lang_, "编号", "Case"), in(lang_, "户编号", "Household"), in(lang_, "年度", "Year"),
                                    in(lang_, "户主", "Head"), in(lang_, "村", "Village"), in(lang_, "状态", "State"),
                                    in(lang_, "异议", "Objections"), in(lang_, "更新时间", "Updated")},
                                   rows, {align::right, align::right, align::right, align::left, align::left,
                                          align::left, align::right, align::left});
    return out + rformat(in(lang_, "共 {} 件\n", "{} case(s)\n"), items.size());
}

std::string procedure_printer::step_taken(const std::string& action, const std::vector<common::application>& cases) const {
    std::string out = rformat(in(lang_, "已办理“{}”，共 {} 件：\n", "Done: {}, {} case(s):\n"), action_label(action), cases.size());
    for (const auto& a : cases) {
        std::string from;
        if (!a.steps.empty()) from = state_label(a.steps.back().from_state) + " → ";
        out += rformat(in(lang_, "  案件 {}（{}）：{}{}\n", "  case {} ({}): {}{}\n"), a.id, or_dash(a.head_name), from,
                       state_label(a.state));
    }
    return out;
}

std::string procedure_printer::verdict(const common::identification_verdict& v) const {
    std::string out = v.eligible ? in(lang_, "结论：符合扶贫对象识别条件\n", "Verdict: eligible\n")
                                 : in(lang_, "结论：不符合扶贫对象识别条件\n", "Verdict: not eligible\n");
    out += rformat(in(lang_, "人均纯收入 {}，扶贫标准 {}\n", "Per-capita net income {}, poverty line {}\n"),
                   format_yuan(v.per_capita_net_income, lang_), format_yuan(v.line, lang_));
    if (!v.reasons.empty()) out += in(lang_, "理由：\n", "Reasons:\n");
    for (const auto& r : v.reasons) out += rformat("  · {} [{}]\n", r.text(lang_), r.code);
    return out;
}

std::string procedure_printer::posting_title(const common::posting& p) const { return common::posting_title(p, lang_); }

std::string procedure_printer::posting(const common::posting& p) const {
    std::string out = posting_title(p) + "\n\n";
    out += rformat(in(lang_, "公示时间：{} 至 {}（共 {} 天）\n", "Posted from {} through {} ({} days)\n"), or_dash(p.published_on),
                   or_dash(p.last_day), p.days);
    // An exit's lists carry no appraisal ranking: its panel votes on each household alone.
    const bool ranked = p.level.rfind("exit_", 0) != 0;
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : p.entries) {
        rows.push_back({std::to_string(e.position), or_dash(e.head_name),
                        or_dash(e.village_name.empty() ? e.village_code : e.village_name), or_dash(e.group_name),
                        std::to_string(e.household_size), format_amount(e.per_capita_net_income),
                        label_or_code(voc::poverty_causes, e.main_cause, lang_)});
        if (ranked) rows.back().push_back(rank_text(e.appraisal_rank));
    }
    std::vector<std::string> header{in(lang_, "序号", "No."), in(lang_, "户主", "Head of household"), in(lang_, "村", "Village"), in(lang_, "组", "Group"),
                                    in(lang_, "人口", "Size"), in(lang_, "人均纯收入(元)", "Per-capita net income (yuan)"),
                                    in(lang_, "主要致贫原因", "Main cause of poverty")};
    std::vector<align> aligns{align::right, align::left, align::left, align::left, align::right, align::right, align::left};
    if (ranked) {
        header.push_back(in(lang_, "评议排名", "Appraisal rank"));
        aligns.push_back(align::right);
    }
    out += "\n" + format_table(header, rows, aligns);
    out += rformat(in(lang_, "共 {} 户\n\n", "{} household(s)\n\n"), p.entries.size());
    if (p.level != "result")
        out += rformat(in(lang_, "公示期内如有异议，请向村委会或乡镇人民政府反映。公示期满后（{} 起）方可办理下一步。\n",
                         "Objections may be raised with the village committee or the township government while it "
                         "is posted; the next step may be taken from {}.\n"),
                       or_dash(p.next_step_on));
    out += rformat(in(lang_, "发布：{}  {}\n", "Published by {} at {}\n"), or_dash(p.published_by),
                   or_dash(format_beijing_time(p.published_at_ms)));
    return out;
}

std::string procedure_printer::posting_csv(const common::posting& p) const {
    std::string out = common::utf8_bom;
    const std::vector<std::string> header{in(lang_, "序号", "No."), in(lang_, "户主", "Head of household"), in(lang_, "村", "Village"),
                                          in(lang_, "组", "Group"), in(lang_, "人口", "Household size"),
                                          in(lang_, "人均纯收入(元)", "Per-capita net income (yuan)"),
                                          in(lang_, "主要致贫原因", "Main cause of poverty"), in(lang_, "评议排名", "Appraisal rank")};
    const auto line = [&](const std::vector<std::string>& fields) {
        out += common::csv_line(fields);
    };
    line(header);
    for (const auto& e : p.entries)
        line({std::to_string(e.position), e.head_name, e.village_name.empty() ? e.village_code : e.village_name,
              e.group_name, std::to_string(e.household_size), plain_amount(e.per_capita_net_income),
              label_or_code(voc::poverty_causes, e.main_cause, lang_),
              e.appraisal_rank ? std::to_string(*e.appraisal_rank) : ""});
    return out;
}

std::string procedure_printer::posting_table(const std::vector<common::posting>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : items)
        rows.push_back({std::to_string(p.id), level_label(p.level), or_dash(p.area_name.empty() ? p.area_code : p.area_name),
                        std::to_string(p.year), or_dash(p.published_on), or_dash(p.last_day), or_dash(p.next_step_on)});
    return format_table({in(lang_, "编号", "Posting"), in(lang_, "榜次", "Level"), in(lang_, "区域", "Area"), in(lang_, "年度", "Year"),
                         in(lang_, "公示日", "Published"), in(lang_, "截止日", "Last day"), in(lang_, "可办下一步", "Next step from")},
                        rows, {align::right}) +
           rformat(in(lang_, "共 {} 榜\n", "{} posting(s)\n"), items.size());
}

std::string procedure_printer::objection(const common::objection& o) const {
    std::vector<std::pair<std::string, std::string>> lines{
        {in(lang_, "异议编号", "Objection"), std::to_string(o.id)},
        {in(lang_, "案件", "Case"), std::to_string(o.application_id)},
        {in(lang_, "公示", "Posting"), std::to_string(o.posting_id)},
        {in(lang_, "异议人", "Objector"), or_dash(o.objector_name)},
        {in(lang_, "联系方式", "Contact"), or_dash(o.objector_contact)},
        {in(lang_, "异议理由", "Grounds"), or_dash(o.grounds)},
        {in(lang_, "提出日期", "Raised on"), or_dash(o.objected_on)},
        {in(lang_, "登记人", "Recorded by"), or_dash(o.recorded_by) + "  " + format_beijing_time(o.recorded_at_ms)},
        {in(lang_, "状态", "State"), label_or_code(voc::objection_states, o.state, lang_)},
    };
    if (o.state != "open") {
        lines.emplace_back(in(lang_, "答复", "Answer"), or_dash(o.answer));
        if (!o.consequence.empty())
            lines.emplace_back(in(lang_, "处理", "Consequence"), o.consequence == "refuse" ? in(lang_, "不予通过", "refused")
                                                         : o.consequence == "return" ? in(lang_, "退回重审", "returned")
                                                                                     : o.consequence);
        lines.emplace_back(in(lang_, "答复人", "Answered by"), or_dash(o.answered_by) + "  " + format_beijing_time(o.answered_at_ms));
    }
    return labelled(lines);
}

std::string procedure_printer::objection_table(const std::vector<common::objection>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& o : items)
        rows.push_back({std::to_string(o.id), or_dash(o.objector_name), or_dash(o.objected_on),
                        label_or_code(voc::objection_states, o.state, lang_), or_dash(o.grounds)});
    return format_table({in(lang_, "编号", "Objection"), in(lang_, "异议人", "Objector"), in(lang_, "日期", "Date"), in(lang_, "状态", "State"),
                         in(lang_, "异议理由", "Grounds")},
                        rows, {align::right}) +
           rformat(in(lang_, "共 {} 条异议\n", "{} objection(s)\n"), items.size());
}

std::string procedure_printer::proposal(const std::vector<common::ranking_entry>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : items)
        rows.push_back({std::to_string(e.rank), std::to_string(e.application_id), or_dash(e.head_name),
                        std::to_string(e.priorities), format_amount(e.per_capita_net_income),
                        format_amount(e.per_capita_assets),
                        label_or_code(voc::consumption_levels, e.consumption_level, lang_), std::to_string(e.labourers)});
    return format_table({in(lang_, "建议排名", "Rank"), in(lang_, "案件", "Case"), in(lang_, "户主", "Head"), in(lang_, "三优先", "Priorities"),
                         in(lang_, "人均纯收入(元)", "Income p.c."), in(lang_, "人均资产(元)", "Assets p.c."),
                         in(lang_, "消费水平", "Consumption"), in(lang_, "劳动力", "Labourers")},
                        rows, {align::right, align::right, align::left, align::right, align::right, align::right,
                               align::left, align::right}) +
           rformat(in(lang_, "共 {} 户；排序：三优先在前，再比收入、资产、消费、劳动力（五比五看）\n",
                     "{} household(s); priorities first, then income, assets, consumption, labourers\n"),
                   items.size());
}

std::string procedure_printer::appraisal(const common::appraisal& a) const {
    std::string out = rformat(in(lang_, "民主评议已记录：村 {}，{} 年，评议日期 {}，评议小组 {} 人\n",
                                "Appraisal recorded: village {}, {}, met on {}, panel of {}\n"),
                              a.village_code, a.year, or_dash(a.meeting_date), a.panel.size());
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : a.results)
        rows.push_back({std::to_string(r.final_rank), std::to_string(r.application_id), std::to_string(r.proposed_rank),
                        std::to_string(r.votes_for), std::to_string(r.votes_against), std::to_string(r.votes_abstain)});
    return out + format_table({in(lang_, "评议排名", "Rank"), in(lang_, "案件", "Case"), in(lang_, "系统建议", "Proposed"), in(lang_, "赞成", "For"),
                               in(lang_, "反对", "Against"), in(lang_, "弃权", "Abstain")},
                              rows, {align::right, align::right, align::right, align::right, align::right, align::right});
}

std::string procedure_printer::quota_table(const std::vector<common::quota>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& q : items)
        rows.push_back({or_dash(q.area_name), q.area_code, std::to_string(q.year), std::to_string(q.places),
                        std::to_string(q.used), std::to_string(q.allocated), or_dash(q.set_by)});
    return format_table({in(lang_, "区域", "Area"), in(lang_, "代码", "Code"), in(lang_, "年度", "Year"), in(lang_, "规模", "Quota"),
                         in(lang_, "已用", "Used"), in(lang_, "已分配", "Allocated"), in(lang_, "设定人", "Set by")},
                        rows, {align::left, align::left, align::right, align::right, align::right, align::right});
}

std::string procedure_printer::poverty_line_table(const std::vector<common::poverty_line>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& l : items)
        rows.push_back({std::to_string(l.year), format_amount(l.amount), or_dash(l.set_by),
                        or_dash(format_beijing_time(l.set_at_ms))});
    return format_table({in(lang_, "年度", "Year"), in(lang_, "扶贫标准(元/人·年)", "Line (yuan per person a year)"),
                         in(lang_, "设定人", "Set by"), in(lang_, "设定时间", "Set at")},
                        rows, {align::right, align::right});
}

std::string procedure_printer::poverty_line(const common::poverty_line& l) const {
    return rformat(in(lang_, "已设定 {} 年扶贫标准：{}（人均纯收入，每人每年）\n",
                     "The poverty line of {} is set: {} (per-capita net income a year)\n"),
                   l.year, format_yuan(l.amount, lang_));
}

std::string procedure_printer::quota(const common::quota& q) const {
    return rformat(in(lang_, "已设定 {} 年 {}（{}）的扶贫对象规模：{} 户，已用 {}，已分配给下级 {}\n",
                     "The {} quota of {} ({}) is set: {} household(s); {} used, {} allocated below\n"),
                   q.year, or_dash(q.area_name), q.area_code, q.places, q.used, q.allocated);
}

std::string procedure_printer::error(const client_error& e) const {
    std::string out = household_printer(lang_).error(e);
    if (e.kind() != error_kind::http || !e.details().is_object()) return out;
    const auto& d = e.details();
    const auto detail = [&](const char* key) { return d.contains(key) ? detail_text(d.at(key)) : std::string(); };
    std::string hint;
    if (e.code() == "step_out_of_order" && !detail("state").empty()) {
        hint = rformat(in(lang_, "案件当前状态：{}", "The case is now: {}"), state_label(detail("state")));
        if (d.contains("next")) {
            std::vector<std::string> next;
            if (d.at("next").is_array()) {
                for (const auto& n : d.at("next")) next.push_back(action_label(detail_text(n)));
            } else {
                next.push_back(action_label(detail("next")));
            }
            std::string joined;
            for (const auto& n : next)
                if (!n.empty() && n != "-") joined += (joined.empty() ? "" : in(lang_, "、", ", ")) + n;
            if (!joined.empty()) hint += rformat(in(lang_, "；下一步应为：{}", "; the next step is: {}"), joined);
        }
    } else if (e.code() == "posting_not_over") {
        hint = rformat(in(lang_, "公示期到 {} 为止，{} 起才能办理下一步", "The posting runs through {}; the step is allowed from {}"),
                       or_dash(detail("last_day")), or_dash(detail("next_step_on")));
    } else if (e.code() == "objection_pending") {
        hint = rformat(in(lang_, "尚有 {} 条异议未答复：先用 objections 查看，answer 答复", "{} objection(s) still open: see "
                         "them with objections, answer them with answer"),
                       or_dash(detail("open_objections")));
    } else if (e.code() == "quota_exceeded") {
        hint = rformat(in(lang_, "区域 {} 的规模 {} 户已用满（已用 {}）", "The quota of {} ({}) is full ({} used)"),
                       or_dash(detail("area_code")), or_dash(detail("quota")), or_dash(detail("used")));
    }
    if (!hint.empty()) out += hint + in(lang_, "。\n", ".\n");
    return out;
}

}  // namespace fupin::client
