#include "common/household_validation.hpp"

#include <functional>
#include <string>

#include <gtest/gtest.h>

#include "common/vocabulary.hpp"
#include "test_data/sample_household.hpp"

namespace {

using namespace fupin::common;
using fupin::test_data::sample_household;
using namespace std::chrono;

constexpr year_month_day today{year{2026}, November, day{29}};

// Breaks one thing in a valid household and expects validate() to name exactly that field and code.
void expect_refused(const std::function<void(household&)>& breakage, const std::string& field, const std::string& code) {
    household h = sample_household();
    breakage(h);
    try {
        validate(h, today);
        ADD_FAILURE() << "accepted, expected " << code << " at " << field;
    } catch (const api_error& e) {
        EXPECT_EQ(e.status(), 422);
        EXPECT_EQ(e.field(), field) << e.message(language::en);
        EXPECT_EQ(e.code(), code) << e.message(language::en);
        EXPECT_FALSE(e.message(language::zh).empty());
        EXPECT_FALSE(e.message(language::en).empty());
    }
}

TEST(household_validation, sample_is_valid) {
    EXPECT_NO_THROW(validate(sample_household(), today));
    EXPECT_TRUE(find_problems(sample_household(), today).empty());
}

TEST(household_validation, required_fields) {
    expect_refused([](household& h) { h.township_code.clear(); }, "township_code", "missing_field");
    expect_refused([](household& h) { h.village_code.clear(); }, "village_code", "missing_field");
    expect_refused([](household& h) { h.group_code.clear(); }, "group_code", "missing_field");
    expect_refused([](household& h) { h.address = "  "; }, "address", "missing_field");
    expect_refused([](household& h) { h.members.clear(); }, "members", "missing_field");
    expect_refused([](household& h) { h.members[1].name.clear(); }, "members[1].name", "missing_field");
    expect_refused([](household& h) { h.members[2].id_number.clear(); }, "members[2].id_number", "missing_field");
    expect_refused([](household& h) { h.members[2].relation.clear(); }, "members[2].relation", "missing_field");
    expect_refused([](household& h) { h.members[0].education.clear(); }, "members[0].education", "missing_field");
    expect_refused([](household& h) { h.members[0].health.clear(); }, "members[0].health", "missing_field");
    expect_refused([](household& h) { h.members[0].labour_capacity.clear(); }, "members[0].labour_capacity", "missing_field");
    expect_refused([](household& h) { h.main_cause.clear(); }, "causes.main", "missing_field");
    expect_refused([](household& h) { h.income.year = 0; }, "income.year", "missing_field");
}

TEST(household_validation, the_forms_household_attributes) {
    expect_refused([](household& h) { h.identification_standard.clear(); }, "identification_standard", "missing_field");
    expect_refused([](household& h) { h.identification_standard = "county"; }, "identification_standard", "invalid_value");
    expect_refused([](household& h) { h.poverty_type.clear(); }, "poverty_type", "missing_field");
    expect_refused([](household& h) { h.poverty_type = "five_guarantee"; }, "poverty_type", "invalid_value");
    expect_refused([](household& h) { h.national_number = "52-99"; }, "national_number", "invalid_value");
    expect_refused([](household& h) { h.national_number = std::string(33, '5'); }, "national_number", "too_long");
    for (const char* standard : {"national", "provincial", "municipal"})
        for (const char* type : {"general", "minimum_allowance", "extreme_support"}) {
            household h = sample_household();
            h.identification_standard = standard;
            h.poverty_type = type;
            h.national_number = std::string(32, '9');
            h.military_family = h.only_child_family = h.two_daughters_family = true;
            EXPECT_TRUE(find_problems(h, today).empty()) << standard << " " << type;
        }
    household h = sample_household();
    h.national_number.clear();  // not given yet: a file is entered before the national system numbers it
    EXPECT_TRUE(find_problems(h, today).empty());
}

TEST(household_validation, the_forms_member_details) {
    // Required codes.
    expect_refused([](household& h) { h.members[0].ethnicity.clear(); }, "members[0].ethnicity", "missing_field");
    expect_refused([](household& h) { h.members[0].ethnicity = "57"; }, "members[0].ethnicity", "invalid_value");
    expect_refused([](household& h) { h.members[0].ethnicity = "汉族"; }, "members[0].ethnicity", "invalid_value");
    expect_refused([](household& h) { h.members[1].political_status = "party"; }, "members[1].political_status",
                   "invalid_value");
    expect_refused([](household& h) { h.members[2].schooling.clear(); }, "members[2].schooling", "missing_field");
    expect_refused([](household& h) { h.members[1].out_of_school_reason = "bored"; }, "members[1].out_of_school_reason",
                   "invalid_value");
    expect_refused(
        [](household& h) {
            h.members[1].schooling = "primary";  // in school, yet a reason for not being there
            h.members[1].out_of_school_reason = "illness";
        },
        "members[1].out_of_school_reason", "invalid_value");
    expect_refused([](household& h) { h.members[2].labour_capacity = "strong"; }, "members[2].labour_capacity",
                   "invalid_value");
    // Disability: a category when disabled, none otherwise; the certificate is the ID number, category, grade.
    expect_refused([](household& h) { h.members[1].disability_category.clear(); }, "members[1].disability_category",
                   "missing_field");
    expect_refused([](household& h) { h.members[0].disability_category = "visual"; }, "members[0].disability_category",
                   "invalid_value");
    expect_refused([](household& h) { h.members[1].disability_certificate.pop_back(); },
                   "members[1].disability_certificate", "invalid_value");
    expect_refused([](household& h) { h.members[1].disability_certificate.replace(0, 18, h.members[0].id_number); },
                   "members[1].disability_certificate", "invalid_value");
    expect_refused([](household& h) { h.members[1].disability_certificate[18] = '1'; },  // visual, not physical
                   "members[1].disability_certificate", "invalid_value");
    expect_refused([](household& h) { h.members[1].disability_certificate[19] = '2'; },  // grade 3, not 2
                   "members[1].disability_certificate", "invalid_value");
    expect_refused([](household& h) { h.members[0].disability_certificate = h.members[0].id_number + "11"; },
                   "members[0].disability_certificate", "invalid_value");
    // Work: a place when working, none otherwise; months of migrant work only when working.
    expect_refused([](household& h) { h.members[2].work_location.clear(); }, "members[2].work_location",
                   "missing_field");
    expect_refused([](household& h) { h.members[0].work_location = "county"; }, "members[0].work_location",
                   "invalid_value");
    expect_refused([](household& h) { h.members[2].work_status = "not_working"; h.members[2].work_location.clear(); },
                   "members[2].migrant_work_months", "invalid_value");
    expect_refused([](household& h) { h.members[2].work_status = "retired"; }, "members[2].work_status",
                   "invalid_value");

    household h = sample_household();
    h.members[1].disability_certificate.clear();  // not issued yet
    for (const auto& e : vocabulary::ethnicities.entries) h.members[0].ethnicity = e.code;
    h.members[2].work_location = "township";
    h.members[2].labour_capacity = "skilled";
    h.members[0].labour_capacity = "lost";
    h.members[0].schooling = "undergraduate";
    h.members[0].out_of_school_reason.clear();  // in school: no reason for being out of it
    EXPECT_TRUE(find_problems(h, today).empty());
    EXPECT_EQ(vocabulary::ethnicities.entries.size(), 56u);
    EXPECT_EQ(label(vocabulary::ethnicities, "06", language::zh), "苗族");
    EXPECT_EQ(label(vocabulary::ethnicities, "56", language::zh), "基诺族");
}

TEST(household_validation, the_forms_living_conditions) {
    for (const char* key : {"forest_mu", "returned_to_forest_mu", "fruit_forest_mu", "pasture_mu", "water_surface_mu"}) {
        const std::string k = key;
        const auto land = [k](household& h) -> double& {
            if (k == "forest_mu") return h.land.forest_mu;
            if (k == "returned_to_forest_mu") return h.land.returned_to_forest_mu;
            if (k == "fruit_forest_mu") return h.land.fruit_forest_mu;
            if (k == "pasture_mu") return h.land.pasture_mu;
            return h.land.water_surface_mu;
        };
        expect_refused([&](household& h) { land(h) = -1; }, "land." + k, "invalid_value");
        expect_refused([&](household& h) { land(h) = max_land_mu; }, "land." + k, "invalid_value");
        household h = sample_household();
        land(h) = 12.5;
        EXPECT_TRUE(find_problems(h, today).empty()) << k;
    }
    // Irrigated land is part of the fields the household farms, its own and those it took over.
    expect_refused([](household& h) { h.land.irrigated_mu = 3.6; }, "land.irrigated_mu", "invalid_value");
    household farmed = sample_household();
    farmed.land.transferred_mu = 2;
    farmed.land.irrigated_mu = 5.5;
    EXPECT_TRUE(find_problems(farmed, today).empty());

    // The danger grade belongs to a dilapidated house, and may wait for its assessment.
    expect_refused([](household& h) { h.conditions.housing_danger_grade = "b"; }, "conditions.housing_danger_grade",
                   "invalid_value");
    expect_refused([](household& h) { h.conditions.housing_danger_grade = "D"; }, "conditions.housing_danger_grade",
                   "invalid_value");
    expect_refused([](household& h) { h.conditions.housing = "safe"; }, "conditions.housing_danger_grade",
                   "invalid_value");
    for (const char* grade : {"c", "d", ""}) {
        household h = sample_household();
        h.conditions.housing_danger_grade = grade;
        EXPECT_TRUE(find_problems(h, today).empty()) << grade;
    }
    household safe = sample_household();
    safe.conditions.housing = "safe";
    safe.conditions.housing_danger_grade.clear();
    EXPECT_TRUE(find_problems(safe, today).empty());

    expect_refused([](household& h) { h.conditions.fuel = "gas"; }, "conditions.fuel", "invalid_value");
    expect_refused([](household& h) { h.conditions.main_road_distance_km = -0.1; }, "conditions.main_road_distance_km",
                   "invalid_value");
    expect_refused([](household& h) { h.conditions.main_road_distance_km = 1000; }, "conditions.main_road_distance_km",
                   "invalid_value");
    // Water may be hard to fetch and still safe, or near and unsafe: two answers, every pair allowed.
    for (const bool difficult : {false, true})
        for (const bool safe_water : {false, true}) {
            household h = sample_household();
            h.conditions.drinking_water_difficult = difficult;
            h.conditions.drinking_water_safe = safe_water;
            h.conditions.production_electricity = h.conditions.sanitary_toilet = h.conditions.cooperative_member = true;
            for (const char* fuel : {"firewood", "dung", "coal", "clean_energy", "other"}) {
                h.conditions.fuel = fuel;
                EXPECT_TRUE(find_problems(h, today).empty()) << fuel;
            }
        }
}

TEST(household_validation, division_codes) {
    expect_refused([](household& h) { h.township_code = "52990110"; }, "township_code", "invalid_value");
    expect_refused([](household& h) { h.township_code = "52990110A"; }, "township_code", "invalid_value");
    expect_refused([](household& h) { h.village_code = "529901102201"; }, "village_code", "invalid_value");
    expect_refused([](household& h) { h.group_code = "529901101202003"; }, "group_code", "invalid_value");
    expect_refused([](household& h) { h.group_code = "5299011012010031"; }, "group_code", "invalid_value");
}

TEST(household_validation, vocabulary_codes) {
    expect_refused([](household& h) { h.members[1].relation = "wife"; }, "members[1].relation", "invalid_value");
    expect_refused([](household& h) { h.members[0].education = "phd"; }, "members[0].education", "invalid_value");
    expect_refused([](household& h) { h.conditions.housing = "castle"; }, "conditions.housing", "invalid_value");
    expect_refused([](household& h) { h.conditions.road_access = "Hardened"; }, "conditions.road_access", "invalid_value");
    expect_refused([](household& h) { h.main_cause = "bad_luck"; }, "causes.main", "invalid_value");
    expect_refused([](household& h) { h.status = "approved"; }, "status", "invalid_value");
}

TEST(household_validation, exactly_one_head) {
    expect_refused([](household& h) { h.members[0].relation = "other"; }, "members", "invalid_value");
    expect_refused([](household& h) { h.members[2].relation = "head"; }, "members[2].relation", "invalid_value");
}

TEST(household_validation, member_count_and_duplicate_ids) {
    expect_refused([](household& h) { h.members.resize(21, h.members[2]); }, "members", "too_many");
    expect_refused([](household& h) { h.members[2].id_number = h.members[0].id_number; }, "members[2].id_number",
                   "invalid_value");
    // Lowercase x and uppercase X are the same person.
    expect_refused(
        [](household& h) {
            h.members[0].id_number = "11010519491231002X";
            h.members[2].id_number = "11010519491231002x";
        },
        "members[2].id_number", "invalid_value");
}

TEST(household_validation, id_numbers_are_checked_with_the_reason) {
    household h = sample_household();
    h.members[2].id_number = "529901199204200037";
    try {
        validate(h, today);
        FAIL() << "accepted a wrong check digit";
    } catch (const api_error& e) {
        EXPECT_EQ(e.code(), "invalid_id_number");
        EXPECT_EQ(e.field(), "members[2].id_number");
        EXPECT_NE(e.message(language::zh).find("校验码"), std::string::npos) << e.message(language::zh);
        EXPECT_NE(e.message(language::en).find("check digit"), std::string::npos) << e.message(language::en);
    }
    expect_refused([](household& h) { h.members[1].id_number = "5299011967081500"; }, "members[1].id_number",
                   "invalid_id_number");
    expect_refused([](household& h) { h.members[1].id_number = "529901202712010010"; }, "members[1].id_number",
                   "invalid_id_number");
}

TEST(household_validation, sex_and_birth_date_must_agree_with_the_id_number) {
    expect_refused([](household& h) { h.members[0].sex = "female"; }, "members[0].sex", "id_number_mismatch");
    expect_refused([](household& h) { h.members[0].birth_date = "1965-03-13"; }, "members[0].birth_date",
                   "id_number_mismatch");
    household h = sample_household();
    h.members[0].sex = "male";
    h.members[0].birth_date = "1965-03-12";
    EXPECT_NO_THROW(validate(h, today));
}

TEST(household_validation, disability_grade_iff_disabled) {
    expect_refused([](household& h) { h.members[1].disability_grade = 0; }, "members[1].disability_grade", "invalid_value");
    expect_refused([](household& h) { h.members[1].disability_grade = 5; }, "members[1].disability_grade", "invalid_value");
    expect_refused([](household& h) { h.members[0].disability_grade = 2; }, "members[0].disability_grade", "invalid_value");
}

TEST(household_validation, numbers_in_range) {
    expect_refused([](household& h) { h.members[2].migrant_work_months = 13; }, "members[2].migrant_work_months", "invalid_value");
    expect_refused([](household& h) { h.members[2].migrant_work_months = -1; }, "members[2].migrant_work_months", "invalid_value");
    expect_refused([](household& h) { h.members[2].migrant_work_income = -1; }, "members[2].migrant_work_income", "invalid_value");
    expect_refused([](household& h) { h.income.wages = -100; }, "income.wages", "invalid_value");
    expect_refused([](household& h) { h.income.transfers.other = max_money_fen + 1; }, "income.transfers.other",
                   "invalid_value");
    expect_refused([](household& h) { h.income.transfers.minimum_allowance = -1; }, "income.transfers.minimum_allowance",
                   "invalid_value");
    expect_refused([](household& h) { h.income.production_expenses = -1; }, "income.production_expenses",
                   "invalid_value");
    expect_refused([](household& h) { h.income.support = -1; }, "income.support", "invalid_value");
    expect_refused([](household& h) { h.conditions.assets_value = -1; }, "conditions.assets_value", "invalid_value");
    expect_refused([](household& h) { h.land.contracted_mu = -0.5; }, "land.contracted_mu", "invalid_value");
    expect_refused([](household& h) { h.land.abandoned_mu = 10000; }, "land.abandoned_mu", "invalid_value");
    expect_refused([](household& h) { h.income.year = 1999; }, "income.year", "invalid_value");
    expect_refused([](household& h) { h.income.year = 2028; }, "income.year", "invalid_value");
    household h = sample_household();
    h.income.year = 2027;  // next year's plan may be entered
    h.income.transfers.other = max_money_fen;
    EXPECT_NO_THROW(validate(h, today));
}

TEST(household_validation, a_business_that_lost_money_makes_a_negative_net_income) {
    household h = sample_household();
    h.income = {};
    h.income.year = 2026;
    h.income.production_business = 100000;
    h.income.production_expenses = 400000;  // 3,000 yuan lost
    h.income.transfers.minimum_allowance = 30000;
    h.income.support = 60000;
    derive(h);
    EXPECT_EQ(transfers_total(h.income.transfers), 30000);
    EXPECT_EQ(income_total(h.income), -210000);
    EXPECT_EQ(h.per_capita_net_income, -70000);  // 3 people
    EXPECT_NO_THROW(validate(h, today));
    h.members.resize(2);  // -2,100 yuan for 2: -1,050 each
    derive(h);
    EXPECT_EQ(h.per_capita_net_income, -105000);
}

TEST(household_validation, other_causes) {
    expect_refused([](household& h) { h.other_causes = {"disaster", "lack_of_land", "lack_of_water"}; }, "causes.others",
                   "too_many");
    expect_refused([](household& h) { h.other_causes = {"disaster", "illness"}; }, "causes.others[1]", "invalid_value");
    expect_refused([](household& h) { h.other_causes = {"disaster", "disaster"}; }, "causes.others[1]", "invalid_value");
    expect_refused([](household& h) { h.other_causes = {"typhoon"}; }, "causes.others[0]", "invalid_value");
}

TEST(household_validation, text_lengths_and_shapes) {
    expect_refused([](household& h) { h.members[0].name = std::string(31 * 3, 'a'); }, "members[0].name", "too_long");
    expect_refused([](household& h) { h.address.clear(); for (int i = 0; i < 201; ++i) h.address += "村"; }, "address", "too_long");
    expect_refused([](household& h) { h.members[0].name = "王\xff山"; }, "members[0].name", "invalid_value");
    expect_refused([](household& h) { h.members[0].name = "王\n山"; }, "members[0].name", "invalid_value");
    expect_refused([](household& h) { h.phone = "138-0000 0000"; }, "phone", "invalid_value");
    expect_refused([](household& h) { h.phone = "+86-138-0000-0000-000"; }, "phone", "too_long");
    expect_refused([](household& h) { h.bank_account = "6210 0000"; }, "bank_account", "invalid_value");
    expect_refused([](household& h) { h.bank_account = std::string(33, '6'); }, "bank_account", "too_long");
    // 30 Chinese characters (90 bytes) is within the limit: the limit counts characters.
    household h = sample_household();
    h.members[0].name.clear();
    for (int i = 0; i < 30; ++i) h.members[0].name += "王";
    h.phone = "+86-13800000000";
    EXPECT_NO_THROW(validate(h, today));
}

TEST(household_validation, find_problems_reports_all) {
    household h = sample_household();
    h.address.clear();
    h.members[1].relation = "wife";
    h.income.wages = -1;
    const auto problems = find_problems(h, today);
    ASSERT_EQ(problems.size(), 3u);
    EXPECT_EQ(problems[0].field(), "address");
    EXPECT_EQ(problems[1].field(), "members[1].relation");
    EXPECT_EQ(problems[2].field(), "income.wages");
}

TEST(household_validation, derive_fills_from_the_id_number_and_sums_income) {
    household h = sample_household();
    h.members[2].id_number = "11010519491231002x";
    h.members[2].sex.clear();
    h.members[1].birth_date = "1900-01-01";  // sent values are kept, so validate() can refuse them
    derive(h);
    EXPECT_EQ(h.members[2].id_number, "11010519491231002X");
    EXPECT_EQ(h.members[2].sex, "female");
    EXPECT_EQ(h.members[2].birth_date, "1949-12-31");
    EXPECT_EQ(h.members[0].sex, "male");
    EXPECT_EQ(h.members[0].birth_date, "1965-03-12");
    EXPECT_EQ(h.members[1].birth_date, "1900-01-01");
    EXPECT_EQ(h.head_name, "王大山");
    // 1200 + (1000.50 - 200) + 0 + 300 + 0 = 2300.50 yuan for 3 people: 766.8333… rounds down to 766.83.
    EXPECT_EQ(income_total(h.income), 230050);
    EXPECT_EQ(h.per_capita_net_income, 76683);
}

TEST(household_validation, derive_leaves_invalid_numbers_alone) {
    household h = sample_household();
    h.members[0].id_number = "529901196503120017";
    h.members.resize(1);
    h.income = {};
    h.income.year = 2026;
    h.income.wages = 100;
    h.income.transfers.other = 1;
    derive(h);
    EXPECT_EQ(h.members[0].sex, "");
    EXPECT_EQ(h.members[0].birth_date, "");
    EXPECT_EQ(h.per_capita_net_income, 101);
}

}  // namespace
