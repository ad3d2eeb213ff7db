#include "common/identification_rules.hpp"

#include <algorithm>
#include <set>

#include <gtest/gtest.h>

#include "common/household_validation.hpp"
#include "test_data/sample_household.hpp"

namespace {

using namespace fupin::common;
using fupin::test_data::sample_household;

constexpr money_fen line_2300 = 230000;  // the demo county's line: 2,300 yuan
constexpr money_fen line_2800 = 280000;  // another year's line: 2,800 yuan

// The sample household (three members) with a total net income of 3 × per_capita fen, derived as the server
// derives it before judging.
household with_per_capita(money_fen per_capita) {
    household h = sample_household();
    h.income = {};
    h.income.year = 2026;
    h.income.wages = 3 * per_capita;
    derive(h);
    EXPECT_EQ(h.per_capita_net_income, per_capita);
    return h;
}

std::vector<std::string> codes(const identification_verdict& v) {
    std::vector<std::string> out;
    for (const auto& r : v.reasons) out.push_back(r.code);
    return out;
}

bool has_code(const identification_verdict& v, const std::string& code) {
    const auto c = codes(v);
    return std::find(c.begin(), c.end(), code) != c.end();
}

// Every reason has a code and readable text in both languages, the Chinese one actually Chinese (non-ASCII).
void expect_bilingual(const identification_verdict& v) {
    for (const auto& r : v.reasons) {
        EXPECT_FALSE(r.code.empty());
        EXPECT_FALSE(r.zh.empty()) << r.code;
        EXPECT_FALSE(r.en.empty()) << r.code;
        EXPECT_NE(r.zh, r.en) << r.code;
        EXPECT_TRUE(std::any_of(r.zh.begin(), r.zh.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }))
            << r.code << ": " << r.zh;
        EXPECT_TRUE(std::all_of(r.en.begin(), r.en.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
            << r.code << ": " << r.en;
        EXPECT_EQ(r.text(language::zh), r.zh);
        EXPECT_EQ(r.text(language::en), r.en);
    }
}

// --- the income test ---

TEST(identification_rules, below_the_line_is_eligible) {
    const auto v = identification_rules::judge(with_per_capita(229999), line_2300);
    EXPECT_TRUE(v.eligible);
    EXPECT_TRUE(v.below_line);
    EXPECT_EQ(v.line, line_2300);
    EXPECT_EQ(v.per_capita_net_income, 229999);
    EXPECT_TRUE(v.exclusions.empty());
    EXPECT_TRUE(v.priorities.empty());
    ASSERT_EQ(codes(v), std::vector<std::string>{"below_line"});
    EXPECT_NE(v.reasons[0].zh.find("2299.99"), std::string::npos) << v.reasons[0].zh;
    EXPECT_NE(v.reasons[0].zh.find("2300"), std::string::npos) << v.reasons[0].zh;
    EXPECT_NE(v.reasons[0].en.find("2299.99 yuan"), std::string::npos) << v.reasons[0].en;
    EXPECT_NE(v.reasons[0].en.find("2300 yuan"), std::string::npos) << v.reasons[0].en;
    expect_bilingual(v);
}

TEST(identification_rules, at_the_line_is_not_below_it) {
    const auto v = identification_rules::judge(with_per_capita(230000), line_2300);
    EXPECT_FALSE(v.eligible);
    EXPECT_FALSE(v.below_line);
    EXPECT_TRUE(v.exclusions.empty());  // not excluded: simply not poor by the line
    ASSERT_EQ(codes(v), std::vector<std::string>{"above_line"});
    EXPECT_NE(v.reasons[0].en.find("not below"), std::string::npos) << v.reasons[0].en;
    expect_bilingual(v);
}

TEST(identification_rules, above_the_line_is_not_eligible) {
    const auto v = identification_rules::judge(with_per_capita(230001), line_2300);
    EXPECT_FALSE(v.eligible);
    EXPECT_FALSE(v.below_line);
    EXPECT_EQ(codes(v), std::vector<std::string>{"above_line"});
    EXPECT_NE(v.reasons[0].zh.find("2300.01"), std::string::npos) << v.reasons[0].zh;
    // The sample household with the son's 12,000 yuan of migrant wages counted: 4366.83 yuan a head.
    household h = sample_household();
    h.income.wages = 1200000;
    derive(h);
    EXPECT_FALSE(identification_rules::judge(h, line_2300).eligible);
}

TEST(identification_rules, the_line_is_a_parameter) {
    // 2,500 yuan a head: above the 2,300 line, below another year's 2,800.
    const household h = with_per_capita(250000);
    const auto v2300 = identification_rules::judge(h, line_2300);
    const auto v2800 = identification_rules::judge(h, line_2800);
    EXPECT_FALSE(v2300.eligible);
    EXPECT_TRUE(v2800.eligible);
    EXPECT_EQ(v2300.line, line_2300);
    EXPECT_EQ(v2800.line, line_2800);
    EXPECT_NE(v2800.reasons.at(0).en.find("2800 yuan"), std::string::npos) << v2800.reasons.at(0).en;
    EXPECT_NE(v2800.reasons.at(0).zh.find("2800"), std::string::npos) << v2800.reasons.at(0).zh;
    // At 2,800 exactly: not below that line.
    EXPECT_FALSE(identification_rules::judge(with_per_capita(280000), line_2800).below_line);
    EXPECT_TRUE(identification_rules::judge(with_per_capita(279999), line_2800).below_line);
    // Zero income is below any positive line; no line at all admits nobody.
    EXPECT_TRUE(identification_rules::judge(with_per_capita(0), line_2300).eligible);
    EXPECT_FALSE(identification_rules::judge(with_per_capita(0), 0).eligible);
}

// --- 三不评, 五保, 低保 ---

struct exclusion_case {
    const char* code;
    void (*set)(household&);
};

const exclusion_case exclusion_cases[] = {
    {"excluded_land_abandoned", [](household& h) { h.identification.land_abandoned_refusing_transfer = true; }},
    {"excluded_family_planning", [](household& h) { h.identification.family_planning_violation = true; }},
    {"excluded_gambling_drugs_crime", [](household& h) { h.identification.gambling_drugs_or_crime = true; }},
    {"five_guarantee", [](household& h) { h.poverty_type = "extreme_support"; }},
    {"minimum_allowance", [](household& h) { h.poverty_type = "minimum_allowance"; }},
};

TEST(identification_rules, each_exclusion_excludes_a_household_below_the_line) {
    for (const auto& c : exclusion_cases) {
        household h = with_per_capita(100000);
        c.set(h);
        const auto v = identification_rules::judge(h, line_2300);
        EXPECT_FALSE(v.eligible) << c.code;
        EXPECT_TRUE(v.below_line) << c.code;  // the income test still passes: the exclusion decides
        EXPECT_EQ(v.exclusions, std::vector<std::string>{c.code}) << c.code;
        // The deciding reason first, then the favourable finding.
        EXPECT_EQ(codes(v), (std::vector<std::string>{c.code, "below_line"})) << c.code;
        expect_bilingual(v);
    }
}

TEST(identification_rules, exclusion_texts_say_what_they_are) {
    auto reason_of = [](void (*set)(household&)) {
        household h = with_per_capita(100000);
        set(h);
        return identification_rules::judge(h, line_2300).reasons.at(0);
    };
    EXPECT_NE(reason_of(exclusion_cases[0].set).zh.find("三不评"), std::string::npos);
    EXPECT_NE(reason_of(exclusion_cases[1].set).zh.find("计划生育"), std::string::npos);
    EXPECT_NE(reason_of(exclusion_cases[2].set).en.find("gambling"), std::string::npos);
    EXPECT_NE(reason_of(exclusion_cases[3].set).zh.find("五保"), std::string::npos);
    EXPECT_NE(reason_of(exclusion_cases[4].set).zh.find("低保"), std::string::npos);
}

TEST(identification_rules, all_exclusions_are_listed_and_come_before_everything_else) {
    household h = with_per_capita(300000);  // above the line too
    // A household has one 贫困户属性: of the last two cases, the last one set holds.
    for (const auto& c : exclusion_cases) c.set(h);
    h.identification.elderly_with_disabled_children = true;
    const auto v = identification_rules::judge(h, line_2300);
    EXPECT_FALSE(v.eligible);
    EXPECT_EQ(v.exclusions, (std::vector<std::string>{"excluded_land_abandoned", "excluded_family_planning",
                                                      "excluded_gambling_drugs_crime", "minimum_allowance"}));
    EXPECT_EQ(v.priorities, std::vector<std::string>{"priority_elderly_disabled_children"});
    EXPECT_EQ(codes(v), (std::vector<std::string>{"above_line", "excluded_land_abandoned", "excluded_family_planning",
                                                  "excluded_gambling_drugs_crime", "minimum_allowance",
                                                  "priority_elderly_disabled_children"}));
    expect_bilingual(v);
}

// --- 三优先 ---

TEST(identification_rules, each_priority_is_recorded_and_does_not_change_eligibility) {
    const struct {
        const char* code;
        void (*set)(household&);
    } cases[] = {
        {"priority_elderly_disabled_children",
         [](household& h) { h.identification.elderly_with_disabled_children = true; }},
        {"priority_elderly_only_child", [](household& h) { h.identification.elderly_parents_of_only_child = true; }},
        {"priority_elderly_daughters_only",
         [](household& h) { h.identification.elderly_in_daughters_only_family = true; }},
    };
    for (const auto& c : cases) {
        household below = with_per_capita(100000);
        c.set(below);
        const auto v = identification_rules::judge(below, line_2300);
        EXPECT_TRUE(v.eligible) << c.code;
        EXPECT_EQ(v.priorities, std::vector<std::string>{c.code});
        EXPECT_TRUE(v.exclusions.empty()) << c.code;
        EXPECT_EQ(codes(v), (std::vector<std::string>{"below_line", c.code}));
        EXPECT_NE(v.reasons[1].zh.find("三优先"), std::string::npos) << v.reasons[1].zh;
        EXPECT_EQ(v.reasons[1].en.rfind("priority", 0), 0u) << v.reasons[1].en;
        expect_bilingual(v);

        // A priority does not lift a household above the line into eligibility.
        household above = with_per_capita(240000);
        c.set(above);
        const auto w = identification_rules::judge(above, line_2300);
        EXPECT_FALSE(w.eligible) << c.code;
        EXPECT_EQ(w.priorities, std::vector<std::string>{c.code});
        EXPECT_EQ(codes(w), (std::vector<std::string>{"above_line", c.code}));
    }
}

TEST(identification_rules, all_priorities_in_a_stable_order) {
    household h = with_per_capita(100000);
    h.identification.elderly_in_daughters_only_family = true;
    h.identification.elderly_parents_of_only_child = true;
    h.identification.elderly_with_disabled_children = true;
    const auto v = identification_rules::judge(h, line_2300);
    EXPECT_TRUE(v.eligible);
    EXPECT_EQ(v.priorities, (std::vector<std::string>{"priority_elderly_disabled_children",
                                                      "priority_elderly_only_child",
                                                      "priority_elderly_daughters_only"}));
    EXPECT_EQ(codes(v).front(), "below_line");
    EXPECT_EQ(v.reasons.size(), 4u);
    // Codes are distinct.
    const auto c = codes(v);
    EXPECT_EQ(std::set<std::string>(c.begin(), c.end()).size(), c.size());
    expect_bilingual(v);
}

TEST(identification_rules, an_eligible_verdict_has_no_deciding_reason_first) {
    household h = with_per_capita(50000);
    h.identification.elderly_parents_of_only_child = true;
    const auto v = identification_rules::judge(h, line_2300);
    ASSERT_TRUE(v.eligible);
    EXPECT_FALSE(has_code(v, "above_line"));
    for (const auto& e : exclusion_cases) EXPECT_FALSE(has_code(v, e.code));
}

// --- the proposed ranking (五比五看) ---

ranking_entry entry(std::int64_t id, int priorities, money_fen income, money_fen assets = 0,
                    std::string consumption = "low", int labourers = 0) {
    ranking_entry e;
    e.application_id = id;
    e.head_name = "户" + std::to_string(id);
    e.priorities = priorities;
    e.per_capita_net_income = income;
    e.per_capita_assets = assets;
    e.consumption_level = std::move(consumption);
    e.labourers = labourers;
    return e;
}

std::vector<std::int64_t> ids(const std::vector<ranking_entry>& v) {
    std::vector<std::int64_t> out;
    for (const auto& e : v) out.push_back(e.application_id);
    return out;
}

TEST(identification_rules, rank_puts_priorities_first_then_lower_income) {
    std::vector<ranking_entry> v{entry(1, 0, 100000), entry(2, 1, 200000), entry(3, 0, 50000), entry(4, 2, 220000),
                                 entry(5, 1, 150000)};
    identification_rules::rank(v);
    // Two priorities before one before none; within each, the lower income first.
    EXPECT_EQ(ids(v), (std::vector<std::int64_t>{4, 5, 2, 3, 1}));
    for (std::size_t i = 0; i < v.size(); ++i) EXPECT_EQ(v[i].rank, static_cast<int>(i) + 1);
}

TEST(identification_rules, rank_breaks_income_ties_by_assets_consumption_labourers_then_id) {
    std::vector<ranking_entry> v{
        entry(10, 0, 100000, 5000, "low", 0),    // more assets than 11
        entry(11, 0, 100000, 1000, "high", 2),   // fewest assets: first of the income tie
        entry(12, 0, 100000, 5000, "high", 0),   // same assets as 10, higher consumption
        entry(13, 0, 100000, 5000, "medium", 0), // between 10 and 12
        entry(14, 0, 100000, 5000, "low", 1),    // as 10 but more labourers
        entry(9, 0, 100000, 5000, "low", 1),     // as 14, lower application id
    };
    identification_rules::rank(v);
    EXPECT_EQ(ids(v), (std::vector<std::int64_t>{11, 10, 9, 14, 13, 12}));
    EXPECT_EQ(v.front().rank, 1);
    EXPECT_EQ(v.back().rank, 6);
}

TEST(identification_rules, rank_of_full_ties_follows_application_id_whatever_the_input_order) {
    std::vector<ranking_entry> v{entry(30, 0, 1000), entry(7, 0, 1000), entry(21, 0, 1000)};
    identification_rules::rank(v);
    EXPECT_EQ(ids(v), (std::vector<std::int64_t>{7, 21, 30}));
    EXPECT_EQ(v[0].rank, 1);
    EXPECT_EQ(v[1].rank, 2);
    EXPECT_EQ(v[2].rank, 3);
    std::vector<ranking_entry> one{entry(5, 0, 1)};
    one[0].rank = 99;
    identification_rules::rank(one);
    EXPECT_EQ(one[0].rank, 1);
    std::vector<ranking_entry> none;
    EXPECT_NO_THROW(identification_rules::rank(none));
}

TEST(identification_rules, indicators_of_a_household) {
    household h = sample_household();  // assets 3000 yuan, 3 members, one full labourer, low consumption
    h.identification.elderly_with_disabled_children = true;
    h.identification.elderly_in_daughters_only_family = true;
    h.identification.family_planning_violation = true;  // an exclusion is not a priority
    derive(h);
    const auto e = identification_rules::indicators(h);
    EXPECT_EQ(e.head_name, "王大山");
    EXPECT_EQ(e.priorities, 2);
    EXPECT_EQ(e.per_capita_net_income, h.per_capita_net_income);
    EXPECT_EQ(e.per_capita_assets, 100000);
    EXPECT_EQ(e.consumption_level, "low");
    EXPECT_EQ(e.labourers, 1);
}

}  // namespace

namespace fupin::common {
namespace {

TEST(identification_rules_income_year, incomes_must_be_of_the_application_year_or_the_one_before) {
    household h;
    h.income.year = 2025;
    h.per_capita_net_income = 100000;  // 1,000 yuan: well below the line
    EXPECT_TRUE(identification_rules::judge(h, 230000, 2026).eligible);
    EXPECT_TRUE(identification_rules::judge(h, 230000, 2025).eligible);
    EXPECT_TRUE(identification_rules::judge(h, 230000).eligible);  // year not given: not checked
    for (int year : {2024, 2027, 2030}) {
        const auto v = identification_rules::judge(h, 230000, year);
        EXPECT_FALSE(v.eligible) << year;
        ASSERT_FALSE(v.exclusions.empty());
        EXPECT_EQ(v.exclusions.front(), "income_out_of_date");
        EXPECT_EQ(v.reasons.front().code, "income_out_of_date");
        EXPECT_NE(v.reasons.front().zh.find("2025"), std::string::npos);
    }
}

}  // namespace
}  // namespace fupin::common
