// Logging in and out, expiry on the server's clock, slowing and locking repeated failures, the office
// certificate that must fit the account, revoked certificates, and what the audit trail keeps of it all.
#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <thread>

#include "common/household_json.hpp"
#include "server/cli/audit_commands.hpp"
#include "server/sql/database_url.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;
using client::http_method;
namespace fs = std::filesystem;

constexpr std::int64_t minute_ms = 60'000;

class sessions : public archive_test {
protected:
    client::api_client office(const std::string& area) { return client::api_client(options_for(area)); }

    // The answer's error code, or "" for a 2xx.
    static std::string code_of(const client::http_result& r) {
        if (r.status < 300) return "";
        return nlohmann::json::parse(r.body)["error"]["code"];
    }

    std::string try_login(client::api_client& c, const std::string& user, const std::string& password) {
        try {
            c.login(user, password);
            return "";
        } catch (const client_error& e) {
            return e.code();
        }
    }
};

TEST_P(sessions, login_whoami_logout) {
    auto c = office(township_a);
    EXPECT_EQ(code_of(c.request(http_method::get, "/api/v1/households")), "authentication_required");
    auto login = c.login("clerk_a", test_password);
    EXPECT_EQ(login["user"]["role"], "village_clerk");
    EXPECT_EQ(login["user"]["area_name"], "城关村");
    EXPECT_EQ(login["token"].get<std::string>().size(), 64u);
    EXPECT_EQ(c.whoami()["user"]["username"], "clerk_a");
    // What the role may do, so a client offers no more: a village's clerk edits files but pairs no helper.
    const auto permissions = c.whoami()["user"]["permissions"];
    EXPECT_EQ(login["user"]["permissions"], permissions);
    const auto holds = [&](const char* name) {
        return std::find(permissions.begin(), permissions.end(), name) != permissions.end();
    };
    EXPECT_TRUE(holds("read_households"));
    EXPECT_TRUE(holds("write_households"));
    EXPECT_FALSE(holds("pair_helpers"));
    EXPECT_FALSE(holds("manage_users"));
    c.logout();
    c.set_token(login["token"]);
    EXPECT_EQ(code_of(c.request(http_method::get, "/api/v1/sessions/current")), "session_expired");
}

TEST_P(sessions, a_wrong_password_or_unknown_user_is_one_answer) {
    auto c = office(township_a);
    EXPECT_EQ(try_login(c, "clerk_a", "wrong-password"), "invalid_credentials");
    EXPECT_EQ(try_login(c, "nobody", "wrong-password"), "invalid_credentials");
    EXPECT_TRUE(c.token().empty());
}

TEST_P(sessions, sessions_expire_when_idle_and_absolutely) {
    auto idle = client_as("clerk_a");
    *clock_offset_ms_ += 29 * minute_ms;
    EXPECT_EQ(idle.whoami()["user"]["username"], "clerk_a");  // 29 idle minutes: still there, and touched
    *clock_offset_ms_ += 29 * minute_ms;
    EXPECT_EQ(code_of(idle.request(http_method::get, "/api/v1/sessions/current")), "");
    *clock_offset_ms_ += 31 * minute_ms;
    EXPECT_EQ(code_of(idle.request(http_method::get, "/api/v1/sessions/current")), "session_expired");

    auto busy = client_as("clerk_a");
    for (int i = 0; i < 12 * 3 - 1; ++i) {  // a request every 20 minutes for just under 12 hours
        *clock_offset_ms_ += 20 * minute_ms;
        ASSERT_EQ(code_of(busy.request(http_method::get, "/api/v1/sessions/current")), "") << "after " << i;
    }
    *clock_offset_ms_ += 21 * minute_ms;
    EXPECT_EQ(code_of(busy.request(http_method::get, "/api/v1/sessions/current")), "session_expired");
}

TEST_P(sessions, repeated_failures_are_slowed_then_locked_then_released) {
    auto c = office(township_a);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(try_login(c, "clerk_a", "wrong-password"), "invalid_credentials");
    // Slowed: even the right password waits its turn.
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "login_locked");
    ASSERT_NE(c.last_result().header("Retry-After"), nullptr);
    for (int i = 0; i < 3; ++i) {
        *clock_offset_ms_ += minute_ms;
        EXPECT_EQ(try_login(c, "clerk_a", "wrong-password"), "invalid_credentials");
    }
    *clock_offset_ms_ += minute_ms;  // past the slow-down: now it is the lock that holds
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "login_locked");
    *clock_offset_ms_ += 15 * minute_ms;
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "");

    auto trail = client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=session.locked");
    EXPECT_EQ(trail["items"].size(), 2u) << trail.dump();  // the account, and the certificate
}

