// The pieces that keep the server within its means, on their own: the open-file limit raised at start, the
// connection cap kept below it, and the count of TLS handshakes in progress (per peer address and in all).
// tests/integration/handshake_limits_test.cpp shows them at work in a running server.
#include <sys/resource.h>

#include <gtest/gtest.h>

#include "server/net/handshake_limiter.hpp"
#include "server/open_file_limit.hpp"

namespace fupin::test {
namespace {

TEST(open_file_limit, the_soft_limit_is_raised_to_the_hard_one) {
    rlimit before{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &before), 0);
    if (before.rlim_max <= 1024) GTEST_SKIP() << "the hard limit is already as low as Debian's soft default";
    rlimit lowered = before;
    lowered.rlim_cur = 1024;  // what Debian gives a process
    ASSERT_EQ(::setrlimit(RLIMIT_NOFILE, &lowered), 0);
    const auto raised = server::raise_open_file_limit();
    rlimit after{};
    ASSERT_EQ(::getrlimit(RLIMIT_NOFILE, &after), 0);
    EXPECT_EQ(after.rlim_cur, before.rlim_max);
    EXPECT_EQ(raised, static_cast<std::size_t>(before.rlim_max));
    ::setrlimit(RLIMIT_NOFILE, &before);
}

TEST(handshake_limiter, counts_per_address_and_in_all_and_gives_places_back) {
    server::net::handshake_limiter limiter(3, 2);
    auto a1 = limiter.try_enter("a");
    auto a2 = limiter.try_enter("a");
    EXPECT_TRUE(a1 && a2);
    EXPECT_FALSE(limiter.try_enter("a"));
    auto b1 = limiter.try_enter("b");
    EXPECT_TRUE(b1);
    EXPECT_FALSE(limiter.try_enter("c"));  // three in all
    a1.reset();
    EXPECT_EQ(limiter.in_progress(), 2u);
    EXPECT_TRUE(limiter.try_enter("c"));   // entered and given back at once
    EXPECT_TRUE(limiter.try_enter("a"));
    EXPECT_EQ(limiter.in_progress(), 2u);
}

TEST(connection_cap, stays_below_the_open_file_limit) {
    EXPECT_EQ(server::connection_cap(10'000, 1'024, 104), 920u);
    EXPECT_EQ(server::connection_cap(500, 65'536, 104), 500u);
    EXPECT_EQ(server::connection_cap(500, 50, 104), 1u);
}

}  // namespace
}  // namespace fupin::test
