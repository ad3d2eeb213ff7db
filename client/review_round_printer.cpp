#include "client/review_round_printer.hpp"

#include "client/text_layout.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

namespace {

// Not entered yet, or the outcome's name.
std::string outcome_label(const std::string& code, common::language lang) {
    if (code.empty()) return in(lang, "待录入", "to enter");
    return label_or_code(common::vocabulary::review_outcomes, code, lang);
}

}  // namespace

std::string review_round_printer::period(int year, int half) const {
    return rformat(in(lang_, "{} 年{}", "{} {}"), year, half == 1 ? in(lang_, "上半年", "H1") : in(lang_, "下半年", "H2"));
}

std::string review_round_printer::round(const common::review_round& r) const {
    return rformat(in(lang_, "审核轮次 {}：{}，截止 {}；纳入已建档立卡户 {} 户，已录入 {} 户\n",
                      "Review round {}: {}, due {}; {} registered households, {} entered\n"),
                   r.id, period(r.year, r.half), r.deadline, r.households, r.entered);
}

std::string review_round_printer::table(const std::vector<common::review_round>& rounds) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : rounds)
        rows.push_back({std::to_string(r.id), period(r.year, r.half), r.deadline, std::to_string(r.households),
                        std::to_string(r.entered), or_dash(r.opened_by)});
    return format_table({in(lang_, "编号", "ID"), in(lang_, "期间", "Period"), in(lang_, "截止日期", "Deadline"),
                         in(lang_, "户数", "Households"), in(lang_, "已录入", "Entered"), in(lang_, "开启人", "Opened by")},
                        rows, {align::right, align::left, align::left, align::right, align::right});
}

std::string review_round_printer::progress(const std::vector<common::review_progress>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : items)
        rows.push_back({p.area_code.empty() ? in(lang_, "合计", "Total") : or_dash(p.area_name.empty() ? p.area_code : p.area_name),
                        std::to_string(p.households), std::to_string(p.entered), std::to_string(p.outstanding),
                        std::to_string(p.overdue), std::to_string(p.stays), std::to_string(p.proposed_exit),
                        std::to_string(p.flagged)});
    return format_table({in(lang_, "区域", "Area"), in(lang_, "户数", "Households"), in(lang_, "已录入", "Entered"),
                         in(lang_, "未录入", "Outstanding"), in(lang_, "逾期", "Overdue"), in(lang_, "继续帮扶", "Stays"),
                         in(lang_, "拟脱贫", "To exit"), in(lang_, "疑点", "Flagged")},
                        rows, {align::left, align::right, align::right, align::right, align::right, align::right,
                               align::right, align::right});
}

std::string review_round_printer::entries(const std::vector<common::review_entry>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : items) {
        std::string why;
        if (e.outcome == "flagged")
            for (const auto& r : e.reasons) why += (why.empty() ? "" : "；") + r.text(lang_);
        rows.push_back({std::to_string(e.household_id), or_dash(e.head_name),
                        or_dash(e.village_name.empty() ? e.village_code : e.village_name), outcome_label(e.outcome, lang_),
                        format_amount(e.per_capita_before), e.entered_at_ms ? format_amount(e.per_capita_after) : "-",
                        or_dash(why)});
    }
    return format_table({in(lang_, "户编号", "Household"), in(lang_, "户主", "Head"), in(lang_, "村", "Village"),
                         in(lang_, "结果", "Outcome"), in(lang_, "原人均纯收入", "Before"),
                         in(lang_, "现人均纯收入", "Now"), in(lang_, "疑点", "Why flagged")},
                        rows, {align::right, align::left, align::left, align::left, align::right, align::right}) +
           rformat(in(lang_, "共 {} 户\n", "{} household(s)\n"), items.size());
}

std::string review_round_printer::entry(const common::review_entry& e) const {
    std::string out = rformat(in(lang_, "户 {}（{}）：{}；人均纯收入 {} → {}，人口 {} → {}\n",
                                 "Household {} ({}): {}; per-capita income {} → {}, members {} → {}\n"),
                              e.household_id, or_dash(e.head_name), outcome_label(e.outcome, lang_),
                              format_yuan(e.per_capita_before, lang_), format_yuan(e.per_capita_after, lang_),
                              e.size_before, e.size_after);
    for (const auto& r : e.reasons) out += "  - " + r.text(lang_) + "\n";
    return out;
}

}  // namespace fupin::client
