// The set-based writes a batch of creates is made of (server/service/household_creator.cpp): several
// households in one INSERT, each with its own id in order; several events with consecutive seqs; several audit
// entries chained as if appended one at a time. On MySQL also without INSERT … RETURNING, as on MySQL proper.
#include <nlohmann/json.hpp>

#include "backend_fixture.hpp"
#include "sample_data.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/audit_verifier.hpp"
#include "server/storage/audit_repository.hpp"
#include "server/storage/event_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/sql/mysql_connection.hpp"
#include "server/sql/error.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::server::storage::test {
namespace {

// Inserts three households in one statement on `db` and checks what each reads back as.
void insert_three_and_read_them_back(sql::connection& db, int first_id_number) {
    household_repository repo(db);
    std::vector<common::household> files = {make_household(group_a1_3, first_id_number, 2),
                                            make_household(group_a2_1, first_id_number + 10, 3),
                                            make_household(group_b1_1, first_id_number + 20, 1)};
    for (std::size_t i = 0; i < files.size(); ++i) files[i].created_at_ms = 1'764'410'400'000 + std::int64_t(i);
    const auto expected = files;
    {
        sql::transaction tx(db, sql::tx_mode::write);
        repo.insert_all(files);
        tx.commit();
    }
    for (std::size_t i = 0; i < files.size(); ++i) {
        SCOPED_TRACE(i);
        EXPECT_GT(files[i].id, i == 0 ? 0 : files[i - 1].id) << "ids grow in vector order";
        EXPECT_EQ(files[i].version, 1);
        EXPECT_EQ(files[i].updated_at_ms, expected[i].created_at_ms);
        const auto found = repo.find(files[i].id);
        ASSERT_TRUE(found);
        expect_same(files[i], *found, true);
        EXPECT_EQ(found->members.size(), expected[i].members.size());
        EXPECT_EQ(repo.find_person(expected[i].members.back().id_number)->household_id, files[i].id);
    }
}

TEST_P(storage_backend, insert_all_gives_each_household_its_own_id_in_vector_order) {
    seed_areas(conn());
    insert_three_and_read_them_back(conn(), 100);
    if (!is_mysql()) return;
    // The path MySQL proper takes: LAST_INSERT_ID() after the INSERT, the rows' ids evenly spaced from it.
    auto options = url().mysql;
    options.use_returning = false;
    sql::mysql_connection without_returning(options);
    if (!without_returning.multi_row_insert_ids()) GTEST_SKIP() << "the test MariaDB interleaves insert ids";
    insert_three_and_read_them_back(without_returning, 200);
    EXPECT_EQ(household_repository(conn()).count(), 6);
}

TEST_P(storage_backend, insert_all_of_a_person_already_registered_fails_and_rolls_back_whole) {
    household_repository repo(conn());
    auto registered = make_household(group_a1_3, 300);
    repo.insert(registered, 1000);
    std::vector<common::household> files = {make_household(group_a1_3, 310), make_household(group_b1_1, 320)};
    files[1].members[0].id_number = registered.members[1].id_number;
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        EXPECT_THROW(repo.insert_all(files), sql::constraint_violation);
    }
    EXPECT_EQ(repo.count(), 1) << "nothing of the statement was written";
}

TEST_P(storage_backend, append_all_gives_events_consecutive_seqs_after_those_before) {
    event_repository events(conn());
    auto event = [](const std::string& record) {
        change_event e;
        e.at_ms = 5;
        e.kind = "household.created";
        e.record = record;
        e.township_code = township_a;
        e.summary = R"({"n":")" + record + R"("})";
        return e;
    };
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        events.append(event("household/1"));
        tx.commit();
    }
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        events.append_all({event("household/2"), event("household/3"), event("household/4")});
        tx.commit();
    }
    const auto all = events.after(0, 10);
    ASSERT_EQ(all.size(), 4U);
    for (std::size_t i = 0; i < all.size(); ++i) {
        EXPECT_EQ(all[i].seq, std::int64_t(i) + 1);
        EXPECT_EQ(all[i].record, "household/" + std::to_string(i + 1));
        EXPECT_EQ(all[i].summary, R"({"n":"household/)" + std::to_string(i + 1) + R"("})");
    }
    EXPECT_EQ(events.last_seq(), 4);

    // More than one statement holds (a department's list flags thousands of households at once): still one run
    // of seqs in the order given.
    std::vector<change_event> many;
    for (int i = 5; i <= 1204; ++i) many.push_back(event("household/" + std::to_string(i)));
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        events.append_all(many);
        tx.commit();
    }
    const auto later = events.after(4, 2000);
    ASSERT_EQ(later.size(), 1200U);
    for (std::size_t i = 0; i < later.size(); ++i) {
        EXPECT_EQ(later[i].seq, std::int64_t(i) + 5);
        EXPECT_EQ(later[i].record, "household/" + std::to_string(i + 5));
    }
    EXPECT_EQ(events.last_seq(), 1204);
}

TEST_P(storage_backend, append_all_chains_audit_entries_as_if_appended_one_at_a_time) {
    const service::audit_actor actor{"shimen_clerk", "village_clerk", "CN=石门镇"};
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        service::audit_trail::record(conn(), actor, "household.update", "household/9", "ok", {{"a", 1}}, 10);
        tx.commit();
    }
    std::vector<audit_entry> entries;
    for (int i = 0; i < 3; ++i)
        entries.push_back(service::audit_trail::prepare(actor, "household.create",
                                                        "household/" + std::to_string(10 + i), "ok",
                                                        nlohmann::json{{"head_name", {{"after", "王" + std::to_string(i)}}}},
                                                        20 + i));
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        service::audit_trail::append_all(conn(), entries);
        tx.commit();
    }
    const auto stored = audit_repository(conn()).read_after(0, 10);
    ASSERT_EQ(stored.size(), 4U);
    for (std::size_t i = 1; i < stored.size(); ++i) {
        EXPECT_EQ(stored[i].seq, std::int64_t(i) + 1);
        EXPECT_EQ(stored[i].prev_hash, stored[i - 1].hash);
        EXPECT_EQ(stored[i].hash, audit_repository::compute_hash(stored[i]));
        EXPECT_EQ(stored[i].record, entries[i - 1].record);
    }
    EXPECT_EQ(audit_repository(conn()).head().last_hash, stored.back().hash);
    EXPECT_TRUE(service::audit_verifier().verify(conn()).ok);
}

}  // namespace
}  // namespace fupin::server::storage::test
