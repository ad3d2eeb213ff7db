#include "client/statistics_printer.hpp"

#include "client/text_layout.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;

namespace {

std::string share(std::int64_t part, std::int64_t whole) {
    return whole == 0 ? "-" : fmt::format("{:.1f}%", 100.0 * static_cast<double>(part) / static_cast<double>(whole));
}

}  // namespace

std::string statistics_printer::report(const common::statistics_report& r) const {
    std::string out = rformat(in(lang_, "{} 扶贫对象统计（{}年）\n\n", "{}: poverty-alleviation figures, {}\n\n"),
                              r.area_name, r.year);
    const std::int64_t total = r.areas.empty() ? 0 : r.areas.front().all.households;

    std::vector<std::string> header{in(lang_, "区域", "Area"), in(lang_, "户数", "Households"), in(lang_, "人数", "People")};
    std::vector<align> aligns{align::left, align::right, align::right};
    for (const auto& entry : voc::household_statuses.entries) {
        header.push_back(common::label(voc::household_statuses, entry.code, lang_));
        aligns.push_back(align::right);
    }
    header.push_back(in(lang_, "已结对", "With a helper"));
    aligns.push_back(align::right);
    std::vector<std::vector<std::string>> rows;
    for (std::size_t i = 0; i < r.areas.size(); ++i) {
        const auto& a = r.areas[i];
        std::vector<std::string> row{i == 0 ? a.name + in(lang_, "（合计）", " (total)") : a.name,
                                     std::to_string(a.all.households), std::to_string(a.all.people)};
        for (const auto& s : a.by_status) row.push_back(std::to_string(s.count.households));
        row.push_back(std::to_string(a.with_helper));
        rows.push_back(std::move(row));
    }
    out += format_table(header, rows, aligns);

    const auto keyed = [&](const char* zh, const char* en, const common::vocabulary_list& list,
                           const std::vector<common::keyed_tally>& items, bool skip_empty) {
        std::vector<std::vector<std::string>> lines;
        for (const auto& k : items) {
            if (skip_empty && k.count.households == 0) continue;
            lines.push_back({label_or_code(list, k.key, lang_), std::to_string(k.count.households),
                             std::to_string(k.count.people), share(k.count.households, total)});
        }
        out += "\n" + format_table({in(lang_, zh, en), in(lang_, "户数", "Households"), in(lang_, "人数", "People"),
                                    in(lang_, "占比", "Share")},
                                   lines, {align::left, align::right, align::right, align::right});
    };
    keyed("主要致贫原因", "Main cause", voc::poverty_causes, r.by_main_cause, true);
    keyed("贫困户属性", "Household type", voc::poverty_types, r.by_poverty_type, false);
    keyed("人均纯收入", "Per-capita income", voc::income_bands, r.by_income_band, false);
    keyed("户属性", "Attribute", voc::household_attributes, r.by_attribute, false);

    const auto registered = r.registered();
    out += "\n" + rformat(in(lang_, "已建档立卡 {} 户，其中已结对帮扶 {} 户（{}）\n",
                             "{} registered households, {} of them with a helper ({})\n"),
                          registered, r.registered_with_helper(), share(r.registered_with_helper(), registered));

    const auto money = [&](const char* zh, const char* en, const common::vocabulary_list& list,
                           const std::vector<common::money_tally>& items) {
        std::vector<std::vector<std::string>> lines;
        for (const auto& m : items)
            lines.push_back({label_or_code(list, m.key, lang_), std::to_string(m.measures), std::to_string(m.households),
                             format_amount(m.planned), format_amount(m.paid)});
        if (lines.empty()) {
            out += "\n" + rformat(in(lang_, "{}：{}年尚无帮扶措施\n", "{}: no measures in {}\n"), in(lang_, zh, en), r.year);
            return;
        }
        out += "\n" + format_table({in(lang_, zh, en), in(lang_, "措施数", "Measures"), in(lang_, "户数", "Households"),
                                    in(lang_, "计划资金(元)", "Planned (yuan)"), in(lang_, "到位资金(元)", "Paid (yuan)")},
                                   lines, {align::left, align::right, align::right, align::right, align::right});
    };
    money("帮扶措施类别", "Measure category", voc::measure_categories, r.measures_by_category);
    money("资金来源", "Fund source", voc::fund_sources, r.funds_by_source);
    return out;
}

}  // namespace fupin::client
