// The SQL layer itself: transactions, typed rows, error mapping, idempotency keys, areas, concurrent writers.
#include <atomic>
#include <thread>

#include "backend_fixture.hpp"
#include "sample_data.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/idempotency_repository.hpp"
#include "server/sql/mysql_connection.hpp"
#include "server/sql/error.hpp"
#include "server/sql/transaction.hpp"
#include "server/sql/sqlite_connection.hpp"

namespace fupin::server::storage::test {

TEST_P(storage_backend, backend_name_and_dialect_match_the_driver) {
    EXPECT_EQ(conn().backend_name(), GetParam());
    EXPECT_EQ(std::string(conn().for_update()), is_mysql() ? " FOR UPDATE" : "");
}

TEST_P(storage_backend, transaction_rolls_back_when_an_exception_leaves_the_scope) {
    household_repository repo(conn());
    try {
        sql::transaction tx(conn(), sql::tx_mode::write);
        auto h = make_household(group_a1_3, 100);
        repo.insert(h, 1000);
        EXPECT_EQ(repo.count(), 1);  // visible inside the transaction
        throw std::runtime_error("the service failed half way");
    } catch (const std::runtime_error&) {
    }
    EXPECT_FALSE(conn().in_transaction());
    EXPECT_EQ(repo.count(), 0);
    EXPECT_FALSE(repo.find_person(id_number(100)));

    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        auto h = make_household(group_a1_3, 100);
        repo.insert(h, 1000);
        tx.commit();
    }
    EXPECT_EQ(open_another()->query("SELECT COUNT(*) FROM households").at(0).get_int64(0), 1);
    EXPECT_THROW(conn().commit(), sql::error);  // nothing open
}

TEST_P(storage_backend, rows_are_typed_and_getters_refuse_the_wrong_type) {
    const auto rows = conn().query("SELECT ?, ?, ?, ?", {std::int64_t{-9'007'199'254'740'993}, 2.5,
                                                       std::string("石门镇") + four_byte, sql::null});
    ASSERT_EQ(rows.size(), 1u);
    const auto& r = rows[0];
    EXPECT_EQ(r.get_int64(0), -9'007'199'254'740'993);
    EXPECT_DOUBLE_EQ(r.get_double(1), 2.5);
    EXPECT_EQ(r.get_string(2), "石门镇" + four_byte);
    EXPECT_TRUE(r.is_null(3));
    EXPECT_THROW(r.get_string(0), sql::error);
    EXPECT_THROW(r.get_int64(1), sql::error);
    EXPECT_THROW(r.get_int64(3), sql::error);
    EXPECT_THROW(r.get_int64(4), sql::error);
    EXPECT_THROW(conn().query("SELECT ?", {}), sql::error);  // parameter count checked
}

TEST_P(storage_backend, a_bad_statement_is_an_error_but_not_a_constraint_violation) {
    try {
        conn().query("SELECT no_such_column FROM households");
        FAIL();
    } catch (const sql::constraint_violation&) {
        FAIL() << "wrong error type";
    } catch (const sql::error& e) {
        EXPECT_NE(std::string(e.what()).find("no_such_column"), std::string::npos) << e.what();
    }
}

TEST_P(storage_backend, idempotency_key_is_recorded_once_per_scope) {
    idempotency_repository keys(conn());
    EXPECT_FALSE(keys.find(township_a, "retry-1"));
    keys.insert(township_a, "retry-1", "sha256:abc", 7, 1000);
    const auto rec = keys.find(township_a, "retry-1");
    ASSERT_TRUE(rec);
    EXPECT_EQ(rec->scope, township_a);
    EXPECT_EQ(rec->key, "retry-1");
    EXPECT_EQ(rec->request_hash, "sha256:abc");
    EXPECT_EQ(rec->household_id, 7);
    EXPECT_EQ(rec->created_at_ms, 1000);
    EXPECT_THROW(keys.insert(township_a, "retry-1", "sha256:def", 8, 2000), sql::constraint_violation);
    EXPECT_FALSE(keys.find(township_a, "RETRY-1"));  // keys are case-sensitive
    EXPECT_FALSE(keys.find(township_b, "retry-1"));  // and per caller area
    keys.insert(township_b, "retry-1", "sha256:abc", 9, 1000);
    keys.insert(township_a, "RETRY-1", "sha256:abc", 9, 1000);
    EXPECT_EQ(keys.find(township_a, "retry-1")->household_id, 7);
}

TEST_P(storage_backend, areas_upsert_find_and_children) {
    seed_areas(conn());
    area_repository areas(conn());
    EXPECT_EQ(areas.count(), 9);
    areas.upsert({township_a, "529901", "township", "石门" + four_byte + "镇"});
    EXPECT_EQ(areas.count(), 9);
    const auto a = areas.find(township_a);
    ASSERT_TRUE(a);
    EXPECT_EQ(a->name, "石门" + four_byte + "镇");
    EXPECT_EQ(a->parent_code, "529901");
    EXPECT_EQ(a->level, "township");
    EXPECT_FALSE(areas.find("529901999"));
    const auto villages = areas.children(township_a);
    ASSERT_EQ(villages.size(), 2u);
    EXPECT_EQ(villages[0].code, village_a1);
    EXPECT_EQ(villages[1].code, village_a2);
    ASSERT_EQ(areas.children("").size(), 1u);
    EXPECT_EQ(areas.children("")[0].level, "county");

    EXPECT_FALSE(areas.find(village_a1)->poor_village);
    areas.upsert({village_a1, township_a, "village", "岩脚村", true});  // 贫困村, from the next area file
    EXPECT_TRUE(areas.find(village_a1)->poor_village);
    EXPECT_TRUE(areas.children(township_a)[0].poor_village);
    EXPECT_TRUE(areas.find_all({village_a1, village_a2}).at(village_a1).poor_village);
    EXPECT_FALSE(areas.find_all({village_a1, village_a2}).at(village_a2).poor_village);
    areas.upsert({village_a1, township_a, "village", "岩脚村", false});
    EXPECT_FALSE(areas.find(village_a1)->poor_village);
}

// What the server's household file cache relies on (service/household_file_cache.hpp): every write of a file
// names it to the connection's change observer, and only once its transaction has ended.
TEST_P(storage_backend, writes_name_the_files_they_changed_once_the_transaction_has_ended) {
    // What the observer heard, in order: "changing household/1", "changed household/1", …
    struct recording_observer : sql::change_observer {
        std::vector<std::string> heard;
        void changing(const common::record_key& record) noexcept override { heard.push_back("changing " + record.text()); }
        void changed(const common::record_key& record) noexcept override { heard.push_back("changed " + record.text()); }
    };
    auto observer = std::make_shared<recording_observer>();
    auto& heard = observer->heard;
    conn().set_change_observer(observer);
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 100);
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        repo.insert(h, 1000);
        EXPECT_EQ(heard, std::vector<std::string>{"changing " + household_repository::record_of(h.id).text()})
            << "a write must be known as open before it commits";
        tx.commit();
    }
    EXPECT_EQ(heard, (std::vector<std::string>{"changing household/" + std::to_string(h.id),
                                               "changed household/" + std::to_string(h.id)}));
    heard.clear();

    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        h.address = "改过的地址";
        ASSERT_TRUE(repo.update(h, 1, 2000));
        ASSERT_TRUE(repo.set_status(h.id, "registered", 3000));
        EXPECT_EQ(heard.size(), 1u);  // once per file and transaction
        // Rolled back: ended all the same (a commit whose answer was lost may still have happened).
    }
    EXPECT_EQ(heard, (std::vector<std::string>{"changing " + household_repository::record_of(h.id).text(),
                                               "changed " + household_repository::record_of(h.id).text()}));
    heard.clear();

    EXPECT_FALSE(repo.set_status(h.id + 100, "registered", 4000));  // no such file: nothing changed
    EXPECT_TRUE(heard.empty());
    ASSERT_TRUE(repo.set_status(h.id, "registered", 4000));  // outside a transaction: both at once
    EXPECT_EQ(heard, (std::vector<std::string>{"changing " + household_repository::record_of(h.id).text(),
                                               "changed " + household_repository::record_of(h.id).text()}));
    heard.clear();

    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        seed_areas(conn());
        tx.commit();
    }
    EXPECT_EQ(heard, (std::vector<std::string>{"changing areas", "changed areas"}));  // files show area names
    conn().set_change_observer(nullptr);
}

