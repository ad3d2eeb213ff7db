// Migrations: a fresh database gets the whole schema, a second run changes nothing, a newer database is refused.
#include "backend_fixture.hpp"
#include "server/storage/application_repository.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/migrate.hpp"
#include "server/storage/migration.hpp"
#include "server/storage/objection_repository.hpp"
#include "server/storage/posting_repository.hpp"
#include "server/sql/error.hpp"
#include "sample_data.hpp"

namespace fupin::server::storage::test {

TEST_P(storage_backend, fresh_database_is_migrated_to_the_binary_version) {
    const auto embedded = embedded_migrations(conn().dialect());
    ASSERT_FALSE(embedded.empty());
    EXPECT_EQ(embedded.front().version, 1);
    EXPECT_EQ(schema_version(conn()), embedded.back().version);
    const auto rows = conn().query("SELECT version, name FROM schema_version ORDER BY version");
    ASSERT_EQ(rows.size(), embedded.size());
    EXPECT_EQ(rows[0].get_string(1), "initial");
    EXPECT_EQ(household_repository(conn()).count(), 0);
    EXPECT_EQ(area_repository(conn()).count(), 0);
}

TEST_P(storage_backend, migration_runs_twice_without_change) {
    area_repository(conn()).upsert({"529901", "", "county", "示范县"});
    EXPECT_EQ(migrate(conn()), 0);
    EXPECT_EQ(migrate(*open_another()), 0);
    EXPECT_EQ(area_repository(conn()).count(), 1);
    EXPECT_EQ(conn().query("SELECT COUNT(*) FROM schema_version").at(0).get_int64(0),
              static_cast<std::int64_t>(embedded_migrations(conn().dialect()).size()));
}

// 007 replaced the flags five_guarantee and minimum_allowance by poverty_type. The database is taken back to
// how 006 left it (the flags, none of the later columns, no record of a later migration), with three files, and
// migrated again.
TEST_P(storage_backend, the_household_attributes_migration_reads_poverty_type_from_the_old_flags) {
    seed_areas(conn());
    household_repository households(conn());
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 3; ++i) {
        auto h = make_household(group_a1_3, 700 + 10 * i, 1);
        households.insert(h, 1000);
        ids.push_back(h.id);
    }
    const std::vector<std::string> added{"identification_standard", "poverty_type", "military_family",
                                         "only_child_family", "two_daughters_family", "national_number"};
    undo_statistics_figures(conn());  // 028 and 027, whose triggers read the columns below
    for (const auto& column : added) conn().execute_script("ALTER TABLE households DROP COLUMN " + column);
    for (const char* flag : {"five_guarantee", "minimum_allowance"})
        conn().execute_script(std::string("ALTER TABLE households ADD COLUMN ") + flag + " SMALLINT NOT NULL DEFAULT 0");
    conn().execute("UPDATE households SET five_guarantee = 1 WHERE id = ?", {ids[0]});
    conn().execute("UPDATE households SET minimum_allowance = 1 WHERE id = ?", {ids[1]});
    conn().execute_script("ALTER TABLE areas DROP COLUMN poor_village");  // 008
    for (const char* column : {"ethnicity", "political_status", "schooling", "disability_category",  // 009
                               "disability_certificate", "work_status", "work_location", "medical_insurance",
                               "pension_insurance", "serious_illness_insurance"})
        conn().execute_script(std::string("ALTER TABLE members DROP COLUMN ") + column);
    for (const char* column : {"income_production_expenses_fen", "income_family_planning_fen",  // 010
                               "income_minimum_allowance_fen", "income_extreme_support_fen", "income_pension_fen",
                               "income_ecological_compensation_fen", "income_other_transfers_fen", "income_support_fen"})
        conn().execute_script(std::string("ALTER TABLE households DROP COLUMN ") + column);
    conn().execute_script("ALTER TABLE households ADD COLUMN income_transfers_fen BIGINT NOT NULL DEFAULT 0");
    conn().execute("UPDATE households SET income_transfers_fen = 4200");
    for (const char* column : {"land_irrigated_mu", "land_forest_mu", "land_returned_to_forest_mu",  // 011
                               "land_fruit_forest_mu", "land_pasture_mu", "land_water_surface_mu",
                               "housing_danger_grade", "drinking_water_difficult", "drinking_water_safe",
                               "production_electricity", "main_road_distance_km", "fuel", "sanitary_toilet",
                               "cooperative_member"})
        conn().execute_script(std::string("ALTER TABLE households DROP COLUMN ") + column);
    conn().execute_script("ALTER TABLE households ADD COLUMN drinking_water VARCHAR(32) NOT NULL DEFAULT 'safe'");
    conn().execute("UPDATE households SET drinking_water = 'difficult' WHERE id = ?", {ids[1]});
    conn().execute("UPDATE households SET drinking_water = 'unsafe' WHERE id = ?", {ids[2]});
    for (const char* column : {"food_secure", "clothing_secure"})  // 015
        conn().execute_script(std::string("ALTER TABLE households DROP COLUMN ") + column);
    conn().execute_script("ALTER TABLE members DROP COLUMN out_of_school_reason");
    // 014 (012, 013 and 015 create their tables only where they are missing). SQLite drops no indexed column.
    if (conn().dialect() == server::sql::dialect::sqlite) conn().execute_script("DROP INDEX helpers_username");
    conn().execute_script("ALTER TABLE helpers DROP COLUMN username");
    for (const char* column : {"exit_year", "policies_until"})  // 017
        conn().execute_script(std::string("ALTER TABLE households DROP COLUMN ") + column);
    conn().execute_script("ALTER TABLE households DROP COLUMN member_count");  // 021
    conn().execute_script("ALTER TABLE households DROP COLUMN registered_year");  // 022
    conn().execute("DELETE FROM schema_version WHERE version > 6");

