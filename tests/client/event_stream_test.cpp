// event_stream against a scripted change feed in this process (feed_server.hpp): every event exactly once and
// in order across dropped connections, resumption with since=cursor after a close 1013 or a silent server, the
// fatal endings (401 at the upgrade, close 1008), stop() from another thread; and watch's printed line.
#include <gtest/gtest.h>

#include <unistd.h>

#include <atomic>
#include <csignal>
#include <chrono>
#include <filesystem>
#include <mutex>
#include <sstream>
#include <thread>
#include <vector>

#include "client/cli_app.hpp"
#include "client/event_printer.hpp"
#include "client/event_stream.hpp"
#include "client/exit_codes.hpp"
#include "client/session_store.hpp"
#include "feed_server.hpp"
#include "test_pki.hpp"

namespace fs = std::filesystem;
using namespace fupin::client;
using fupin::client::test::feed_plan;
using fupin::client::test::feed_server;
using fupin::client::test::feed_upgrade;
using fupin::client::test::test_pki;
using namespace std::chrono_literals;

namespace {

constexpr const char* token = "feed-test-token-0123456789abcdef";

std::vector<std::int64_t> range(std::int64_t first, std::int64_t last) {
    std::vector<std::int64_t> seqs;
    for (auto s = first; s <= last; ++s) seqs.push_back(s);
    return seqs;
}

class event_stream_test : public ::testing::Test {
protected:
    static fs::path suite_dir() {
        return fs::temp_directory_path() / ("fupin_event_stream_test_" + std::to_string(::getpid()));
    }
    static void SetUpTestSuite() { pki_ = new test_pki(suite_dir()); }
    static void TearDownTestSuite() {
        fs::remove_all(suite_dir());
        delete pki_;
    }
    void SetUp() override {
        ASSERT_TRUE(pki_->ok()) << "certs/make-certs failed: these tests need its certificates";
    }

    static connection_options options(const feed_server& server) {
        connection_options o;
        o.host = "127.0.0.1";
        o.port = server.port();
        o.tls = {pki_->ca(), pki_->certificate(), pki_->private_key()};
        o.timeout = 2000ms;
        return o;
    }

    // Short waits, so the tests take milliseconds rather than the production backoff.
    static feed_options quick() {
        feed_options f;
        f.first_backoff = 20ms;
        f.max_backoff = 200ms;
        f.idle_timeout = 5s;
        return f;
    }

