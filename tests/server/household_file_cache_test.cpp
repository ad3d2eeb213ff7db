// The household file cache on its own (server/service/household_file_cache.hpp): what it keeps and drops, and
// that a read racing with a change cannot put the old file back.
#include <gtest/gtest.h>

#include <chrono>

#include "server/service/household_file_cache.hpp"
#include "tests/server/manual_clock.hpp"

namespace fupin::test {
namespace {

using common::record_key;
using server::service::household_file_cache;

household_file_cache::file file_of(const std::string& json, std::int64_t version = 1,
                                   const std::string& village = "529901100201") {
    return {version, village, std::make_shared<const std::string>(json)};
}

std::string json_of(household_file_cache& cache, std::int64_t id) {
    auto found = cache.find(id);
    return found ? *found->json : "";
}

TEST(household_file_cache, keeps_what_was_stored_with_its_village) {
    household_file_cache cache(10);
    cache.store(7, file_of("{\"id\":7}", 1, "529901101201"), cache.before_read(7));
    ASSERT_TRUE(cache.find(7));
    EXPECT_EQ(*cache.find(7)->json, "{\"id\":7}");
    EXPECT_EQ(cache.find(7)->village_code, "529901101201");
    EXPECT_FALSE(cache.find(8));
    EXPECT_EQ(cache.size(), 1u);
}

TEST(household_file_cache, a_read_that_began_before_a_change_is_not_stored) {
    household_file_cache cache(10);
    const auto ticket = cache.before_read(7);  // the reader fetches version 1 …
    cache.forget(7);                           // … a write commits version 2 and forgets the file …
    cache.store(7, file_of("version 1"), ticket);  // … and the reader's version 1 must not come back
    EXPECT_FALSE(cache.find(7));

    // A read that began after the change is stored.
    cache.store(7, file_of("version 2", 2), cache.before_read(7));
    EXPECT_EQ(json_of(cache, 7), "version 2");
}

TEST(household_file_cache, nothing_read_of_a_file_is_kept_while_a_write_of_it_is_open) {
    household_file_cache cache(10);
    cache.store(7, file_of("version 1"), cache.before_read(7));
    cache.changing(record_key::household(7));  // the write's first statement ran; its transaction is open
    EXPECT_FALSE(cache.find(7));
    // A reader may now fetch version 1, or (MariaDB shows a commit before COMMIT returns) version 2:
    cache.store(7, file_of("version 1"), cache.before_read(7));
    EXPECT_FALSE(cache.find(7));
    const auto during = cache.before_read(7);
    cache.changed(record_key::household(7));  // committed: told before the writer answers
    cache.store(7, file_of("version 1"), during);  // began while the write was open
    EXPECT_FALSE(cache.find(7));
    cache.store(7, file_of("version 2", 2), cache.before_read(7));
    EXPECT_EQ(json_of(cache, 7), "version 2");

    cache.changing(record_key::areas());  // an areas import: every file, until it ends
    EXPECT_EQ(cache.size(), 0u);
    cache.store(8, file_of("old names"), cache.before_read(8));
    EXPECT_FALSE(cache.find(8));
    cache.changed(record_key::areas());
    cache.store(8, file_of("new names"), cache.before_read(8));
    EXPECT_EQ(json_of(cache, 8), "new names");
}

TEST(household_file_cache, a_file_never_replaces_a_newer_version_of_itself) {
    household_file_cache cache(10);
    // Two readers missed at once; the one that read version 2 stored first.
    const auto slow = cache.before_read(7);
    const auto fast = cache.before_read(7);
    cache.store(7, file_of("version 2", 2), fast);
    cache.store(7, file_of("version 1", 1), slow);
    EXPECT_EQ(json_of(cache, 7), "version 2");
    cache.store(7, file_of("version 3", 3), cache.before_read(7));
    EXPECT_EQ(json_of(cache, 7), "version 3");
}

TEST(household_file_cache, a_change_of_another_file_rarely_spoils_a_read) {
    household_file_cache cache(10);
    const auto ticket = cache.before_read(7);
    cache.forget(8);  // another stripe of ids
    cache.store(7, file_of("kept"), ticket);
    EXPECT_EQ(json_of(cache, 7), "kept");
}

TEST(household_file_cache, records_seen_in_the_outbox_forget_their_file_or_everything) {
    household_file_cache cache(10);
    for (std::int64_t id : {1, 2, 12})
        cache.store(id, file_of("file " + std::to_string(id)), cache.before_read(id));
    cache.changed_elsewhere(record_key::household(12), 0);
    EXPECT_FALSE(cache.find(12));
    EXPECT_TRUE(cache.find(1));
    cache.changed_elsewhere(record_key::parse("application/1"), 0);  // a case's own record: not a file
    cache.changed_elsewhere(record_key::parse("posting/2"), 0);
    EXPECT_TRUE(cache.find(1));
    EXPECT_TRUE(cache.find(2));

    const auto ticket = cache.before_read(1);
    cache.changed_elsewhere(record_key::parse("areas"), 0);  // every file shows its areas' names
    EXPECT_EQ(cache.size(), 0u);
    cache.store(1, file_of("old names"), ticket);
    EXPECT_FALSE(cache.find(1));

    cache.store(2, file_of("file 2"), cache.before_read(2));
    cache.changed_elsewhere(record_key::parse("household/2x"), 0);  // not a name it knows: it forgets too much rather than too little
    EXPECT_EQ(cache.size(), 0u);
}

TEST(household_file_cache, an_outbox_event_keeps_a_file_already_held_at_its_version_or_newer) {
    household_file_cache cache(10);
    cache.store(5, file_of("version 3", 3), cache.before_read(5));
    // This server's own write of version 3, seen in the outbox after a read stored its result: nothing to forget.
    cache.changed_elsewhere(record_key::parse("household/5"), 3);
    cache.changed_elsewhere(record_key::parse("household/5"), 2);
    EXPECT_EQ(json_of(cache, 5), "version 3");
    // A newer version written elsewhere: forgotten, and a read that began before it stores nothing.
    const auto ticket = cache.before_read(5);
    cache.changed_elsewhere(record_key::parse("household/5"), 4);
    EXPECT_FALSE(cache.find(5));
    cache.store(5, file_of("version 3", 3), ticket);
    EXPECT_FALSE(cache.find(5));
    // Not held: a read in flight is still stopped, whatever the version.
    const auto in_flight = cache.before_read(6);
    cache.changed_elsewhere(record_key::parse("household/6"), 1);
    cache.store(6, file_of("version 1", 1), in_flight);
    EXPECT_FALSE(cache.find(6));
}

TEST(household_file_cache, the_least_recently_read_file_goes_first_when_full) {
    household_file_cache cache(2);
    cache.store(1, file_of("1"), cache.before_read(1));
    cache.store(2, file_of("2"), cache.before_read(2));
    ASSERT_TRUE(cache.find(1));  // 1 is now the more recently read
    cache.store(3, file_of("3"), cache.before_read(3));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_TRUE(cache.find(1));
    EXPECT_FALSE(cache.find(2));
    EXPECT_TRUE(cache.find(3));
    // Storing a file it holds replaces it without taking a second place.
    cache.store(3, file_of("3 again", 2), cache.before_read(3));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(json_of(cache, 3), "3 again");
}

TEST(household_file_cache, a_file_is_kept_for_its_maximum_age_at_most) {
    fupin::test::manual_clock clock;
    household_file_cache cache(10, std::chrono::milliseconds(100), clock.function());
    cache.store(1, file_of("1"), cache.before_read(1));
    clock.advance(std::chrono::milliseconds(99));
    EXPECT_TRUE(cache.find(1));
    clock.advance(std::chrono::milliseconds(1));
    EXPECT_FALSE(cache.find(1));
    EXPECT_EQ(cache.size(), 0u);
}

TEST(household_file_cache, capacity_zero_keeps_nothing) {
    household_file_cache cache(0);
    EXPECT_FALSE(cache.enabled());
    cache.store(1, file_of("1"), cache.before_read(1));
    EXPECT_FALSE(cache.find(1));
    EXPECT_EQ(cache.size(), 0u);
}

}  // namespace
}  // namespace fupin::test