    EXPECT_EQ(migrate(conn()), embedded_migrations(conn().dialect()).back().version - 6);
    EXPECT_EQ(households.find(ids[0])->poverty_type, "extreme_support");
    EXPECT_EQ(households.find(ids[1])->poverty_type, "minimum_allowance");
    EXPECT_EQ(households.find(ids[2])->poverty_type, "general");
    EXPECT_EQ(households.find(ids[2])->identification_standard, "national");
    EXPECT_FALSE(households.find(ids[2])->military_family);
    EXPECT_EQ(households.find(ids[2])->national_number, "");
    // 015: nobody had recorded 不愁吃 or 不愁穿, so no file meets the exit standard before the village has looked.
    EXPECT_FALSE(households.find(ids[0])->conditions.food_secure);
    EXPECT_FALSE(households.find(ids[0])->conditions.clothing_secure);
    // 009: the member's details are empty until the file is edited; whether it works is read from its months.
    const auto member = households.find(ids[0])->members.at(0);
    EXPECT_EQ(member.ethnicity, "");
    EXPECT_EQ(member.work_status, "not_working");
    EXPECT_FALSE(member.medical_insurance);
    // 010: the transfers stored as one sum become 其他转移性收入; the business's income stays, with no costs.
    const auto migrated = *households.find(ids[2]);
    EXPECT_EQ(migrated.income.transfers.other, 4200);
    EXPECT_EQ(migrated.income.transfers.pension, 0);
    EXPECT_EQ(migrated.income.production_expenses, 0);
    // 011: the one drinking-water answer becomes two; a difficulty is not called safe.
    EXPECT_TRUE(households.find(ids[0])->conditions.drinking_water_safe);
    EXPECT_FALSE(households.find(ids[0])->conditions.drinking_water_difficult);
    EXPECT_TRUE(households.find(ids[1])->conditions.drinking_water_difficult);
    EXPECT_FALSE(households.find(ids[1])->conditions.drinking_water_safe);
    EXPECT_FALSE(households.find(ids[2])->conditions.drinking_water_safe);
    EXPECT_FALSE(households.find(ids[2])->conditions.drinking_water_difficult);
    EXPECT_EQ(migrated.land.forest_mu, 0);
    EXPECT_EQ(migrated.conditions.fuel, "");
    EXPECT_THROW(conn().query("SELECT five_guarantee FROM households"), sql::error) << "the old flags are gone";
    EXPECT_THROW(conn().query("SELECT drinking_water FROM households"), sql::error) << "the old answer is gone";
}