    static inline test_pki* pki_ = nullptr;
};

// Runs the stream on this thread, collecting each event's seq, stopping it when `last` arrives; a watchdog
// stops it after 10 s so a broken client fails the test instead of hanging it.
struct collected {
    std::vector<std::int64_t> seqs;
    std::vector<feed_interruption> interruptions;
};

collected run_until(event_stream& stream, std::int64_t last) {
    collected c;
    stream.on_interruption([&](const feed_interruption& i) { c.interruptions.push_back(i); });
    std::atomic<bool> done{false};
    std::thread watchdog([&] {
        for (int i = 0; i < 1000 && !done; ++i) std::this_thread::sleep_for(10ms);
        stream.stop();
    });
    try {
        stream.run([&](const feed_event& e) {
            c.seqs.push_back(e.seq);
            if (e.seq == last) stream.stop();
        });
    } catch (...) {
        done = true;
        watchdog.join();
        throw;
    }
    done = true;
    watchdog.join();
    return c;
}

// Waits (up to 10 s) until `ready` holds; false when it never did.
template <class Ready>
bool wait_for(Ready ready) {
    for (int i = 0; i < 1000; ++i) {
        if (ready()) return true;
        std::this_thread::sleep_for(10ms);
    }
    return false;
}

TEST_F(event_stream_test, every_event_once_and_in_order_across_two_drops) {
    // Seqs 5 and 9 belong to areas this user may not see: the feed skips them, and its final position tells
    // the client it has passed them (and 13, 14) anyway.
    std::vector<std::int64_t> seqs = range(1, 12);
    std::erase(seqs, 5);
    std::erase(seqs, 9);
    feed_server server(pki_->server_context(), seqs, 14, [](int connection, const feed_upgrade&) {
        feed_plan plan;
        if (connection == 0) {
            plan.events = 4;  // 1 2 3 4, then the cable is pulled
            plan.end = feed_plan::ending::drop;
        } else if (connection == 1) {
            plan.events = 3;  // 6 7 8, then the server shuts down
            plan.end = feed_plan::ending::close;
            plan.close_code = 1001;
            plan.close_reason = "server_stopping";
        } else {
            plan.position = true;  // 10 11 12, position 14
        }
        return plan;
    });
    event_stream stream(options(server), token, 0, quick());
    std::vector<std::int64_t> seen;
    std::vector<feed_interruption> interruptions;
    stream.on_interruption([&](const feed_interruption& i) { interruptions.push_back(i); });
    std::thread runner([&] {
        stream.run([&](const feed_event& e) { seen.push_back(e.seq); });
    });
    const bool reached = wait_for([&] { return stream.cursor() == 14; });
    stream.stop();
    runner.join();

    EXPECT_TRUE(reached) << "cursor " << stream.cursor().value_or(-1);
    EXPECT_EQ(seen, (std::vector<std::int64_t>{1, 2, 3, 4, 6, 7, 8, 10, 11, 12}));
    const auto upgrades = server.upgrades();
    ASSERT_EQ(upgrades.size(), 3u);
    EXPECT_EQ(upgrades[0].target, "/api/v1/events?since=0");
    EXPECT_EQ(upgrades[1].target, "/api/v1/events?since=4");
    EXPECT_EQ(upgrades[2].target, "/api/v1/events?since=8");
    for (const auto& u : upgrades) EXPECT_EQ(u.authorization, std::string("Bearer ") + token);
    ASSERT_EQ(interruptions.size(), 2u);
    EXPECT_EQ(interruptions[0].cursor, 4);
    EXPECT_EQ(interruptions[1].cursor, 8);
    EXPECT_NE(interruptions[1].reason.find("1001"), std::string::npos) << interruptions[1].reason;
    EXPECT_EQ(stream.target(), "/api/v1/events?since=14");
}

TEST_F(event_stream_test, close_1013_reconnects_with_since_at_the_cursor) {
    feed_server server(pki_->server_context(), range(1, 8), 8, [](int connection, const feed_upgrade&) {
        feed_plan plan;
        if (connection == 0) {
            plan.events = 2;
            plan.end = feed_plan::ending::close;
            plan.close_code = 1013;
            plan.close_reason = "slow_consumer";
        }
        return plan;
    });
    event_stream stream(options(server), token, 5, quick());
    const auto c = run_until(stream, 8);

    EXPECT_EQ(c.seqs, (std::vector<std::int64_t>{6, 7, 8}));
    const auto upgrades = server.upgrades();
    ASSERT_EQ(upgrades.size(), 2u);
    EXPECT_EQ(upgrades[0].since, 5);
    EXPECT_EQ(upgrades[1].since, 7);
    ASSERT_EQ(c.interruptions.size(), 1u);
    EXPECT_NE(c.interruptions[0].reason.find("1013 slow_consumer"), std::string::npos) << c.interruptions[0].reason;
    EXPECT_EQ(c.interruptions[0].delay, 20ms);  // a subscription that was up starts the backoff afresh
}

TEST_F(event_stream_test, a_silent_server_is_given_up_and_the_stream_resumes) {
    feed_server server(pki_->server_context(), range(1, 5), 5, [](int connection, const feed_upgrade&) {
        feed_plan plan;
        if (connection == 0) {
            plan.events = 2;
            plan.end = feed_plan::ending::silent;
        }
        return plan;
    });
    auto feed = quick();
    feed.idle_timeout = 400ms;
    event_stream stream(options(server), token, 0, feed);
    const auto started = std::chrono::steady_clock::now();
    const auto c = run_until(stream, 5);

    EXPECT_EQ(c.seqs, (std::vector<std::int64_t>{1, 2, 3, 4, 5}));
    const auto upgrades = server.upgrades();
    ASSERT_EQ(upgrades.size(), 2u);
    EXPECT_EQ(upgrades[1].since, 2);
    EXPECT_LT(std::chrono::steady_clock::now() - started, 5s);
}

TEST_F(event_stream_test, from_now_on_resumes_from_the_hello_after_a_drop) {
    // No since: the server starts at its head (3); a drop before any event must not lose 4 and 5.
    feed_server server(pki_->server_context(), range(1, 5), 3, [](int connection, const feed_upgrade&) {
        feed_plan plan;
        if (connection == 0) {
            plan.events = 0;
            plan.end = feed_plan::ending::drop;
        }
        return plan;
    });
    event_stream stream(options(server), token, std::nullopt, quick());
    EXPECT_EQ(stream.target(), "/api/v1/events");
    const auto c = run_until(stream, 5);
    EXPECT_EQ(c.seqs, (std::vector<std::int64_t>{4, 5}));
    const auto upgrades = server.upgrades();
    ASSERT_EQ(upgrades.size(), 2u);
    EXPECT_EQ(upgrades[0].target, "/api/v1/events");
    EXPECT_EQ(upgrades[1].since, 3);
}

TEST_F(event_stream_test, unauthorized_upgrade_ends_with_the_not_logged_in_error) {
    feed_server server(pki_->server_context(), range(1, 3), 3, [](int, const feed_upgrade&) {
        feed_plan plan;
        plan.refuse_status = 401;
        plan.refuse_body = R"({"error":{"code":"session_expired","message":"登录已过期，请重新登录"}})";
        return plan;
    });
    event_stream stream(options(server), token, 0, quick());
    try {
        run_until(stream, 3);
        FAIL() << "run() returned without an error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::http);
        EXPECT_EQ(e.status(), 401);
        EXPECT_EQ(e.code(), "session_expired");
        EXPECT_EQ(exit_code_for(e), exit_not_logged_in);
    }
    EXPECT_EQ(server.upgrades().size(), 1u) << "a 401 must not be retried";
}

TEST_F(event_stream_test, close_1008_ends_the_stream_as_an_ended_session) {
    feed_server server(pki_->server_context(), range(1, 3), 3, [](int, const feed_upgrade&) {
        feed_plan plan;
        plan.end = feed_plan::ending::close;
        plan.close_code = 1008;
        plan.close_reason = "session_ended";
        return plan;
    });
    event_stream stream(options(server), token, 0, quick());
    try {
        run_until(stream, -1);  // no last event: only the close (or the watchdog) ends it
        FAIL() << "run() returned without an error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 401);
        EXPECT_EQ(e.code(), "session_ended");
        EXPECT_EQ(exit_code_for(e), exit_not_logged_in);
    }
    EXPECT_EQ(stream.cursor(), 3);
    EXPECT_EQ(server.upgrades().size(), 1u) << "an ended session must not be retried";
}

TEST_F(event_stream_test, stop_from_another_thread_returns_promptly) {
    feed_server server(pki_->server_context(), range(1, 3), 3, [](int, const feed_upgrade&) { return feed_plan{}; });
    event_stream stream(options(server), token, std::nullopt, quick());
    std::atomic<bool> returned{false};
    std::thread runner([&] {
        stream.run([](const feed_event&) {});
        returned = true;
    });
    // Subscribed (the hello has set the cursor) and waiting for events that do not come.
    ASSERT_TRUE(wait_for([&] { return stream.cursor().has_value(); }));
    std::this_thread::sleep_for(100ms);
    EXPECT_FALSE(returned);
    const auto asked = std::chrono::steady_clock::now();
    stream.stop();
    const bool ended = wait_for([&] { return returned.load(); });
    const auto took = std::chrono::steady_clock::now() - asked;
    if (!ended) std::abort();  // runner cannot be joined: a hang here is the failure
    runner.join();
    EXPECT_LT(took, 1s);
    EXPECT_EQ(stream.cursor(), 3);
}

TEST_F(event_stream_test, stop_during_the_backoff_returns_promptly) {
    feed_server server(pki_->server_context(), range(1, 3), 3, [](int, const feed_upgrade&) {
        feed_plan plan;
        plan.end = feed_plan::ending::drop;
        return plan;
    });
    auto feed = quick();
    feed.first_backoff = 30s;
    event_stream stream(options(server), token, 0, feed);
    std::atomic<int> interruptions{0};
    stream.on_interruption([&](const feed_interruption&) { ++interruptions; });
    std::atomic<bool> returned{false};
    std::thread runner([&] {
        stream.run([](const feed_event&) {});
        returned = true;
    });
    ASSERT_TRUE(wait_for([&] { return interruptions > 0; })) << "the drop was not noticed";
    const auto asked = std::chrono::steady_clock::now();
    stream.stop();
    const bool ended = wait_for([&] { return returned.load(); });
    if (!ended) std::abort();
    runner.join();
    EXPECT_LT(std::chrono::steady_clock::now() - asked, 1s);
    EXPECT_EQ(server.upgrades().size(), 1u);
}

TEST_F(event_stream_test, a_first_connection_that_fails_is_reported_not_retried) {
    std::string port;
    {
        // A port that was just free: nothing listens there.
        feed_server closed(pki_->server_context(), {}, 0, [](int, const feed_upgrade&) { return feed_plan{}; });
        port = closed.port();
    }
    connection_options o;
    o.host = "127.0.0.1";
    o.port = port;
    o.tls = {pki_->ca(), pki_->certificate(), pki_->private_key()};
    o.timeout = 2000ms;
    event_stream stream(o, token, 0, quick());
    try {
        stream.run([](const feed_event&) {});
        FAIL() << "run() returned without an error";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::unreachable);
        EXPECT_EQ(exit_code_for(e), exit_unreachable);
    }
}

