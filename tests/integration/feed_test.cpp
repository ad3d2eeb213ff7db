// The change feed over real TLS and WebSocket on both databases (docs/protocol.md, "The change feed"): events
// in commit order for creates, updates and procedure steps; resuming after a dropped connection and after a
// server restart without loss or repetition; what a village clerk may see; two servers on one MariaDB; a
// subscriber that does not read is cut off while the others carry on; the per-user limit; a session that ends.
#include <gtest/gtest.h>

#include <mutex>
#include <thread>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "client/event_stream.hpp"
#include "common/household_json.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/transaction.hpp"
#include "tests/integration/feed_reader.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;
using client::http_method;
using nlohmann::json;
using namespace std::chrono_literals;

class change_feed : public archive_test {
protected:
    void configure(server::server_config& config) override {
        config.feed_max_lag = 500;
        config.feed_stall_timeout = std::chrono::milliseconds(1000);
        config.feed_session_check = std::chrono::seconds(1);
    }

    // A subscriber logged in as `username`, with the certificate of the user's office.
    std::unique_ptr<feed_reader> subscribe(const std::string& username, std::optional<std::int64_t> since,
                                           bool reading = true) {
        auto c = client_as(username);
        tokens_.push_back(c.token());
        std::string area;
        for (const auto& u : test_users())
            if (u.username == username) area = u.area.size() == 6 ? county_code : u.area.substr(0, 9);
        return std::make_unique<feed_reader>(options_for(area), c.token(), since, reading);
    }

    std::int64_t create(const std::string& username, int seed) {
        std::string township = township_a, village = village_a, group = group_a;
        if (username == "clerk_b") township = township_b, village = village_b, group = group_b;
        auto h = test_data::sample_household({.group = group, .seed = seed});
        return client_as(username).request_json(http_method::post, "/api/v1/households", common::to_json(h).dump())["id"];
    }

    // Reads events until `count` arrived (or 10 s passed); their seqs must run on without a gap or repeat.
    static std::vector<json> take(feed_reader& reader, std::size_t count) {
        std::vector<json> out;
        while (out.size() < count) {
            auto e = reader.next_event(10s);
            if (!e) break;
            out.push_back(std::move(*e));
        }
        return out;
    }

    std::vector<std::string> tokens_;
};

TEST_P(change_feed, events_arrive_in_commit_order_for_creates_updates_and_procedure_steps) {
    auto feed = subscribe("approver", 0);
    const auto hello = feed->next();
    ASSERT_TRUE(hello);
    EXPECT_EQ((*hello)["type"], "hello");

    auto admin = client_as("admin");
    admin.request_json(http_method::put, "/api/v1/poverty-lines/2026", json{{"amount", 2300}}.dump());
    auto clerk = client_as("clerk_a");
    const auto id = create("clerk_a", 1);
    auto file = clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(id));
    file["phone"] = "13800000000";
    clerk.request_json(http_method::put, "/api/v1/households/" + std::to_string(id), file.dump());
    const auto app = clerk.request_json(http_method::post, "/api/v1/applications",
                                        json{{"household_id", id}, {"year", 2026}}.dump())["id"].get<std::int64_t>();
    clerk.request_json(http_method::post, "/api/v1/applications/" + std::to_string(app) + "/steps",
                       json{{"action", "group_appraise"}}.dump());

    const auto events = take(*feed, 5);
    ASSERT_EQ(events.size(), 5u);
    std::vector<std::string> kinds;
    for (std::size_t i = 0; i < events.size(); ++i) {
        EXPECT_EQ(events[i]["seq"], static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(events[i]["visibility"], "full");
        kinds.push_back(events[i]["kind"]);
    }
    EXPECT_EQ(kinds, (std::vector<std::string>{"poverty_line.set", "household.created", "household.updated",
                                               "application.apply", "application.group_appraise"}));
    EXPECT_EQ(events[1]["record"], "household/" + std::to_string(id));
    EXPECT_EQ(events[1]["village_code"], village_a);
    // Nothing more than what happened.
    EXPECT_FALSE(feed->next_event(300ms));
}