TEST_P(sessions, parallel_guesses_are_counted_before_any_is_judged) {
    constexpr int guessers = 8;
    std::vector<client::api_client> clients;
    for (int i = 0; i < guessers; ++i) {
        clients.push_back(office(township_a));
        clients.back().health();
    }
    std::atomic<bool> go{false};
    std::vector<std::string> answers(guessers);
    std::vector<std::thread> threads;
    for (int i = 0; i < guessers; ++i)
        threads.emplace_back([&, i] {
            while (!go) std::this_thread::yield();
            answers[i] = try_login(clients[i], "clerk_a", "wrong-password");
        });
    go = true;
    for (auto& t : threads) t.join();
    // Only the first three are judged at all; the rest wait for the slow-down, however many workers there are.
    EXPECT_EQ(std::count(answers.begin(), answers.end(), "invalid_credentials"), 3);
    EXPECT_EQ(std::count(answers.begin(), answers.end(), "login_locked"), guessers - 3);
}

TEST_P(sessions, guessing_many_usernames_from_one_certificate_locks_the_certificate) {
    auto c = office(township_a);
    for (int i = 0; i < 6; ++i) {
        *clock_offset_ms_ += minute_ms;
        EXPECT_EQ(try_login(c, "guess" + std::to_string(i), "wrong-password"), "invalid_credentials");
    }
    *clock_offset_ms_ += minute_ms;
    EXPECT_EQ(try_login(c, "reviewer_a", test_password), "login_locked");
    auto other_office = office(township_b);
    EXPECT_EQ(try_login(other_office, "reviewer_b", test_password), "");
}

TEST_P(sessions, the_certificate_must_be_the_users_office) {
    // The right password through another office's certificate gets the answer a wrong one gets: a certificate
    // must not confirm the passwords of other offices' accounts. Only the trail says why.
    auto wrong_township = office(township_a);
    EXPECT_EQ(try_login(wrong_township, "clerk_b", test_password), "invalid_credentials");
    EXPECT_EQ(wrong_township.last_result().status, 401);
    auto county_user_in_township = office(township_a);
    EXPECT_EQ(try_login(county_user_in_township, "supervisor", test_password), "invalid_credentials");
    auto township_user_in_county = office(county_code);
    EXPECT_EQ(try_login(township_user_in_county, "reviewer_a", test_password), "invalid_credentials");
    const auto trail = client_as("supervisor").request_json(
        http_method::get, "/api/v1/audit?action=session.login_failed&user=clerk_b");
    ASSERT_EQ(trail["items"].size(), 1u) << trail.dump();
    EXPECT_EQ(trail["items"][0]["changes"]["reason"], "certificate_mismatch");

    // A token works only with the certificate it was issued to.
    auto token = client_as("approver").token();
    auto elsewhere = office(township_a);
    elsewhere.set_token(token);
    EXPECT_EQ(code_of(elsewhere.request(http_method::get, "/api/v1/sessions/current")), "certificate_mismatch");
}

TEST_P(sessions, a_disabled_account_loses_its_sessions_and_cannot_log_in) {
    auto clerk = client_as("clerk_a");
    ASSERT_EQ(code_of(clerk.request(http_method::get, "/api/v1/sessions/current")), "");  // now in the cache
    client_as("admin").request_json(http_method::put, "/api/v1/users/clerk_a", R"({"disabled":true})");
    EXPECT_EQ(code_of(clerk.request(http_method::get, "/api/v1/sessions/current")), "session_expired");
    auto again = office(township_a);
    EXPECT_EQ(try_login(again, "clerk_a", test_password), "invalid_credentials");
    EXPECT_EQ(try_login(again, "clerk_a", "wrong-password"), "invalid_credentials");
    const auto trail = client_as("supervisor").request_json(
        http_method::get, "/api/v1/audit?action=session.login_failed&user=clerk_a");
    ASSERT_EQ(trail["items"].size(), 2u) << trail.dump();
    EXPECT_EQ(trail["items"][0]["changes"]["reason"], "invalid_credentials");  // newest first
    EXPECT_EQ(trail["items"][1]["changes"]["reason"], "account_disabled");
}