TEST(event_printer_test, chinese_line_of_a_county_approval) {
    const auto e = feed_event_from_json(feed_server::event(12), feed_server::event(12).dump());
    EXPECT_EQ(event_printer(fupin::common::language::zh).line(e),
              "2026-06-20 10:00:00  #12  县级审批  岩脚村(529901101201)  案件 7  2026年度  王大山  "
              "乡镇长已签字盖章 → 县扶贫办已审批  经办 county_approver\n");
}

TEST(event_printer_test, english_line_and_no_name_for_a_public_event) {
    auto json = feed_server::event(13);
    json["kind"] = "application.register";
    json["visibility"] = "public";
    json["summary"] = {{"application_id", 7},          {"year", 2026},
                       {"action", "register"},         {"state", "registered"},
                       {"township_code", "529901101"}, {"township_name", "石门镇"},
                       {"village_code", "529901101201"}, {"village_name", "岩脚村"}};
    const auto e = feed_event_from_json(json, json.dump());
    EXPECT_EQ(event_printer(fupin::common::language::en).line(e),
              "2026-06-20 10:00:00  #13  registration  石门镇 岩脚村(529901101201)  case 7  year 2026  registered\n");
}

TEST(event_printer_test, a_village_s_households_flagged_by_a_department_s_list) {
    auto json = feed_server::event(14);
    json["kind"] = "households.flagged";
    json["summary"] = {{"list_id", 3}, {"kind", "vehicle"}, {"household_ids", {12, 15}}};
    const auto e = feed_event_from_json(json, json.dump());
    const auto line = event_printer(fupin::common::language::zh).line(e);
    EXPECT_NE(line.find("部门比对疑点"), std::string::npos) << line;
    EXPECT_NE(line.find("机动车  户 12, 15"), std::string::npos) << line;
}