TEST_P(change_feed, a_subscriber_resumes_after_a_drop_and_after_a_restart_without_loss_or_repetition) {
    std::int64_t last = 0;
    {
        auto feed = subscribe("approver", 0);
        create("clerk_a", 1);
        create("clerk_a", 2);
        const auto first = take(*feed, 2);
        ASSERT_EQ(first.size(), 2u);
        last = first.back()["seq"];
    }  // dropped
    create("clerk_a", 3);
    create("clerk_a", 4);
    {
        auto feed = subscribe("approver", last);
        const auto again = take(*feed, 2);
        ASSERT_EQ(again.size(), 2u);
        EXPECT_EQ(again[0]["seq"], last + 1);
        EXPECT_EQ(again[1]["seq"], last + 2);
        EXPECT_FALSE(feed->next_event(300ms));
        last = again.back()["seq"];
    }
    // A restart: nothing of the feed lives only in the old process. Its subscribers are told it is stopping.
    auto open = subscribe("supervisor", std::nullopt);
    ASSERT_TRUE(open->next());  // hello
    server_.reset();
    ASSERT_TRUE(open->wait_closed(5s));
    EXPECT_EQ(open->close_code(), 1001);
    EXPECT_EQ(open->close_reason(), "server_stopping");
    server_ = std::make_unique<server::county_server>(server_config_with(certificates()));
    server_->start();
    create("clerk_a", 5);
    auto feed = subscribe("approver", last);
    const auto after_restart = take(*feed, 1);
    ASSERT_EQ(after_restart.size(), 1u);
    EXPECT_EQ(after_restart[0]["seq"], last + 1);
    EXPECT_EQ(after_restart[0]["kind"], "household.created");
    EXPECT_FALSE(feed->next_event(300ms));
}

// Many writers at once: commit order is seq order, so a subscriber reading as they commit sees 1, 2, 3, …
// without a gap that a later commit would fill (the outbox's head row is locked until each commit).
TEST_P(change_feed, concurrent_writers_leave_no_gap_a_live_subscriber_could_skip) {
    auto feed = subscribe("approver", 0);
    constexpr int writers = 8, each = 15;
    std::vector<client::api_client> clients;
    for (int w = 0; w < writers; ++w) clients.push_back(client_as(w % 2 ? "clerk_a" : "clerk_b"));
    std::vector<std::thread> threads;
    std::atomic<int> failures{0};
    for (int w = 0; w < writers; ++w)
        threads.emplace_back([&, w] {
            for (int i = 0; i < each; ++i) {
                const int seed = 100 + w * each + i;
                auto h = w % 2 ? test_data::sample_household({.group = group_a, .seed = seed})
                               : test_data::sample_household({.group = group_b, .seed = seed});
                try {
                    clients[w].request_json(http_method::post, "/api/v1/households", common::to_json(h).dump());
                } catch (const std::exception&) {
                    ++failures;
                }
            }
        });
    const auto events = take(*feed, writers * each);
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
    ASSERT_EQ(events.size(), static_cast<std::size_t>(writers * each));
    for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i]["seq"], static_cast<std::int64_t>(i + 1));
    EXPECT_FALSE(feed->next_event(300ms));
}