TEST_P(sessions, ones_own_logins_do_not_wipe_a_certificates_failures) {
    // Password spraying: a clerk guesses other accounts' passwords between logins of their own. The
    // certificate's count is not wiped by those logins, so the guesses add up and lock the certificate.
    auto c = office(township_a);
    std::string last_guess, last_own;
    for (int i = 0; i < 8; ++i) {
        *clock_offset_ms_ += 10'000;
        last_guess = try_login(c, "reviewer_a", "guess-" + std::to_string(i));
        *clock_offset_ms_ += 10'000;
        last_own = try_login(c, "clerk_a", test_password);
    }
    EXPECT_EQ(last_guess, "login_locked");
    EXPECT_EQ(last_own, "login_locked");
    auto other_office = office(township_b);
    EXPECT_EQ(try_login(other_office, "reviewer_b", test_password), "");
}

TEST_P(sessions, a_certificates_failures_fade_with_time) {
    auto c = office(township_a);
    for (int i = 0; i < 3; ++i) EXPECT_EQ(try_login(c, "guess" + std::to_string(i), "wrong"), "invalid_credentials");
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "login_locked");  // slowed
    // One failure fades every login_lock_period / login_lock_after (15 min / 6 = 2.5 min): after 7.5 minutes
    // all three have, and three more may be tried before the slow-down.
    *clock_offset_ms_ += 7 * minute_ms + 30'000;
    for (int i = 0; i < 3; ++i) EXPECT_EQ(try_login(c, "other" + std::to_string(i), "wrong"), "invalid_credentials");
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "login_locked");
    *clock_offset_ms_ += 3 * minute_ms;
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "");
}

TEST_P(sessions, impossible_usernames_are_refused_without_a_trace) {
    const auto rows = [&] {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM login_throttle").front().get_int64(0) +
               db->query("SELECT COUNT(*) FROM audit_log").front().get_int64(0);
    };
    const auto before = rows();
    auto c = office(township_a);
    for (const auto* name : {"Clerk_A", "a", "名字", "x' OR '1'='1", "password-typed-into-the-name-field!"})
        EXPECT_EQ(try_login(c, name, "wrong-password"), "invalid_credentials") << name;
    EXPECT_EQ(rows(), before);
    EXPECT_EQ(try_login(c, "clerk_a", test_password), "");  // and they counted against nobody
}

TEST_P(sessions, faded_throttle_rows_are_aged_out) {
    auto c = office(township_a);
    for (int i = 0; i < 20; ++i) {
        *clock_offset_ms_ += minute_ms;
        try_login(c, "guess" + std::to_string(i), "wrong");
    }
    const auto count = [&] {
        return server::sql::connect(database_->url())->query("SELECT COUNT(*) FROM login_throttle").front().get_int64(0);
    };
    EXPECT_GT(count(), 20);
    *clock_offset_ms_ += 16 * minute_ms;
    ASSERT_EQ(try_login(c, "clerk_a", test_password), "");
    EXPECT_LE(count(), 2);  // the certificate's row and clerk_a's, if any: every faded guess is gone
}

TEST_P(sessions, a_disable_and_a_password_reset_at_once_both_hold) {
    // Each reads the account and writes it back: without a row lock one could write back what it read before
    // the other committed, so the account stayed enabled or kept its old password, both audited as done.
    auto first = client_as("admin");
    auto second = client_as("admin");
    const auto stored = [&] {
        auto row = server::sql::connect(database_->url())
                       ->query("SELECT disabled, password_hash FROM users WHERE username = 'clerk_a'")
                       .front();
        return std::make_pair(row.get_int64(0) != 0, row.get_string(1));
    };
    for (int round = 0; round < 10; ++round) {
        first.request_json(http_method::put, "/api/v1/users/clerk_a", R"({"disabled":false})");
        const auto hash_before = stored().second;
        std::thread disable([&] {
            first.request_json(http_method::put, "/api/v1/users/clerk_a", R"({"disabled":true})");
        });
        second.request(http_method::post, "/api/v1/users/clerk_a/password",
                       R"({"password":"another-password-)" + std::to_string(round) + R"("})");
        disable.join();
        const auto [disabled, hash_after] = stored();
        EXPECT_TRUE(disabled) << "round " << round;
        EXPECT_NE(hash_after, hash_before) << "round " << round;
    }
}