TEST(event_printer_test, kind_labels_and_china_time) {
    const event_printer zh(fupin::common::language::zh);
    EXPECT_EQ(zh.kind_label("household.created"), "新建户档案");
    EXPECT_EQ(zh.kind_label("household.updated"), "修改户档案");
    EXPECT_EQ(zh.kind_label("application.approve"), "县级审批");
    EXPECT_EQ(zh.kind_label("posting.published"), "发布公示");
    EXPECT_EQ(zh.kind_label("quota.set"), "下达名额");
    EXPECT_EQ(zh.kind_label("poverty_line.set"), "设定扶贫标准");
    EXPECT_EQ(zh.kind_label("something.new"), "something.new");
    // 16:30 UTC is half past midnight of the next day in China.
    EXPECT_EQ(event_printer::china_time("2026-12-31T16:30:05.123Z"), "2027-01-01 00:30:05");
    EXPECT_EQ(event_printer::china_time("yesterday"), "yesterday");
}

TEST(event_printer_test, poverty_line_and_posting_lines) {
    const event_printer zh(fupin::common::language::zh);
    feed_event line;
    line.seq = 3;
    line.kind = "poverty_line.set";
    line.at = "2026-01-05T01:00:00.000Z";
    line.visibility = "public";
    line.summary = {{"year", 2026}, {"amount", 2300}};
    EXPECT_EQ(zh.line(line), "2026-01-05 09:00:00  #3  设定扶贫标准  全县  2026年度  2,300.00 元\n");

    feed_event posting;
    posting.seq = 4;
    posting.kind = "posting.published";
    posting.township_code = "529901101";
    posting.village_code = "529901101201";
    posting.at = "2026-06-01T00:00:00.000Z";
    posting.visibility = "public";
    posting.summary = {{"posting_id", 2},      {"level", "village"}, {"area_code", "529901101201"},
                       {"area_name", "岩脚村"}, {"year", 2026},      {"last_day", "2026-06-07"},
                       {"households", 5}};
    EXPECT_EQ(zh.line(posting),
              "2026-06-01 08:00:00  #4  发布公示  岩脚村(529901101201)  第一榜(村级公示)  2026年度  5户  公示至 2026-06-07\n");
}

