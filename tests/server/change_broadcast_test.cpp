// One broadcast tells every cache each change (server/service/change_broadcast.hpp): a household file's write
// reaches the file cache and not the session cache, an account's write the other way round, and a lost outbox
// only the cache that follows it. Caches that are off are not told at all.
#include <gtest/gtest.h>

#include <chrono>

#include "server/service/caches.hpp"

namespace fupin::test {
namespace {

using namespace std::chrono_literals;
using common::record_key;
using server::service::caches;

server::service::household_file_cache::file file_of_version(std::int64_t version) {
    return {version, "529901100201", std::make_shared<const std::string>("{}")};
}

server::service::session_cache::entry session_of(const std::string& token_hash, std::int64_t user_id) {
    server::service::session_cache::entry e;
    e.session.token_hash = token_hash;
    e.session.user_id = user_id;
    e.user.id = user_id;
    return e;
}

server::server_config config_with(std::size_t files, std::chrono::milliseconds session_ttl) {
    server::server_config config;
    config.household_cache_files = files;
    config.session_cache_ttl = session_ttl;
    return config;
}

TEST(change_broadcast, each_change_reaches_the_cache_that_keeps_its_record) {
    const auto kept = caches::make(config_with(100, 60s));
    kept.files->store(1, file_of_version(1), kept.files->before_read(1));
    kept.sessions->store(session_of("t", 7), kept.sessions->before_read());

    kept.changes->changing(record_key::household(1));
    EXPECT_FALSE(kept.files->find(1));
    EXPECT_TRUE(kept.sessions->find("t"));
    kept.changes->changed(record_key::household(1));

    kept.files->store(1, file_of_version(2), kept.files->before_read(1));
    kept.changes->changing(record_key::account(7));
    kept.changes->changed(record_key::account(7));
    EXPECT_FALSE(kept.sessions->find("t"));
    EXPECT_TRUE(kept.files->find(1));

    // The outbox names household files; a lost outbox empties the cache that follows it.
    kept.sessions->store(session_of("t", 7), kept.sessions->before_read());
    EXPECT_TRUE(kept.changes->follows_outbox());
    kept.changes->seen_in_outbox(record_key::household(1), 3);
    EXPECT_FALSE(kept.files->find(1));
    kept.files->store(1, file_of_version(3), kept.files->before_read(1));
    kept.changes->outbox_lost();
    EXPECT_FALSE(kept.files->find(1));
    EXPECT_TRUE(kept.sessions->find("t"));
}

TEST(change_broadcast, holds_only_the_caches_that_are_on) {
    EXPECT_TRUE(caches::make(config_with(0, 0ms)).changes->empty());
    const auto sessions_only = caches::make(config_with(0, 1s));
    EXPECT_FALSE(sessions_only.changes->empty());
    EXPECT_FALSE(sessions_only.changes->follows_outbox()) << "no cache keeps what the outbox names";
    EXPECT_TRUE(caches::make(config_with(10, 0ms)).changes->follows_outbox());
}

}  // namespace
}  // namespace fupin::test
