#include "test_data/sample_household.hpp"

#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "common/household_validation.hpp"
#include "common/vocabulary.hpp"
#include "test_data/id_numbers.hpp"

namespace fupin::test_data {
namespace {

using namespace std::chrono_literals;

struct sample_member {
    const char* name;
    const char* relation;
    bool male;
    std::chrono::year_month_day birth;
    const char* ethnicity;
    const char* political_status;
    const char* education;
    const char* health;
    int disability_grade;
    const char* disability_category;  // its certificate is made from the ID number
    const char* labour_capacity;
    const char* work_location;        // empty: not working
    int migrant_work_months;
    common::money_fen migrant_work_income;
};

constexpr std::array<sample_member, 6> people{{
    {"王大山", "head", true, 1965y / 3 / 12, "01", "party_member", "primary", "chronic_illness", 0, "", "partial", "", 0,
     0},
    {"李秀英", "spouse", false, 1967y / 8 / 15, "06", "masses", "illiterate", "disabled", 3, "physical", "none", "", 0,
     0},
    {"王小军", "son", true, 1992y / 4 / 20, "01", "league_member", "junior_secondary", "healthy", 0, "", "skilled",
     "outside_province", 8, 1'200'000},
    {"王小红", "daughter", false, 1995y / 6 / 6, "01", "masses", "junior_secondary", "healthy", 0, "", "full", "", 0, 0},
    {"王二山", "brother", true, 1970y / 9 / 9, "01", "masses", "primary", "healthy", 0, "", "full", "", 0, 0},
    {"王三山", "brother", true, 1972y / 10 / 10, "01", "masses", "primary", "healthy", 0, "", "partial", "", 0, 0},
}};

// Member `slot` of the household of `seed`: the sequence number keeps the member's sex (odd: male) and takes
// 500 values per birth date; every 500 seeds the birth date moves on a day. So seeds 0 to 999,999 share no
// person, and seed 0 gives the protocol's example (head 529901196503120016).
std::string sample_id_number(int seed, int slot) {
    const auto& p = people[static_cast<std::size_t>(slot)];
    const std::chrono::year_month_day birth{std::chrono::sys_days{p.birth} + std::chrono::days{seed / 500}};
    const int sequence = 2 * ((seed * 7 + slot) % 500) + (p.male ? 1 : 0);
    char digits[16];
    std::snprintf(digits, sizeof digits, "%04d%02u%02u", static_cast<int>(birth.year()),
                  static_cast<unsigned>(birth.month()), static_cast<unsigned>(birth.day()));
    return demo_id_number(digits, sequence);
}

// 残疾证号: the ID number, the category's digit (its place in the vocabulary, from 1) and the grade.
std::string certificate_of(const common::member& m) {
    const auto& categories = common::vocabulary::disability_categories.entries;
    std::size_t digit = 0;
    while (digit < categories.size() && categories[digit].code != m.disability_category) ++digit;
    return m.id_number + std::to_string(digit + 1) + std::to_string(m.disability_grade);
}

}  // namespace

common::household sample_household(const sample_options& options) {
    if (options.seed < 0) throw std::invalid_argument("sample_household: seeds from 0");
    return sample_household(options, [&](int slot) { return sample_id_number(options.seed, slot); });
}

common::household sample_household(const sample_options& options, const member_numbers& numbers) {
    if (options.size < 1 || options.size > static_cast<int>(people.size()))
        throw std::invalid_argument("sample_household: 1 to 6 members");
    if (options.group.size() != 15) throw std::invalid_argument("sample_household: a group has a 15-digit code");
    common::household h;
    h.township_code = options.group.substr(0, 9);
    h.village_code = options.group.substr(0, 12);
    h.group_code = options.group;
    h.address = "三组12号";
    h.phone = "13800000000";
    h.bank_name = "农村信用社";
    h.bank_account = "6210000000000000000";
    h.land.contracted_mu = 3.5;
    h.land.irrigated_mu = 1.5;
    h.land.forest_mu = 10;
    auto& c = h.conditions;
    c.housing = "dilapidated";
    c.housing_danger_grade = "c";
    c.housing_area_m2 = 60;
    c.drinking_water_difficult = true;
    c.food_secure = true;  // fed, but short of clothes
    c.electricity = "grid";
    c.road_access = "dirt";
    c.main_road_distance_km = 2.5;
    c.fuel = "firewood";
    c.consumption_level = "low";
    c.assets_value = 300000;
    c.assets_note = "耕牛1头";
    for (int slot = 0; slot < options.size; ++slot) {
        const auto& p = people[static_cast<std::size_t>(slot)];
        common::member m;
        m.name = p.name;
        m.id_number = numbers(slot);
        m.relation = p.relation;
        m.ethnicity = p.ethnicity;
        m.political_status = p.political_status;
        m.education = p.education;
        m.schooling = "not_in_school";
        m.out_of_school_reason = "finished";
        m.health = p.health;
        m.disability_grade = p.disability_grade;
        m.disability_category = p.disability_category;
        if (!m.disability_category.empty()) m.disability_certificate = certificate_of(m);
        m.labour_capacity = p.labour_capacity;
        m.work_status = *p.work_location ? "working" : "not_working";
        m.work_location = p.work_location;
        m.migrant_work_months = p.migrant_work_months;
        m.migrant_work_income = p.migrant_work_income;
        m.medical_insurance = true;
        m.pension_insurance = true;
        m.serious_illness_insurance = true;
        h.members.push_back(std::move(m));
    }
    // 2,300.50 yuan of net income: 1,200 of wages, a business of 1,000.50 less 200 of costs, 300 of transfers.
    h.income.year = 2026;
    h.income.wages = 120000;
    h.income.production_business = 100050;
    h.income.production_expenses = 20000;
    h.income.property = 0;
    h.income.transfers.pension = 20000;
    h.income.transfers.ecological_compensation = 10000;
    h.income.support = 0;
    h.main_cause = "illness";
    h.other_causes = {"lack_of_labour"};
    h.identification_standard = "national";
    h.poverty_type = "general";
    h.military_family = false;
    h.only_child_family = false;
    h.two_daughters_family = false;
    h.national_number = "5299011012010030012";
    return h;
}

void renumber(common::member& m, const std::string& id_number) {
    if (m.disability_certificate.size() == 20) m.disability_certificate.replace(0, 18, id_number);
    m.id_number = id_number;
}

common::member sample_newborn(const std::string& id_number) {
    common::member m = sample_household().members.at(2);
    m.name = "王小宝";
    m.id_number = id_number;
    m.birth_date.clear();
    m.sex.clear();
    m.relation = "grandson";
    m.education = "preschool";
    m.schooling = "preschool";
    m.out_of_school_reason.clear();
    m.labour_capacity = "none";
    m.work_status = "not_working";
    m.work_location.clear();
    m.migrant_work_months = 0;
    m.migrant_work_income = 0;
    return m;
}

common::household stored_sample_household() {
    auto h = sample_household();
    common::derive(h);
    h.id = 12;
    h.version = 3;
    h.status = "pending";
    h.created_at_ms = 1795946400000;  // 2026-11-29T10:00:00.000Z
    h.updated_at_ms = 1795946700000;  // 10:05Z
    h.township_name = "石门镇";
    h.village_name = "岩脚村";
    h.group_name = "三组";
    return h;
}

}  // namespace fupin::test_data
