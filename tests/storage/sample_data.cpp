#include "sample_data.hpp"

#include <fmt/format.h>

#include "common/household_validation.hpp"
#include "server/storage/area_repository.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::server::storage::test {

std::string id_number(int n) { return fmt::format("5299011990010{:05d}", n); }

void seed_areas(sql::connection& conn) {
    area_repository areas(conn);
    areas.upsert({"529901", "", "county", "示范县"});
    areas.upsert({township_a, "529901", "township", "石门镇"});
    areas.upsert({village_a1, township_a, "village", "岩脚村"});
    areas.upsert({village_a2, township_a, "village", "坝子村"});
    areas.upsert({group_a1_3, village_a1, "group", "三组"});
    areas.upsert({group_a2_1, village_a2, "group", "一组"});
    areas.upsert({township_b, "529901", "township", "龙" + four_byte + "乡"});
    areas.upsert({village_b1, township_b, "village", "新寨村"});
    areas.upsert({group_b1_1, village_b1, "group", "一组"});
}

common::household make_household(const std::string& group, int first_id, int members) {
    // The shared sample, with values that only a storage test cares about: text with a four-byte character,
    // fractions, flags and every land figure non-zero, so that a column that drops any of them shows.
    auto h = test_data::sample_household({.group = group, .size = members},
                                         [&](int slot) { return id_number(first_id + slot); });
    h.address += four_byte;
    h.land = {3.5, 0.25, 1.0, 2.5, 10.5, 1.5, 0.5, 3.0, 0.75};
    h.conditions.production_electricity = h.conditions.sanitary_toilet = h.conditions.cooperative_member = true;
    h.conditions.drinking_water_safe = true;
    h.conditions.clothing_secure = true;
    h.conditions.main_road_distance_km = 1.25;
    h.conditions.housing_area_m2 = 60.5;
    h.conditions.assets_note = "耕牛1头、摩托车1辆";
    for (std::size_t i = 0; i < h.members.size(); ++i) {
        auto& m = h.members[i];
        m.pension_insurance = i % 2 == 0;  // both values of a flag, and the four-byte text below
        m.political_status = i == 0 ? "democratic_party" : "masses";
        if (i > 0) m.name = fmt::format("王{}妹", four_byte);
        // id_number() has no valid check digit, so nothing can be read from it.
        m.sex = i == 0 ? "male" : "female";
        m.birth_date = fmt::format("19{:02}-03-12", 60 + i);
    }
    h.income.transfers = {100, 200, 300, 400, 500, 600};  // each kind its own column
    h.income.support = 700;
    h.identification_standard = "provincial";
    h.poverty_type = "minimum_allowance";
    h.military_family = h.only_child_family = h.two_daughters_family = true;
    common::derive(h);  // head name, per-capita income
    return h;
}