// 017 made applications and postings again on SQLite (to change their constraints) with foreign keys off: a
// case, its history, its posting and an objection stored before it are all there after it, every reference
// still holds, and the household may now have an exit case beside its identification case of the same year.
TEST_P(storage_backend, the_exit_procedure_migration_keeps_cases_postings_and_objections) {
    seed_areas(conn());
    auto h = make_household(group_a1_3, 900, 1);
    household_repository(conn()).insert(h, 1000);
    application_repository apps(conn());
    common::application a;
    a.household_id = h.id;
    a.year = 2026;
    a.state = "village_posted";
    a.township_code = h.township_code;
    a.village_code = h.village_code;
    apps.insert(a, 1000);
    common::application_step step;
    step.action = "apply";
    step.to_state = "applied";
    step.at_ms = 1000;
    step.username = "clerk";
    step.role = "village_clerk";
    apps.add_step(a.id, step);
    common::posting p;
    p.level = "village";
    p.area_code = h.village_code;
    p.year = 2026;
    p.published_on = "2026-06-01";
    p.days = 7;
    p.next_step_on = "2026-06-08";
    p.published_at_ms = 1000;
    p.published_by = "clerk";
    p.entries.push_back({a.id, 1, "户主", h.village_code, "", h.group_code, "", 1, 100, "lack_of_funds", 1});
    posting_repository(conn()).insert(p);
    common::objection o;
    o.application_id = a.id;
    o.posting_id = p.id;
    o.objector_name = "村民";
    o.grounds = "收入不实";
    o.objected_on = "2026-06-02";
    o.recorded_by = "clerk";
    objection_repository(conn()).insert(o);

    for (const char* column : {"exit_year", "policies_until"})
        conn().execute_script(std::string("ALTER TABLE households DROP COLUMN ") + column);
    undo_statistics_figures(conn());  // 028, 027
    conn().execute_script("ALTER TABLE households DROP COLUMN member_count");  // 021
    conn().execute_script("ALTER TABLE households DROP COLUMN registered_year");  // 022
    conn().execute("DELETE FROM schema_version WHERE version >= 17");
    EXPECT_EQ(migrate(conn()), embedded_migrations(conn().dialect()).back().version - 16);

    const auto kept = apps.find(a.id);
    ASSERT_TRUE(kept);
    EXPECT_EQ(kept->kind, "identification");
    EXPECT_EQ(kept->state, "village_posted");
    EXPECT_EQ(apps.steps(a.id).size(), 1u);
    const auto posting = posting_repository(conn()).find(p.id);
    ASSERT_TRUE(posting);
    ASSERT_EQ(posting->entries.size(), 1u);
    EXPECT_EQ(posting->entries[0].application_id, a.id);
    EXPECT_EQ(objection_repository(conn()).for_application(a.id, true).size(), 1u);
    if (conn().dialect() == sql::dialect::sqlite) {
        EXPECT_TRUE(conn().query("PRAGMA foreign_key_check").empty());
        EXPECT_EQ(conn().query("PRAGMA foreign_keys").at(0).get_int64(0), 1) << "foreign keys are on again";
    }
    // One case of each kind per year.
    common::application exit = a;
    exit.kind = "exit";
    exit.state = "exit_proposed";
    EXPECT_NO_THROW(apps.insert(exit, 2000));
    common::application again = a;
    EXPECT_THROW(apps.insert(again, 2000), sql::constraint_violation);
    // The exit's postings are allowed levels now.
    p.level = "exit_village";
    p.entries.clear();
    EXPECT_NO_THROW(posting_repository(conn()).insert(p));
}

TEST_P(storage_backend, database_newer_than_binary_is_refused) {
    const int newer = embedded_migrations(conn().dialect()).back().version + 1;
    conn().execute("INSERT INTO schema_version (version, name, applied_at_ms) VALUES (?, 'from_the_future', 0)",
                   {std::int64_t{newer}});
    try {
        migrate(conn());
        FAIL() << "migrate accepted a newer schema";
    } catch (const schema_too_new& e) {
        EXPECT_EQ(e.database_version(), newer);
        EXPECT_EQ(e.binary_version(), newer - 1);
        EXPECT_NE(std::string(e.what()).find("newer"), std::string::npos);
    }
}

TEST_P(storage_backend, migrate_refuses_to_run_inside_a_transaction) {
    conn().begin(sql::tx_mode::write);
    EXPECT_THROW(migrate(conn()), sql::error);
    conn().rollback();
}

}  // namespace fupin::server::storage::test