// A lock held by another transaction ends in retryable_error, not a generic error.
TEST_P(storage_backend, waiting_too_long_for_a_lock_is_retryable) {
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 110);
    repo.insert(h, 1000);
    std::unique_ptr<sql::connection> other;
    if (is_mysql()) {
        other = open_another();
        other->execute_script("SET SESSION innodb_lock_wait_timeout = 1");
    } else {
        other = std::make_unique<sql::sqlite_connection>(url().sqlite_path, 100);
    }
    sql::transaction holder(conn(), sql::tx_mode::write);
    conn().execute("UPDATE households SET address = 'x' WHERE id = ?", {h.id});
    EXPECT_THROW(
        {
            sql::transaction tx(*other, sql::tx_mode::write);
            other->execute("UPDATE households SET address = 'y' WHERE id = ?", {h.id});
        },
        sql::retryable_error);
}

// Many writers, one version: exactly one update wins, the rest see false (the caller's 409).
TEST_P(storage_backend, concurrent_updates_of_one_version_have_one_winner) {
    household_repository repo(conn());
    auto h = make_household(group_a1_3, 120);
    repo.insert(h, 1000);
    constexpr int writers = 6;
    std::atomic<int> wins{0}, losses{0}, failures{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            if (is_mysql()) sql::mysql_connection::thread_init();
            try {
                auto c = open_another();
                household_repository r(*c);
                auto edit = h;
                edit.address = "writer " + std::to_string(w);
                sql::transaction tx(*c, sql::tx_mode::write);
                if (r.update(edit, 1, 2000 + w)) {
                    tx.commit();
                    ++wins;
                } else {
                    ++losses;
                }
            } catch (const std::exception& e) {
                ADD_FAILURE() << e.what();
                ++failures;
            }
            if (is_mysql()) sql::mysql_connection::thread_end();
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(wins, 1);
    EXPECT_EQ(losses, writers - 1);
    EXPECT_EQ(failures, 0);
    const auto stored = repo.find(h.id);
    EXPECT_EQ(stored->version, 2);
    EXPECT_EQ(stored->members.size(), 2u);
}

}  // namespace fupin::server::storage::test