TEST(event_stream_messages, an_event_without_a_seq_is_a_protocol_error) {
    auto json = feed_server::event(1);
    json.erase("seq");
    try {
        feed_event_from_json(json, json.dump());
        FAIL() << "accepted";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::protocol);
    }
}

// The whole command: Chinese lines on stdout, the reconnection notice on stderr, and when the server ends the
// session, exit 9 with the cached login deleted (like any command's 401).
TEST_F(event_stream_test, watch_prints_chinese_lines_and_exits_9_when_the_session_ends) {
    feed_server server(pki_->server_context(), range(1, 3), 3, [](int connection, const feed_upgrade&) {
        feed_plan plan;
        plan.events = connection == 0 ? 1 : -1;
        plan.end = connection == 0 ? feed_plan::ending::drop : feed_plan::ending::close;
        plan.close_code = 1008;
        plan.close_reason = "session_ended";
        return plan;
    });
    const auto dir = suite_dir() / "watch_session";
    fs::create_directories(dir);
    const std::string address = "127.0.0.1:" + server.port();
    const auto cache = dir / "session.json";
    session_store(cache).save(cached_session{address, token, "shimen_clerk", "2099-01-01T00:00:00.000Z"});
    const std::string ca = pki_->ca(), cert = pki_->certificate(), key = pki_->private_key(), file = cache.string();
    const char* argv[] = {"township-client", "--server",  address.c_str(),   "--ca",  ca.c_str(), "--cert",
                          cert.c_str(),      "--key",     key.c_str(),       "--session-file", file.c_str(),
                          "watch",           "--since",   "0"};
    std::istringstream in;
    std::ostringstream out, err;
    const int code = run_township_client(static_cast<int>(std::size(argv)), argv, in, out, err);

    EXPECT_EQ(code, exit_not_logged_in) << err.str();
    EXPECT_FALSE(fs::exists(cache)) << "the ended session's cache must go";
    const std::string expected_line =
        "  县级审批  岩脚村(529901101201)  案件 7  2026年度  王大山  乡镇长已签字盖章 → 县扶贫办已审批  经办 county_approver\n";
    EXPECT_EQ(out.str(), "2026-06-20 10:00:00  #1" + expected_line + "2026-06-20 10:00:00  #2" + expected_line +
                             "2026-06-20 10:00:00  #3" + expected_line);
    EXPECT_NE(err.str().find("连接中断，正在重连…"), std::string::npos) << err.str();
    EXPECT_NE(err.str().find("township-client login"), std::string::npos) << err.str();
    EXPECT_EQ(err.str().find(token), std::string::npos) << "the token must never be printed";
    const auto upgrades = server.upgrades();
    ASSERT_EQ(upgrades.size(), 2u);
    EXPECT_EQ(upgrades[1].since, 1);
}