void expect_same(const common::household& e, const common::household& a, bool compare_server_fields) {
    if (compare_server_fields) {
        EXPECT_EQ(e.id, a.id);
        EXPECT_EQ(e.version, a.version);
        EXPECT_EQ(e.created_at_ms, a.created_at_ms);
        EXPECT_EQ(e.updated_at_ms, a.updated_at_ms);
        EXPECT_EQ(e.status, a.status);
    }
    EXPECT_EQ(e.township_code, a.township_code);
    EXPECT_EQ(e.village_code, a.village_code);
    EXPECT_EQ(e.group_code, a.group_code);
    EXPECT_EQ(e.head_name, a.head_name);
    EXPECT_EQ(e.address, a.address);
    EXPECT_EQ(e.phone, a.phone);
    EXPECT_EQ(e.bank_name, a.bank_name);
    EXPECT_EQ(e.bank_account, a.bank_account);
    EXPECT_EQ(e.land.contracted_mu, a.land.contracted_mu);
    EXPECT_EQ(e.land.transferred_mu, a.land.transferred_mu);
    EXPECT_EQ(e.land.abandoned_mu, a.land.abandoned_mu);
    EXPECT_EQ(e.land.irrigated_mu, a.land.irrigated_mu);
    EXPECT_EQ(e.land.forest_mu, a.land.forest_mu);
    EXPECT_EQ(e.land.returned_to_forest_mu, a.land.returned_to_forest_mu);
    EXPECT_EQ(e.land.fruit_forest_mu, a.land.fruit_forest_mu);
    EXPECT_EQ(e.land.pasture_mu, a.land.pasture_mu);
    EXPECT_EQ(e.land.water_surface_mu, a.land.water_surface_mu);
    EXPECT_EQ(e.conditions.housing, a.conditions.housing);
    EXPECT_EQ(e.conditions.housing_danger_grade, a.conditions.housing_danger_grade);
    EXPECT_EQ(e.conditions.housing_area_m2, a.conditions.housing_area_m2);
    EXPECT_EQ(e.conditions.drinking_water_difficult, a.conditions.drinking_water_difficult);
    EXPECT_EQ(e.conditions.drinking_water_safe, a.conditions.drinking_water_safe);
    EXPECT_EQ(e.conditions.food_secure, a.conditions.food_secure);
    EXPECT_EQ(e.conditions.clothing_secure, a.conditions.clothing_secure);
    EXPECT_EQ(e.conditions.electricity, a.conditions.electricity);
    EXPECT_EQ(e.conditions.production_electricity, a.conditions.production_electricity);
    EXPECT_EQ(e.conditions.road_access, a.conditions.road_access);
    EXPECT_EQ(e.conditions.main_road_distance_km, a.conditions.main_road_distance_km);
    EXPECT_EQ(e.conditions.fuel, a.conditions.fuel);
    EXPECT_EQ(e.conditions.sanitary_toilet, a.conditions.sanitary_toilet);
    EXPECT_EQ(e.conditions.cooperative_member, a.conditions.cooperative_member);
    EXPECT_EQ(e.conditions.consumption_level, a.conditions.consumption_level);
    EXPECT_EQ(e.conditions.assets_value, a.conditions.assets_value);
    EXPECT_EQ(e.conditions.assets_note, a.conditions.assets_note);
    EXPECT_EQ(e.income.year, a.income.year);
    EXPECT_EQ(e.income.wages, a.income.wages);
    EXPECT_EQ(e.income.production_business, a.income.production_business);
    EXPECT_EQ(e.income.property, a.income.property);
    EXPECT_EQ(e.income.production_expenses, a.income.production_expenses);
    EXPECT_EQ(e.income.transfers.family_planning, a.income.transfers.family_planning);
    EXPECT_EQ(e.income.transfers.minimum_allowance, a.income.transfers.minimum_allowance);
    EXPECT_EQ(e.income.transfers.extreme_support, a.income.transfers.extreme_support);
    EXPECT_EQ(e.income.transfers.pension, a.income.transfers.pension);
    EXPECT_EQ(e.income.transfers.ecological_compensation, a.income.transfers.ecological_compensation);
    EXPECT_EQ(e.income.transfers.other, a.income.transfers.other);
    EXPECT_EQ(e.income.support, a.income.support);
    EXPECT_EQ(e.per_capita_net_income, a.per_capita_net_income);
    EXPECT_EQ(e.main_cause, a.main_cause);
    EXPECT_EQ(e.other_causes, a.other_causes);
    EXPECT_EQ(e.identification_standard, a.identification_standard);
    EXPECT_EQ(e.poverty_type, a.poverty_type);
    EXPECT_EQ(e.military_family, a.military_family);
    EXPECT_EQ(e.only_child_family, a.only_child_family);
    EXPECT_EQ(e.two_daughters_family, a.two_daughters_family);
    EXPECT_EQ(e.national_number, a.national_number);
    ASSERT_EQ(e.members.size(), a.members.size());
    for (std::size_t i = 0; i < e.members.size(); ++i) {
        SCOPED_TRACE(fmt::format("member {}", i));
        const auto& em = e.members[i];
        const auto& am = a.members[i];
        EXPECT_EQ(em.name, am.name);
        EXPECT_EQ(em.id_number, am.id_number);
        EXPECT_EQ(em.sex, am.sex);
        EXPECT_EQ(em.birth_date, am.birth_date);
        EXPECT_EQ(em.relation, am.relation);
        EXPECT_EQ(em.education, am.education);
        EXPECT_EQ(em.health, am.health);
        EXPECT_EQ(em.disability_grade, am.disability_grade);
        EXPECT_EQ(em.labour_capacity, am.labour_capacity);
        EXPECT_EQ(em.migrant_work_months, am.migrant_work_months);
        EXPECT_EQ(em.migrant_work_income, am.migrant_work_income);
        EXPECT_EQ(em.ethnicity, am.ethnicity);
        EXPECT_EQ(em.political_status, am.political_status);
        EXPECT_EQ(em.schooling, am.schooling);
        EXPECT_EQ(em.out_of_school_reason, am.out_of_school_reason);
        EXPECT_EQ(em.disability_category, am.disability_category);
        EXPECT_EQ(em.disability_certificate, am.disability_certificate);
        EXPECT_EQ(em.work_status, am.work_status);
        EXPECT_EQ(em.work_location, am.work_location);
        EXPECT_EQ(em.medical_insurance, am.medical_insurance);
        EXPECT_EQ(em.pension_insurance, am.pension_insurance);
        EXPECT_EQ(em.serious_illness_insurance, am.serious_illness_insurance);
    }
}

void undo_statistics_figures(sql::connection& conn) {
    const bool mysql = conn.dialect() == sql::dialect::mysql;
    conn.execute_script(mysql ? "DROP INDEX measures_figures ON measures" : "DROP INDEX measures_figures");
    conn.execute_script(mysql ? "DROP INDEX measure_funds_figures ON measure_funds" : "DROP INDEX measure_funds_figures");
    conn.execute_script("ALTER TABLE measures DROP COLUMN planned_total_fen");
    for (const char* column : {"household_id", "plan_year", "measure_status"})
        conn.execute_script(std::string("ALTER TABLE measure_funds DROP COLUMN ") + column);
    for (const char* trigger : {"household_tallies_insert", "household_tallies_update", "household_tallies_update_old",
                                "household_tallies_update_new", "household_tallies_delete"})
        conn.execute_script(std::string("DROP TRIGGER IF EXISTS ") + trigger);
    conn.execute_script("DROP TABLE household_tallies");
    conn.execute_script("ALTER TABLE households DROP COLUMN income_band");
}

}  // namespace fupin::server::storage::test
