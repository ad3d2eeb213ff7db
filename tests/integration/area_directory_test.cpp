// The area directory (server/service/area_directory.hpp): areas kept in memory for the checks of household
// files, never older than what this process wrote, and an import by another process seen through the outbox.
#include <chrono>
#include <thread>

#include "server/service/archive_import.hpp"
#include "server/service/area_directory.hpp"
#include "server/storage/area_repository.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using namespace std::chrono_literals;
using server::service::area_directory;

class area_directory_test : public archive_test {
protected:
    std::unique_ptr<server::sql::connection> connect() { return server::sql::connect(database_->url()); }

    // Renamed behind every observer's back, as SQL typed by hand would: only what was not kept sees it.
    void rename_unseen(const std::string& code, const std::string& name) {
        connect()->execute("UPDATE areas SET name = ? WHERE code = ?", {name, code});
    }

    std::string name_in(area_directory& directory, server::sql::connection& db, const std::string& code) {
        const auto found = directory.find_all(db, {code});
        const auto it = found.find(code);
        return it == found.end() ? "" : it->second.name;
    }
};

TEST_P(area_directory_test, keeps_what_it_read_until_this_process_changes_the_areas) {
    auto directory = std::make_shared<area_directory>();
    auto db = connect();
    db->set_change_observer(directory);
    const auto found = directory->find_all(*db, {township_a, village_a, group_a, "529901100299"});
    ASSERT_EQ(found.size(), 3u);  // the fourth is no area
    EXPECT_EQ(found.at(village_a).parent_code, township_a);
    EXPECT_EQ(found.at(group_a).level, "group");

    rename_unseen(village_a, "手改村");
    EXPECT_NE(name_in(*directory, *db, village_a), "手改村") << "not kept: read from the database again";

    // A write of this process's connection: forgotten at once.
    server::storage::area_repository(*db).upsert({village_a, township_a, "village", "新名村"});
    EXPECT_EQ(name_in(*directory, *db, village_a), "新名村");
}

TEST_P(area_directory_test, an_unknown_code_is_not_kept) {
    area_directory directory;
    auto db = connect();
    const std::string new_village = "529901100299";
    EXPECT_TRUE(directory.find_all(*db, {new_village}).empty());
    server::storage::area_repository(*connect()).upsert({new_village, township_a, "village", "新设村"});
    EXPECT_EQ(name_in(directory, *db, new_village), "新设村");
}

TEST_P(area_directory_test, nothing_read_while_a_write_of_the_areas_is_open_is_kept) {
    auto directory = std::make_shared<area_directory>();
    auto writer = connect();
    writer->set_change_observer(directory);
    auto reader = connect();
    {
        server::sql::transaction tx(*writer, server::sql::tx_mode::write);
        server::storage::area_repository(*writer).upsert({group_a, village_a, "group", "改名组"});
        // The read sees the old name (the write is not committed): it must not be kept.
        EXPECT_NE(name_in(*directory, *reader, group_a), "改名组");
        if (GetParam() == "mysql") {  // SQLite lets no other connection write while the write is open
            EXPECT_FALSE(name_in(*directory, *reader, village_b).empty());
            rename_unseen(village_b, "手改村");
            EXPECT_EQ(name_in(*directory, *reader, village_b), "手改村") << "kept while a write was open";
        }
        tx.commit();
    }
    rename_unseen(group_a, "又改名组");
    EXPECT_EQ(name_in(*directory, *reader, group_a), "又改名组");
}

TEST_P(area_directory_test, the_outbox_record_of_the_areas_forgets_everything_and_others_nothing) {
    area_directory directory;
    auto db = connect();
    EXPECT_FALSE(name_in(directory, *db, village_a).empty());
    rename_unseen(village_a, "手改村");
    directory.forget_record("household/1");
    directory.forget_record("application/2");
    EXPECT_NE(name_in(directory, *db, village_a), "手改村");
    directory.forget_record(server::storage::area_repository::changed_record);
    EXPECT_EQ(name_in(directory, *db, village_a), "手改村");
}

TEST_P(area_directory_test, what_is_held_is_forgotten_after_its_maximum_age) {
    area_directory directory(1s);
    auto db = connect();
    auto other = connect();
    const auto read_at = std::chrono::steady_clock::now();
    EXPECT_FALSE(name_in(directory, *db, village_a).empty());
    other->execute("UPDATE areas SET name = ? WHERE code = ?", {std::string("手改村"), village_a});
    const bool still_young = std::chrono::steady_clock::now() - read_at < 900ms;
    const auto young = name_in(directory, *db, village_a);
    if (still_young) {  // (a machine this slow proves nothing here, but fails nothing)
        EXPECT_NE(young, "手改村");
    }
    std::this_thread::sleep_for(1s);
    EXPECT_EQ(name_in(directory, *db, village_a), "手改村");
}

TEST_P(area_directory_test, an_import_by_another_process_reaches_the_servers_creates_within_a_second) {
    auto reviewer = client_for(township_a);
    const auto before = reviewer.create_household(sample_household(township_a, village_a, group_a, 1), "");
    ASSERT_NE(before.village_name, "更名后的村");
    // `county-server areas import` runs as a process of its own: here, on a connection of its own.
    server::service::import_areas(*connect(), {{village_a, township_a, "village", "更名后的村"}}, 0);
    const auto deadline = std::chrono::steady_clock::now() + 1s;
    common::household created;
    for (int seed = 2; seed < 200; ++seed) {
        created = reviewer.create_household(sample_household(township_a, village_a, group_a, seed), "");
        if (created.village_name == "更名后的村" || std::chrono::steady_clock::now() > deadline) break;
        std::this_thread::sleep_for(20ms);
    }
    EXPECT_EQ(created.village_name, "更名后的村") << "a create still answered the old name a second after the import";
}

INSTANTIATE_TEST_SUITE_P(backends, area_directory_test, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
