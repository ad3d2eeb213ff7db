// The session cache on its own (server/service/session_cache.hpp): what it keeps, for how long, that a write to
// an account forgets that user's sessions, and that a look-up racing with a logout cannot put the ended session
// back.
#include <gtest/gtest.h>

#include <chrono>

#include "server/service/session_cache.hpp"
#include "tests/server/manual_clock.hpp"

namespace fupin::test {
namespace {

using namespace std::chrono_literals;
using common::record_key;
using server::service::session_cache;

session_cache::entry session_of(const std::string& token_hash, std::int64_t user_id) {
    session_cache::entry e;
    e.session.token_hash = token_hash;
    e.session.user_id = user_id;
    e.session.last_seen_ms = 1000;
    e.user.id = user_id;
    e.user.username = "user" + std::to_string(user_id);
    e.user.password_hash = "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA";
    return e;
}

TEST(session_cache, keeps_a_look_up_until_its_time_is_up) {
    fupin::test::manual_clock clock;
    session_cache cache(200ms, 100, clock.function());
    cache.store(session_of("a", 1), cache.before_read());
    ASSERT_TRUE(cache.find("a"));
    EXPECT_EQ(cache.find("a")->user.username, "user1");
    EXPECT_EQ(cache.find("a")->user.password_hash, "");  // not kept
    EXPECT_FALSE(cache.find("b"));
    clock.advance(199ms);
    EXPECT_TRUE(cache.find("a"));
    clock.advance(1ms);
    EXPECT_FALSE(cache.find("a"));
}

TEST(session_cache, a_write_to_an_account_forgets_every_session_of_that_user_only) {
    session_cache cache(60s);
    cache.store(session_of("a", 1), cache.before_read());
    cache.store(session_of("b", 1), cache.before_read());
    cache.store(session_of("c", 2), cache.before_read());
    cache.changing(record_key::account(1));
    EXPECT_FALSE(cache.find("a"));
    EXPECT_FALSE(cache.find("b"));
    EXPECT_TRUE(cache.find("c"));
    cache.changed(record_key::account(1));
    // Other records are not the cache's.
    cache.changing(record_key::household(2));
    cache.changed(record_key::household(2));
    EXPECT_TRUE(cache.find("c"));
}

TEST(session_cache, a_look_up_that_raced_with_a_logout_is_not_stored) {
    session_cache cache(60s);
    const auto before = cache.before_read();         // a request starts its database look-up…
    cache.changing(record_key::account(1));         // …a logout of the same user begins…
    cache.store(session_of("a", 1), before);         // …the look-up, which may have seen the session, comes back…
    EXPECT_FALSE(cache.find("a"));
    const auto during = cache.before_read();         // …another starts while the logout is open…
    cache.store(session_of("a", 1), during);         // …and stores what it read before the commit…
    cache.changed(record_key::account(1));          // …which the end of the logout takes away again.
    EXPECT_FALSE(cache.find("a"));
    cache.store(session_of("a", 1), during);         // nor can it come back later
    EXPECT_FALSE(cache.find("a"));
    cache.store(session_of("a", 1), cache.before_read());
    EXPECT_TRUE(cache.find("a"));
}

TEST(session_cache, a_touch_keeps_last_seen_in_step) {
    session_cache cache(60s);
    cache.store(session_of("a", 1), cache.before_read());
    cache.touched("a", 5000);
    EXPECT_EQ(cache.find("a")->session.last_seen_ms, 5000);
}

TEST(session_cache, a_full_cache_makes_room_and_a_zero_lifetime_keeps_nothing) {
    session_cache small(60s, 2);
    small.store(session_of("a", 1), small.before_read());
    small.store(session_of("b", 2), small.before_read());
    small.store(session_of("c", 3), small.before_read());  // nothing aged out: starts over with c
    EXPECT_TRUE(small.find("c"));
    EXPECT_FALSE(small.find("a") && small.find("b"));

    session_cache off(0ms);
    EXPECT_FALSE(off.enabled());
    off.store(session_of("a", 1), off.before_read());
    EXPECT_FALSE(off.find("a"));
}

}  // namespace
}  // namespace fupin::test
