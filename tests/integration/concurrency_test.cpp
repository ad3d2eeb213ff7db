// Races a county office sees every day: two clerks saving one file at once, a client retrying a create while
// the first attempt is still running. Each round is real concurrent requests on separate connections.
#include <atomic>
#include <thread>

#include "test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;

class concurrency : public archive_test {};

TEST_P(concurrency, two_concurrent_updates_of_one_household_give_exactly_one_conflict) {
    auto setup = client_for(township_a);
    auto file = setup.create_household(test_data::sample_household({.group = group_a, .seed = 40}), "");
    auto a = client_for(township_a);
    auto b = client_for(township_a);
    a.health();  // connections open before the race starts
    b.health();

    for (int round = 0; round < 10; ++round) {
        auto base = setup.get_household(file.id);
        std::atomic<int> ok{0}, conflicts{0}, other{0};
        std::atomic<bool> go{false};
        auto save = [&](client::api_client& client, const std::string& phone) {
            auto mine = base;
            mine.phone = phone;
            while (!go) std::this_thread::yield();
            try {
                client.update_household(mine);
                ++ok;
            } catch (const client_error& e) {
                (e.status() == 409 && e.code() == "version_conflict" ? conflicts : other)++;
            }
        };
        std::thread first(save, std::ref(a), "13911111111");
        std::thread second(save, std::ref(b), "13922222222");
        go = true;
        first.join();
        second.join();
        EXPECT_EQ(ok, 1) << "round " << round;
        EXPECT_EQ(conflicts, 1) << "round " << round;
        EXPECT_EQ(other, 0) << "round " << round;
        EXPECT_EQ(setup.get_household(file.id).version, base.version + 1);
    }
}

TEST_P(concurrency, concurrent_retries_with_one_idempotency_key_make_one_household) {
    const auto input = test_data::sample_household({.group = group_a, .seed = 41});
    constexpr int clients = 6;
    std::vector<client::api_client> connections;
    for (int i = 0; i < clients; ++i) {
        connections.push_back(client_for(township_a));
        connections.back().health();
    }
    std::atomic<bool> go{false};
    std::vector<std::int64_t> ids(clients, 0);
    std::vector<std::string> failures(clients);
    std::vector<std::thread> threads;
    for (int i = 0; i < clients; ++i)
        threads.emplace_back([&, i] {
            while (!go) std::this_thread::yield();
            try {
                ids[i] = connections[i].create_household(input, "same-key-41").id;
            } catch (const client_error& e) {
                failures[i] = std::string(e.what()) + " " + e.code();
            }
        });
    go = true;
    for (auto& t : threads) t.join();
    for (int i = 0; i < clients; ++i) {
        EXPECT_TRUE(failures[i].empty()) << failures[i];
        EXPECT_EQ(ids[i], ids[0]);
    }
    EXPECT_EQ(count_rows("households"), 1);
    EXPECT_EQ(count_rows("idempotency_keys"), 1);
}

INSTANTIATE_TEST_SUITE_P(backends, concurrency, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
