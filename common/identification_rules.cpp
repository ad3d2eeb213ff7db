#include "common/identification_rules.hpp"

#include <algorithm>
#include <cstdlib>
#include <tuple>

#include <fmt/format.h>

namespace fupin::common {
namespace {

int consumption_order(const std::string& level) {
    if (level == "low") return 0;
    if (level == "medium") return 1;
    if (level == "high") return 2;
    return 1;
}

}  // namespace

std::string yuan_text(money_fen fen) {
    if (fen % 100 == 0) return fmt::format("{}", fen / 100);
    return fmt::format("{}{}.{:02}", fen < 0 ? "-" : "", std::abs(fen / 100), std::abs(fen % 100));
}

identification_verdict identification_rules::judge(const household& h, money_fen poverty_line, int application_year) {
    identification_verdict v;
    v.line = poverty_line;
    v.per_capita_net_income = h.per_capita_net_income;
    v.below_line = h.per_capita_net_income < poverty_line;

    std::vector<verdict_reason> deciding;
    std::vector<verdict_reason> favourable;
    auto exclude = [&](std::string code, std::string zh, std::string en) {
        v.exclusions.push_back(code);
        deciding.push_back({std::move(code), std::move(zh), std::move(en)});
    };

    if (v.below_line)
        favourable.push_back({"below_line",
                              fmt::format("人均纯收入{}元,低于扶贫标准{}元", yuan_text(h.per_capita_net_income),
                                          yuan_text(poverty_line)),
                              fmt::format("per-capita net income {} yuan is below the poverty line of {} yuan",
                                          yuan_text(h.per_capita_net_income), yuan_text(poverty_line))});
    else
        deciding.push_back({"above_line",
                            fmt::format("人均纯收入{}元,不低于扶贫标准{}元", yuan_text(h.per_capita_net_income),
                                        yuan_text(poverty_line)),
                            fmt::format("per-capita net income {} yuan is not below the poverty line of {} yuan",
                                        yuan_text(h.per_capita_net_income), yuan_text(poverty_line))});

    if (application_year && (h.income.year < application_year - 1 || h.income.year > application_year))
        exclude("income_out_of_date",
                fmt::format("收入数据为{}年,{}年度的识别应依据{}年或{}年的收入,请先更新户档案", h.income.year,
                            application_year, application_year - 1, application_year),
                fmt::format("the incomes are of {}; a {} identification needs those of {} or {}; update the file first",
                            h.income.year, application_year, application_year - 1, application_year));

    const auto& f = h.identification;
    if (f.land_abandoned_refusing_transfer)
        exclude("excluded_land_abandoned", "三不评:拒不流转土地而致撂荒",
                "excluded: land left abandoned after refusing its transfer");
    if (f.family_planning_violation)
        exclude("excluded_family_planning", "三不评:违反计划生育政策", "excluded: violation of family-planning policy");
    if (f.gambling_drugs_or_crime)
        exclude("excluded_gambling_drugs_crime", "三不评:赌博、吸毒或其他违法犯罪",
                "excluded: habitual gambling, drug use or other crime");
    // 五保户 and 低保户 are outside this registration (plan 四.2): the form's 贫困户属性 says which a household is.
    // The codes keep their first names, which clients already know.
    if (h.poverty_type == "extreme_support")
        exclude("five_guarantee", "特困供养(五保)户不纳入本次扶贫对象识别(由特困供养保障)",
                "households in extreme-poverty support (five-guarantee) are outside this registration");
    if (h.poverty_type == "minimum_allowance")
        exclude("minimum_allowance", "低保户不纳入本次扶贫对象识别(由最低生活保障保障)",
                "minimum-allowance households are outside this registration");

    auto prefer = [&](bool applies, std::string code, std::string zh, std::string en) {
        if (!applies) return;
        v.priorities.push_back(code);
        favourable.push_back({std::move(code), std::move(zh), std::move(en)});
    };
    prefer(f.elderly_with_disabled_children, "priority_elderly_disabled_children", "三优先:子女残疾的老人",
           "priority: elderly people whose children are disabled");
    prefer(f.elderly_parents_of_only_child, "priority_elderly_only_child", "三优先:独生子女户的老人",
           "priority: elderly parents of an only child");
    prefer(f.elderly_in_daughters_only_family, "priority_elderly_daughters_only", "三优先:纯女户的老人",
           "priority: elderly in a daughters-only household");

    v.eligible = v.below_line && v.exclusions.empty();
    v.reasons = std::move(deciding);
    v.reasons.insert(v.reasons.end(), favourable.begin(), favourable.end());
    return v;
}

ranking_entry identification_rules::indicators(const household& h) {
    ranking_entry e;
    e.head_name = h.head_name;
    const auto& f = h.identification;
    e.priorities = int{f.elderly_with_disabled_children} + int{f.elderly_parents_of_only_child} +
                   int{f.elderly_in_daughters_only_family};
    e.per_capita_net_income = h.per_capita_net_income;
    const auto size = std::max<std::int64_t>(1, static_cast<std::int64_t>(h.members.size()));
    e.per_capita_assets = h.conditions.assets_value / size;
    e.consumption_level = h.conditions.consumption_level;
    // Able labourers: ordinary or skilled (普通劳动力, 技能劳动力).
    e.labourers = static_cast<int>(std::count_if(h.members.begin(), h.members.end(), [](const member& m) {
        return m.labour_capacity == "full" || m.labour_capacity == "skilled";
    }));
    return e;
}

void identification_rules::rank(std::vector<ranking_entry>& entries) {
    auto key = [](const ranking_entry& e) {
        return std::make_tuple(-e.priorities, e.per_capita_net_income, e.per_capita_assets,
                               consumption_order(e.consumption_level), e.labourers, e.application_id);
    };
    std::sort(entries.begin(), entries.end(), [&](const auto& a, const auto& b) { return key(a) < key(b); });
    for (std::size_t i = 0; i < entries.size(); ++i) entries[i].rank = static_cast<int>(i) + 1;
}

}  // namespace fupin::common