// What another process does to the sessions table (another county-server on the same MariaDB, or
// `county-server admin user disable` on the server machine) reaches this server once its cached look-up ages
// out: within server_config::session_cache_ttl (1 s).
TEST_P(sessions, a_session_ended_by_another_process_stops_working_within_the_cache_lifetime) {
    auto ended = client_as("clerk_a");
    auto disabled = client_as("reviewer_a");
    ASSERT_EQ(code_of(ended.request(http_method::get, "/api/v1/sessions/current")), "");
    ASSERT_EQ(code_of(disabled.request(http_method::get, "/api/v1/sessions/current")), "");
    {
        auto db = server::sql::connect(database_->url());
        db->execute("DELETE FROM sessions WHERE user_id = (SELECT id FROM users WHERE username = 'clerk_a')");
        db->execute("UPDATE users SET disabled = 1 WHERE username = 'reviewer_a'");
    }
    *cache_clock_offset_ms_ += 1000;  // the session cache's lifetime
    EXPECT_EQ(code_of(ended.request(http_method::get, "/api/v1/sessions/current")), "session_expired");
    EXPECT_EQ(code_of(disabled.request(http_method::get, "/api/v1/sessions/current")), "session_expired");
}

TEST_P(sessions, the_trail_holds_every_decision_and_no_secret) {
    auto clerk = client_as("clerk_a");
    auto file = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 77}), "");
    file.phone = "13955556666";
    clerk.update_household(file);
    auto failing = office(township_a);
    try_login(failing, "clerk_a", "wrong-password");
    const auto token = clerk.token();
    clerk.logout();

    auto supervisor = client_as("supervisor");
    auto trail = supervisor.request_json(http_method::get, "/api/v1/audit?user=clerk_a&page_size=200");
    std::vector<std::string> actions;
    for (const auto& e : trail["items"]) actions.push_back(e["action"]);
    const std::vector<std::string> expected{"session.logout", "session.login_failed", "household.update",
                                            "household.create", "session.login"};
    EXPECT_EQ(actions, expected) << trail.dump();
    EXPECT_EQ(trail["items"][2]["changes"]["phone"]["after"], "13955556666");
    EXPECT_EQ(trail["items"][2]["record"], "household/" + std::to_string(file.id));

    const auto text = supervisor.request(http_method::get, "/api/v1/audit?page_size=200").body;
    for (const auto& m : file.members) EXPECT_EQ(text.find(m.id_number), std::string::npos) << "a full ID number";
    EXPECT_EQ(text.find(test_password), std::string::npos);
    ASSERT_EQ(token.size(), 64u);
    EXPECT_EQ(text.find(token), std::string::npos);

    EXPECT_EQ(server::audit_verify_command(database_->url()), 0);
    // Someone with the database edits who did what: `county-server audit verify` names it (exit 3).
    server::sql::connect(database_->url())->execute("UPDATE audit_log SET username = 'someone_else' WHERE seq = 2");
    EXPECT_EQ(server::audit_verify_command(database_->url()), 3);
}

TEST_P(sessions, a_revoked_certificate_is_refused_after_a_reload_and_others_carry_on) {
    // A CA of this test's own, so revoking does not touch the other tests' certificates.
    const auto own = certificates().parent_path() / ("revocation-" + GetParam());
    fs::remove_all(own);
    fs::copy(certificates(), own, fs::copy_options::recursive);
    server_->stop();
    server_.reset();
    auto config = server_config_with(own);
    server_ = std::make_unique<server::county_server>(config);
    server_->start();

    auto staying = client_as("reviewer_a");
    auto revoked_options = options_for(township_b);
    client::api_client before(revoked_options);
    EXPECT_EQ(before.health()["status"], "ok");

    const auto command = std::string(FUPIN_SOURCE_DIR) + "/certs/revoke --out '" + own.string() + "' " + township_b +
                         " >/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    server_->reload_tls();

    client::api_client after(revoked_options);
    try {
        after.health();
        ADD_FAILURE() << "a revoked certificate was accepted";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), client::error_kind::tls) << e.what();
    }
    EXPECT_EQ(staying.whoami()["user"]["username"], "reviewer_a");  // other offices' connections carry on
    // The revoked office's connection that was open before the reload is closed at its next request.
    try {
        before.health();
        ADD_FAILURE() << "a connection with a revoked certificate was served after the reload";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), client::error_kind::tls) << e.what();
    }
    fs::remove_all(own);
}

INSTANTIATE_TEST_SUITE_P(backends, sessions, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
