// The statistics' tallies (migration 027) and the measures' figures (028): whatever writes the households (the repository's inserts, edits and
// status changes, a bulk insert, a plain UPDATE or DELETE), the tallies say what a grouped count of the
// households says, and each household's income band is the one rule's (common::income_band_of).
#include "backend_fixture.hpp"
#include "common/statistics.hpp"
#include "sample_data.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/measure_repository.hpp"
#include "server/storage/migrate.hpp"
#include "server/storage/statistics_repository.hpp"

namespace fupin::server::storage::test {
namespace {

std::string line_of(const sql::row& r) {
    std::string out;
    for (std::size_t i = 0; i < 5; ++i) out += r.get_string(i) + " ";
    for (std::size_t i = 5; i < 10; ++i) out += std::to_string(r.get_int64(i)) + (i == 9 ? "\n" : " ");
    return out;
}

// Every combination with a household, by village: from the tallies, and counted from the households.
std::string tallied(sql::connection& conn) {
    std::string out;
    for (const auto& r : conn.query("SELECT village_code, status, main_cause, poverty_type, income_band, military_family, "
                                    "only_child_family, two_daughters_family, households, people FROM household_tallies "
                                    "WHERE households > 0 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"))
        out += line_of(r);
    return out;
}

std::string counted(sql::connection& conn) {
    std::string out;
    for (const auto& r : conn.query("SELECT village_code, status, main_cause, poverty_type, income_band, military_family, "
                                    "only_child_family, two_daughters_family, COUNT(*), SUM(member_count) FROM households "
                                    "GROUP BY 1, 2, 3, 4, 5, 6, 7, 8 ORDER BY 1, 2, 3, 4, 5, 6, 7, 8"))
        out += line_of(r);
    return out;
}

// No tally may be below zero, nor count people without households: what a decrement that subtracts the wrong
// member count leaves behind.
long long broken_tallies(sql::connection& conn) {
    return conn.query("SELECT COUNT(*) FROM household_tallies WHERE households < 0 OR people < 0 OR "
                      "(households = 0 AND people <> 0)")
        .at(0)
        .get_int64(0);
}

}  // namespace

TEST_P(storage_backend, the_tallies_follow_every_write_of_the_households) {
    seed_areas(conn());
    household_repository repo(conn());
    std::vector<common::household> files;
    for (int i = 0; i < 6; ++i) {
        auto h = make_household(i < 4 ? group_a1_3 : group_b1_1, 100 + i * 10, 1 + i % 3);
        h.per_capita_net_income = 50000 + i * 90000;  // across the bands
        h.military_family = i == 2;
        files.push_back(h);
    }
    for (int i = 0; i < 2; ++i) repo.insert(files[i], 1000);
    {
        std::vector<common::household> batch(files.begin() + 2, files.end());
        repo.insert_all(batch);
        for (std::size_t i = 0; i < batch.size(); ++i) files[i + 2] = batch[i];
    }
    EXPECT_EQ(tallied(conn()), counted(conn()));
    EXPECT_FALSE(tallied(conn()).empty());
    for (const auto& r : conn().query("SELECT per_capita_net_income_fen, income_band FROM households"))
        EXPECT_EQ(r.get_string(1), common::income_band_of(r.get_int64(0)));

    // An edit that changes the cause, the income and the members; a move to another village; a status change.
    auto edited = *repo.find(files[0].id);
    edited.main_cause = "disability";
    edited.per_capita_net_income = 450000;
    edited.members.pop_back();
    ASSERT_TRUE(repo.update(edited, edited.version, 2000));
    auto moved = *repo.find(files[1].id);
    moved.township_code = township_a;
    moved.village_code = village_a2;
    moved.group_code = group_a2_1;
    ASSERT_TRUE(repo.update(moved, moved.version, 2000));
    ASSERT_TRUE(repo.set_status(files[3].id, "registered", 3000, std::nullopt, std::nullopt, 2026));
    EXPECT_EQ(tallied(conn()), counted(conn()));
    EXPECT_EQ(broken_tallies(conn()), 0);

    // Two files in one combination: one loses a member, so their row stays and its people must drop by one.
    auto twin = make_household(group_a1_3, 300, 3);
    twin.per_capita_net_income = files[2].per_capita_net_income;
    twin.military_family = true;
    repo.insert(twin, 4000);
    auto smaller = *repo.find(files[2].id);
    smaller.members.pop_back();
    ASSERT_TRUE(repo.update(smaller, smaller.version, 4000));
    EXPECT_EQ(tallied(conn()), counted(conn()));
    EXPECT_EQ(broken_tallies(conn()), 0);

    // Writes that bypass the repository are followed too: the tallies are the database's own.
    conn().execute("UPDATE households SET status = 'exited' WHERE id = ?", {files[4].id});
    conn().execute("DELETE FROM members WHERE household_id = ?", {files[5].id});
    conn().execute("DELETE FROM households WHERE id = ?", {files[5].id});
    EXPECT_EQ(tallied(conn()), counted(conn()));
    EXPECT_EQ(broken_tallies(conn()), 0);

    // What the statistics read: the county's and a township's from the tallies, a village's from its households.
    statistics_repository stats(conn());
    std::int64_t county = 0, township = 0, village = 0;
    for (const auto& g : stats.households("529901")) county += g.count.households;
    for (const auto& g : stats.households(township_a)) township += g.count.households;
    for (const auto& g : stats.households(village_a1)) village += g.count.households;
    EXPECT_EQ(county, 6);
    EXPECT_EQ(township, 5);
    EXPECT_EQ(village, 4);
}

// Migrations 027 and 028 on an archive that already has files, measures and funds: each band is the one rule's
// at every boundary, the tallies are the households' grouped count, each measure's planned total is its funds',
// and each fund has its measure's household, year and status.
TEST_P(storage_backend, the_figures_migrations_fill_what_was_there_before_them) {
    seed_areas(conn());
    household_repository repo(conn());
    const common::money_fen incomes[] = {-5000, 99999, 100000, 199999, 200000, 299999, 300000, 399999, 400000};
    std::vector<common::household> files;
    for (int i = 0; i < 9; ++i) {
        auto h = make_household(i % 2 ? group_a1_3 : group_b1_1, 600 + i * 10, 1 + i % 3);
        h.per_capita_net_income = incomes[i];
        repo.insert(h, 1000);
        files.push_back(h);
    }
    measure_repository measures(conn());
    common::measure m;
    m.household_id = files[0].id;
    m.village_code = files[0].village_code;
    m.category = "industry";
    m.plan_year = 2026;
    m.status = "cancelled";
    m.cancel_reason = "外出";
    m.content = "养殖";
    m.funds = {{"central", 200000, 100000}, {"county", 50000, 0}};
    measures.insert(m, "clerk", 1000);

    undo_statistics_figures(conn());
    conn().execute("DELETE FROM schema_version WHERE version >= 27");
    EXPECT_EQ(migrate(conn()), 2);

    for (const auto& r : conn().query("SELECT per_capita_net_income_fen, income_band FROM households"))
        EXPECT_EQ(r.get_string(1), common::income_band_of(r.get_int64(0))) << r.get_int64(0);
    EXPECT_EQ(tallied(conn()), counted(conn()));
    EXPECT_EQ(conn().query("SELECT planned_total_fen FROM measures WHERE id = ?", {m.id}).at(0).get_int64(0), 250000);
    const auto funds = conn().query("SELECT household_id, plan_year, measure_status FROM measure_funds WHERE measure_id = ?",
                                    {m.id});
    ASSERT_EQ(funds.size(), 2u);
    for (const auto& f : funds) {
        EXPECT_EQ(f.get_int64(0), files[0].id);
        EXPECT_EQ(f.get_int64(1), 2026);
        EXPECT_EQ(f.get_string(2), "cancelled");
    }
    // And the triggers stand: the next file is counted.
    auto later = make_household(group_a1_3, 900, 2);
    repo.insert(later, 2000);
    EXPECT_EQ(tallied(conn()), counted(conn()));

    // MySQL commits each statement of a migration: one that failed part way runs again whole, and counts afresh.
    // (SQLite's migration is one transaction: a failure leaves nothing to run again.)
    if (is_mysql()) {
        conn().execute("DELETE FROM schema_version WHERE version >= 27");
        EXPECT_EQ(migrate(conn()), 2);
        EXPECT_EQ(tallied(conn()), counted(conn()));
        EXPECT_EQ(conn().query("SELECT planned_total_fen FROM measures WHERE id = ?", {m.id}).at(0).get_int64(0), 250000);
    }
}

}  // namespace fupin::server::storage::test