// The client library's subscription against the real server: it rides out a server restart on the same port by
// itself and hands over every event exactly once.
TEST_P(change_feed, the_client_s_event_stream_resumes_by_itself_across_a_server_restart) {
    auto approver = client_as("approver");
    client::event_stream stream(options_for(county_code), approver.token(), 0,
                                client::feed_options{std::chrono::milliseconds(100), std::chrono::milliseconds(500)});
    std::mutex mutex;
    std::vector<std::int64_t> seqs;
    std::thread runner([&] {
        stream.run([&](const client::feed_event& e) {
            std::lock_guard lock(mutex);
            seqs.push_back(e.seq);
        });
    });
    auto wait_for = [&](std::size_t n) {
        for (int i = 0; i < 200; ++i) {
            {
                std::lock_guard lock(mutex);
                if (seqs.size() >= n) return true;
            }
            std::this_thread::sleep_for(50ms);
        }
        return false;
    };
    create("clerk_a", 1);
    create("clerk_a", 2);
    EXPECT_TRUE(wait_for(2));

    const auto port = server_->port();
    server_.reset();
    auto config = server_config_with(certificates());
    config.listen_port = port;
    server_ = std::make_unique<server::county_server>(config);
    server_->start();
    create("clerk_a", 3);
    create("clerk_a", 4);
    EXPECT_TRUE(wait_for(4));
    stream.stop();
    runner.join();
    EXPECT_EQ(seqs, (std::vector<std::int64_t>{1, 2, 3, 4}));
}

TEST_P(change_feed, a_village_clerk_never_receives_another_village_s_personal_data) {
    auto other_village = subscribe("clerk_b", 0);
    auto other_township = subscribe("reviewer_b", 0);
    create("clerk_a", 7);
    client_as("admin").request_json(http_method::put, "/api/v1/poverty-lines/2026", json{{"amount", 2300}}.dump());
    create("clerk_b", 8);

    for (auto* feed : {other_village.get(), other_township.get()}) {
        // The line is public; village_b's own file is in full; village_a's file is not sent at all.
        const auto events = take(*feed, 2);
        ASSERT_EQ(events.size(), 2u);
        for (const auto& e : events) EXPECT_NE(e["village_code"], village_a) << e.dump();
        EXPECT_EQ(events[0]["kind"], "poverty_line.set");
        EXPECT_EQ(events[0]["visibility"], "public");
        EXPECT_EQ(events[1]["kind"], "household.created");
        EXPECT_EQ(events[1]["village_code"], village_b);
        EXPECT_EQ(events[1]["visibility"], "full");
        EXPECT_EQ(events[1]["seq"], 3);
    }
    // A subscriber told only of a position resumes past what it may not see.
    auto later = subscribe("clerk_b", 3);
    create("clerk_a", 9);
    std::optional<json> message;
    do message = later->next(5s);
    while (message && (*message)["type"] == "hello");
    ASSERT_TRUE(message);
    EXPECT_EQ((*message)["type"], "position");
    EXPECT_EQ((*message)["seq"], 4);
}

TEST_P(change_feed, a_change_through_one_server_reaches_a_subscriber_of_another_within_a_second) {
    if (GetParam() != "mysql") GTEST_SKIP() << "two server processes share a MariaDB database";
    auto second = std::make_unique<server::county_server>(server_config_with(certificates()));
    second->start();
    auto c = client_as("approver");
    client::connection_options options = options_for(county_code);
    options.port = std::to_string(second->port());
    client::api_client on_second(options);
    on_second.login("approver", test_password);
    feed_reader feed(options, on_second.token(), std::nullopt);
    ASSERT_TRUE(feed.next());  // hello
    const auto started = std::chrono::steady_clock::now();
    create("clerk_a", 11);  // through the first server
    const auto e = feed.next_event(1s);
    ASSERT_TRUE(e) << "no event within a second";
    EXPECT_EQ((*e)["kind"], "household.created");
    EXPECT_LT(std::chrono::steady_clock::now() - started, 1s);
    feed.close();
    second->stop();
}

