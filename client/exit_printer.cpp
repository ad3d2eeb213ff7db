#include "client/exit_printer.hpp"

#include "client/text_layout.hpp"

namespace fupin::client {

using common::in;

std::string exit_printer::standard_table(const std::vector<common::exit_standard>& items) const {
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : items)
        rows.push_back({std::to_string(s.year), format_amount(s.income_line), std::to_string(s.transition_years),
                        or_dash(s.set_by), or_dash(format_beijing_time(s.set_at_ms))});
    return format_table({in(lang_, "年度", "Year"), in(lang_, "脱贫标准(元/人·年)", "Exit line (yuan per person a year)"),
                         in(lang_, "过渡期(年)", "Transition (years)"), in(lang_, "设定人", "Set by"),
                         in(lang_, "设定时间", "Set at")},
                        rows, {align::right, align::right, align::right});
}

std::string exit_printer::standard(const common::exit_standard& s) const {
    return rformat(in(lang_, "已设定 {} 年脱贫标准：人均纯收入超过 {}，且两不愁三保障；脱贫后过渡期 {} 年\n",
                      "The exit standard of {} is set: per-capita net income above {}, and 两不愁三保障; "
                      "{} years of transition after exit\n"),
                   s.year, format_yuan(s.income_line, lang_), s.transition_years);
}

std::string exit_printer::verdict(std::int64_t household_id, int year, const common::exit_verdict& v) const {
    std::string out = rformat(in(lang_, "户 {}：人均纯收入 {}，{} 年脱贫标准 {}\n",
                                 "Household {}: per-capita net income {}, the {} exit line {}\n"),
                              household_id, format_yuan(v.per_capita_net_income, lang_), year,
                              format_yuan(v.income_line, lang_));
    if (v.meets) return out + in(lang_, "达到脱贫标准（收入超过标准，两不愁三保障均已达到）\n",
                                 "Meets the exit standard (income above the line, 两不愁三保障 all met)\n");
    out += in(lang_, "未达到脱贫标准：\n", "Does not meet the exit standard:\n");
    for (const auto& r : v.shortfalls) out += "  - " + r.text(lang_) + "\n";
    return out;
}

}  // namespace fupin::client
