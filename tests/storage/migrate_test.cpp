// Migrations: a fresh database gets the whole schema, a second run changes nothing, a newer database is refused.
#include "backend_fixture.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/migrate.hpp"
#include "server/storage/migration.hpp"
#include "server/sql/error.hpp"

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
