#include "common/exit_rules.hpp"

#include <fmt/format.h>

namespace fupin::common {
namespace {

// What counts as 义务教育有保障 for a child of compulsory age who is not in school: taught at home (送教上门),
// too severely disabled to attend, or ill with school suspended; 已完成义务教育 from 15 (nine years of school
// cannot end sooner). 其他, or nothing recorded, does not: such a child has dropped out (控辍保学).
bool schooled_otherwise(const std::string& reason, int age) {
    if (reason == "home_schooling" || reason == "severe_disability" || reason == "illness") return true;
    return reason == "finished" && age >= exit_rules::compulsory_school_until_age;
}

}  // namespace

int exit_rules::age_on(const std::string& birth_date, const std::string& on) {
    const auto well_formed = [](const std::string& d) {
        if (d.size() != 10 || d[4] != '-' || d[7] != '-') return false;
        for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
            if (d[i] < '0' || d[i] > '9') return false;
        return true;
    };
    if (!well_formed(birth_date) || !well_formed(on)) return -1;
    const int years = std::stoi(on.substr(0, 4)) - std::stoi(birth_date.substr(0, 4));
    // Not yet this year's birthday: "MM-DD" compares as text.
    return on.substr(5) < birth_date.substr(5) ? years - 1 : years;
}

exit_verdict exit_rules::judge(const household& h, const exit_standard& standard, const std::string& today) {
    exit_verdict v;
    v.income_line = standard.income_line;
    v.per_capita_net_income = h.per_capita_net_income;
    auto missing = [&](std::string code, std::string zh, std::string en) {
        v.shortfalls.push_back({std::move(code), std::move(zh), std::move(en)});
    };

    if (h.per_capita_net_income <= standard.income_line)
        missing("income_not_above_line",
                fmt::format("人均纯收入{}元,未超过{}年脱贫标准{}元", yuan_text(h.per_capita_net_income),
                            standard.year, yuan_text(standard.income_line)),
                fmt::format("per-capita net income {} yuan is not above the {} exit line of {} yuan",
                            yuan_text(h.per_capita_net_income), standard.year, yuan_text(standard.income_line)));
    if (h.income.year < standard.year - 1 || h.income.year > standard.year)
        missing("income_out_of_date",
                fmt::format("收入数据为{}年,{}年度的脱贫应依据{}年或{}年的收入,请先更新户档案", h.income.year,
                            standard.year, standard.year - 1, standard.year),
                fmt::format("the incomes are of {}; a {} exit needs those of {} or {}; update the file first",
                            h.income.year, standard.year, standard.year - 1, standard.year));

    const auto& c = h.conditions;
    if (!c.food_secure) missing("food_insecure", "两不愁:不愁吃未达到", "food is not secure");
    if (!c.clothing_secure) missing("clothing_insecure", "两不愁:不愁穿未达到", "clothing is not secure");
    // A year judged after it ended is judged as it stood at its end: a child then 15 is counted as 15.
    const std::string year_end = fmt::format("{:04}-12-31", standard.year);
    const std::string day = today < year_end ? today : year_end;
    for (const auto& m : h.members) {
        const int age = age_on(m.birth_date, day);
        const bool compulsory_age = age >= compulsory_school_from_age && age <= compulsory_school_until_age;
        if (compulsory_age && m.schooling == "not_in_school" && !schooled_otherwise(m.out_of_school_reason, age))
            missing("child_out_of_school",
                    fmt::format("义务教育有保障:{}({}岁)未在校,且无送教上门、重度残疾、因病休学等可认定的原因", m.name, age),
                    fmt::format("compulsory education: {} ({}) is not in school, and not taught at home, severely "
                                "disabled or ill",
                                m.name, age));
        if (!m.medical_insurance)
            missing("member_uninsured", fmt::format("基本医疗有保障:{}未参加城乡居民基本医疗保险", m.name),
                    fmt::format("basic medical care: {} is not in the basic medical insurance", m.name));
    }
    // 安全住房 and 一般住房 are safe; 危房 (whatever its grade), no house, or none recorded are not.
    const bool sound = (c.housing == "safe" || c.housing == "ordinary") && c.housing_danger_grade.empty();
    if (!sound) {
        const std::string grade = c.housing_danger_grade == "c" ? "C级" : c.housing_danger_grade == "d" ? "D级" : "";
        if (c.housing == "none")
            missing("housing_unsafe", "住房安全有保障:无房", "safe housing: the household has no house");
        else if (c.housing == "dilapidated" || !grade.empty())
            missing("housing_unsafe", "住房安全有保障:仍住" + grade + "危房",
                    "safe housing: the household still lives in a dilapidated house");
        else
            missing("housing_unsafe", "住房安全有保障:住房状况未登记", "safe housing: the housing is not recorded");
    }
    if (!c.drinking_water_safe || c.drinking_water_difficult)
        missing("water_unsafe", "饮水安全有保障:饮水不安全或取水困难", "drinking water is unsafe or hard to get");

    v.meets = v.shortfalls.empty();
    return v;
}

}  // namespace fupin::common