// Ctrl-C: the SIGINT reaches watch's own handler (not the default, which would kill this test), and the command
// ends with exit 0 after printing what had arrived.
TEST_F(event_stream_test, watch_ends_with_exit_0_on_ctrl_c) {
    feed_server server(pki_->server_context(), range(1, 2), 2, [](int, const feed_upgrade&) { return feed_plan{}; });
    const auto dir = suite_dir() / "watch_sigint";
    fs::create_directories(dir);
    const std::string address = "127.0.0.1:" + server.port();
    const auto cache = dir / "session.json";
    session_store(cache).save(cached_session{address, token, "shimen_clerk", "2099-01-01T00:00:00.000Z"});
    const std::string ca = pki_->ca(), cert = pki_->certificate(), key = pki_->private_key(), file = cache.string();
    const char* argv[] = {"township-client", "--server", address.c_str(), "--ca",           ca.c_str(),
                          "--cert",          cert.c_str(), "--key",       key.c_str(),      "--session-file",
                          file.c_str(),      "--json",     "watch",       "--since",        "0"};
    std::istringstream in;
    std::ostringstream out, err;
    std::atomic<int> code{-1};
    std::thread runner([&] { code = run_township_client(static_cast<int>(std::size(argv)), argv, in, out, err); });
    // The handler is in place before the subscription is asked for.
    if (!wait_for([&] { return !server.upgrades().empty(); })) std::abort();
    std::this_thread::sleep_for(200ms);
    ::kill(::getpid(), SIGINT);
    if (!wait_for([&] { return code != -1; })) std::abort();
    runner.join();
    EXPECT_EQ(code, exit_ok) << err.str();
    EXPECT_EQ(out.str(), feed_server::event(1).dump() + "\n" + feed_server::event(2).dump() + "\n");
    EXPECT_TRUE(fs::exists(cache));
}

TEST_F(event_stream_test, watch_without_a_login_exits_9) {
    const auto dir = suite_dir() / "watch_cli";
    fs::create_directories(dir);
    const std::string cache = (dir / "no-session.json").string();
    const std::string ca = pki_->ca(), cert = pki_->certificate(), key = pki_->private_key();
    const char* argv[] = {"township-client", "--server", "127.0.0.1:1",    "--ca",        ca.c_str(),
                          "--cert",          cert.c_str(), "--key",        key.c_str(), "--session-file",
                          cache.c_str(),     "watch",      "--since",      "0"};
    std::istringstream in;
    std::ostringstream out, err;
    const int code = run_township_client(static_cast<int>(std::size(argv)), argv, in, out, err);
    EXPECT_EQ(code, exit_not_logged_in) << err.str();
    EXPECT_NE(err.str().find("township-client login"), std::string::npos) << err.str();
}

}  // namespace