namespace fupin::server::storage::test {

// The year's measures and funds (migration 028): the statistics read the planned total kept on each measure and
// the household, year and status kept on each fund; a measure's change (its year, a cancellation, its funds)
// reaches both.
TEST_P(storage_backend, the_measures_figures_follow_every_change_of_a_measure) {
    seed_areas(conn());
    auto h = make_household(group_a1_3, 500, 2);
    household_repository(conn()).insert(h, 1000);
    measure_repository measures(conn());
    common::measure m;
    m.household_id = h.id;
    m.village_code = h.village_code;
    m.category = "industry";
    m.plan_year = 2026;
    m.content = "发放良种猪2头";
    m.funds = {{"central", 200000, 100000}, {"county", 50000, 0}};
    measures.insert(m, "clerk", 1000);
    common::measure other = m;
    other.category = "education";
    other.funds = {{"county", 30000, 30000}};
    measures.insert(other, "clerk", 1000);

    statistics_repository stats(conn());
    auto by_category = stats.measures_by_category("529901", 2026);
    ASSERT_EQ(by_category.size(), 2u);
    EXPECT_EQ(by_category[1].key, "industry");
    EXPECT_EQ(by_category[1].measures, 1);
    EXPECT_EQ(by_category[1].households, 1);
    EXPECT_EQ(by_category[1].planned, 250000);
    EXPECT_EQ(by_category[1].paid, 100000);
    auto by_source = stats.funds_by_source(township_a, 2026);
    ASSERT_EQ(by_source.size(), 2u);
    EXPECT_EQ(by_source[1].key, "county");
    EXPECT_EQ(by_source[1].measures, 2);
    EXPECT_EQ(by_source[1].households, 1);
    EXPECT_EQ(by_source[1].planned, 80000);

    // The industry measure moves to next year and then is cancelled; the education one gets more funds.
    m.plan_year = 2027;
    ASSERT_TRUE(measures.update(m, m.version, "clerk", 2000));
    EXPECT_EQ(stats.measures_by_category("529901", 2027).size(), 1u);
    EXPECT_EQ(stats.funds_by_source("529901", 2027).size(), 2u);
    m.status = "cancelled";
    m.cancel_reason = "户外出务工";
    ASSERT_TRUE(measures.update(m, m.version, "clerk", 3000));
    EXPECT_TRUE(stats.measures_by_category("529901", 2027).empty());
    EXPECT_TRUE(stats.funds_by_source(village_a1, 2027).empty());
    other.funds = {{"county", 30000, 30000}, {"social", 10000, 0}};
    ASSERT_TRUE(measures.update(other, other.version, "clerk", 3000));
    by_source = stats.funds_by_source("529901", 2026);
    ASSERT_EQ(by_source.size(), 2u);
    EXPECT_EQ(by_source[0].key, "county");
    EXPECT_EQ(by_source[0].planned, 30000);
    EXPECT_EQ(by_source[1].key, "social");
    by_category = stats.measures_by_category(village_a1, 2026);
    ASSERT_EQ(by_category.size(), 1u);
    EXPECT_EQ(by_category[0].planned, 40000);
    EXPECT_EQ(by_category[0].paid, 30000);
}

}  // namespace fupin::server::storage::test
