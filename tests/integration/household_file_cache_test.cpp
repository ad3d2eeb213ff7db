// The household file cache on its own (server/service/household_file_cache.hpp): what it keeps and drops, and
// that a read racing with a change cannot put the old file back.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "server/service/household_file_cache.hpp"

namespace fupin::test {
namespace {

using server::service::household_file_cache;

household_file_cache::file file_of(const std::string& json, const std::string& village = "529901100201") {
    return {village, std::make_shared<const std::string>(json)};
}

std::string json_of(household_file_cache& cache, std::int64_t id) {
    auto found = cache.find(id);
    return found ? *found->json : "";
}

TEST(household_file_cache, keeps_what_was_stored_with_its_village) {
    household_file_cache cache(10);
    cache.store(7, file_of("{\"id\":7}", "529901101201"), cache.before_read(7));
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
    cache.store(7, file_of("version 2"), cache.before_read(7));
    EXPECT_EQ(json_of(cache, 7), "version 2");
}

TEST(household_file_cache, a_change_of_another_file_rarely_spoils_a_read) {
    household_file_cache cache(10);
    const auto ticket = cache.before_read(7);
    cache.forget(8);  // another stripe of ids
    cache.store(7, file_of("kept"), ticket);
    EXPECT_EQ(json_of(cache, 7), "kept");
}

TEST(household_file_cache, changed_records_forget_their_file_or_everything) {
    household_file_cache cache(10);
    for (std::int64_t id : {1, 2, 12})
        cache.store(id, file_of("file " + std::to_string(id)), cache.before_read(id));
    cache.changed("household/12");
    EXPECT_FALSE(cache.find(12));
    EXPECT_TRUE(cache.find(1));
    cache.changed("application/1");  // a case's own record: not a file
    cache.changed("posting/2");
    EXPECT_TRUE(cache.find(1));
    EXPECT_TRUE(cache.find(2));

    const auto ticket = cache.before_read(1);
    cache.changed("areas");  // every file shows its areas' names
    EXPECT_EQ(cache.size(), 0u);
    cache.store(1, file_of("old names"), ticket);
    EXPECT_FALSE(cache.find(1));

    cache.store(2, file_of("file 2"), cache.before_read(2));
    cache.changed("household/2x");  // not a name it knows: it forgets too much rather than too little
    EXPECT_EQ(cache.size(), 0u);
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
    cache.store(3, file_of("3 again"), cache.before_read(3));
    EXPECT_EQ(cache.size(), 2u);
    EXPECT_EQ(json_of(cache, 3), "3 again");
}

TEST(household_file_cache, a_file_is_kept_for_its_maximum_age_at_most) {
    household_file_cache cache(10, std::chrono::milliseconds(100));
    cache.store(1, file_of("1"), cache.before_read(1));
    EXPECT_TRUE(cache.find(1));
    std::this_thread::sleep_for(std::chrono::milliseconds(150));
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