TEST_P(change_feed, a_subscriber_that_does_not_read_is_cut_off_while_the_others_carry_on) {
    auto slow = subscribe("approver", std::nullopt, false);
    auto fast = subscribe("supervisor", std::nullopt);
    ASSERT_TRUE(fast->next());  // hello
    // 3,000 events of 4 KB each committed by "another server": far more than socket buffers and max_lag hold.
    constexpr int count = 3000;
    {
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        const std::string padding(4000, 'x');
        for (int seq = 1; seq <= count; ++seq)
            db->execute("INSERT INTO events (seq, at_ms, kind, record, township_code, village_code, public, summary, "
                        "public_summary) VALUES (?, 0, 'household.updated', 'household/1', ?, ?, 0, ?, '{}')",
                        {std::int64_t{seq}, township_a, village_a, json{{"padding", padding}}.dump()});
        db->execute("UPDATE event_head SET last_seq = ? WHERE id = 1", {std::int64_t{count}});
        tx.commit();
    }
    const auto all = take(*fast, count);
    ASSERT_EQ(all.size(), static_cast<std::size_t>(count));
    EXPECT_EQ(all.back()["seq"], count);

    // Long enough for the stalled subscriber to be judged (1 s) and its stuck write given up (2 s).
    std::this_thread::sleep_for(4s);
    slow->start_reading();
    int received = 0;
    while (auto m = slow->next(10s))
        if ((*m)["type"] == "event") ++received;
    EXPECT_TRUE(slow->wait_closed(10s));
    EXPECT_LT(received, count) << "the slow subscriber was never cut off";
    if (slow->close_code() != 0) {
        EXPECT_EQ(slow->close_reason(), "slow_consumer");
    }
}

TEST_P(change_feed, a_message_over_the_limit_ends_that_subscription_only) {
    auto talker = subscribe("approver", std::nullopt, false);
    auto listener = subscribe("supervisor", std::nullopt);
    ASSERT_TRUE(listener->next());  // hello
    // Subscribers have nothing to say but pings and close: 4 KiB is the most a message may hold.
    // Just over the limit, in one TLS record: sent whole before the server can answer, and read whole by it, so
    // the connection ends with the server's close frame and not with a reset.
    talker->send_text(std::string(5000, 'x'));
    talker->start_reading();
    EXPECT_TRUE(talker->wait_closed(10s));
    EXPECT_EQ(talker->close_code(), 1009) << "message too big";
    const auto id = create("clerk_a", 7);
    const auto event = listener->next_event();
    ASSERT_TRUE(event) << "the other subscription ended too";
    EXPECT_EQ((*event)["record"], "household/" + std::to_string(id));
}

TEST_P(change_feed, subscriptions_per_user_are_bounded_and_an_ended_session_ends_its_feed) {
    // What a refused upgrade answers, read as plain HTTP.
    auto upgrade_status = [](client::api_client& c) {
        return c.request(http_method::get, "/api/v1/events", std::nullopt,
                         {{"Connection", "Upgrade"}, {"Upgrade", "websocket"}, {"Sec-WebSocket-Version", "13"},
                          {"Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="}})
            .status;
    };
    std::vector<std::unique_ptr<feed_reader>> held;
    for (int i = 0; i < 4; ++i) held.push_back(subscribe("approver", std::nullopt));
    auto fifth = client_as("approver");
    EXPECT_EQ(upgrade_status(fifth), 429);
    held.clear();

    auto c = client_as("clerk_a");
    feed_reader feed(options_for(township_a), c.token(), std::nullopt);
    ASSERT_TRUE(feed.next());  // hello
    c.logout();
    ASSERT_TRUE(feed.wait_closed(5s));
    EXPECT_EQ(feed.close_code(), 1008);
    EXPECT_EQ(feed.close_reason(), "session_ended");

    // Without a session, or without the upgrade, there is no feed.
    EXPECT_EQ(upgrade_status(c), 401);
    try {
        client_as("clerk_a").request_json(http_method::get, "/api/v1/events");
        ADD_FAILURE() << "a plain GET of the feed";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 426);
    }
}

INSTANTIATE_TEST_SUITE_P(backends, change_feed, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
