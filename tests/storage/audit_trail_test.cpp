// The audit trail on both databases: entries commit with their transaction and chain by SHA-256 without gaps,
// even with concurrent writers; `audit verify` names the first entry after direct edits, deletes and swaps.
#include <openssl/evp.h>

#include <atomic>
#include <set>
#include <stdexcept>
#include <thread>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "backend_fixture.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/audit_verifier.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/audit_repository.hpp"
#include "server/sql/mysql_connection.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::server::storage::test {
namespace {

using nlohmann::json;
using service::audit_problem;

const std::string zeros(64, '0');

service::audit_actor clerk(const std::string& name = "shimen_clerk") {
    return {name, "village_clerk", "CN=石门镇,OU=529901101,O=青峰县扶贫办"};
}

// Appends one committed entry the way a service does: inside a write transaction, retried when busy.
void append(sql::connection& c, int n, const std::string& user = "shimen_clerk") {
    service::run_in_transaction(c, sql::tx_mode::write, [&] {
        service::audit_trail::record(c, clerk(user), "household.update", "household/" + std::to_string(n), "ok",
                                     json{{"phone", {{"before", "1380000000" + std::to_string(n % 10)},
                                                     {"after", "13900000000"}}}},
                                     1'764'410'400'000 + n);
    });
}

std::string sha256_hex(const std::string& text) {
    unsigned char d[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    EVP_Digest(text.data(), text.size(), d, &n, EVP_sha256(), nullptr);
    std::string out;
    for (unsigned int i = 0; i < n; ++i) out += fmt::format("{:02x}", d[i]);
    return out;
}

}  // namespace

class audit_chain : public storage_backend {
protected:
    audit_repository repo() { return audit_repository(conn()); }
    service::audit_verification verify(int batch = 1000) { return service::audit_verifier(batch).verify(conn()); }
    void append_n(int n) {
        for (int i = 1; i <= n; ++i) append(conn(), i);
    }
    void expect_bad(const service::audit_verification& r, std::int64_t seq, audit_problem problem) {
        EXPECT_FALSE(r.ok) << r.message;
        EXPECT_EQ(r.first_bad_seq, seq) << r.message;
        EXPECT_EQ(service::audit_problem_code(r.problem), std::string(service::audit_problem_code(problem)))
            << r.message;
    }
};

INSTANTIATE_TEST_SUITE_P(backends, audit_chain, ::testing::Values("sqlite", "mysql"),
                         [](const ::testing::TestParamInfo<std::string>& info) { return info.param; });

TEST_P(audit_chain, an_empty_trail_verifies_and_the_head_starts_at_zero) {
    const auto head = repo().head();
    EXPECT_EQ(head.last_seq, 0);
    EXPECT_EQ(head.last_hash, zeros);
    const auto r = verify();
    EXPECT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.entries_checked, 0);
}

// Pins the documented canonical form and hash input, so a change to either is a deliberate one.
TEST_P(audit_chain, the_first_hash_is_sha256_of_zeros_and_the_documented_canonical_form) {
    service::run_in_transaction(conn(), sql::tx_mode::write, [&] {
        service::audit_trail::record(conn(), {"shimen_clerk", "village_clerk", "CN=a"}, "household.update",
                                     "household/12", "ok", json{{"phone", {{"before", "1"}, {"after", "2"}}}},
                                     1000);
    });
    const auto entries = repo().read_after(0, 10);
    ASSERT_EQ(entries.size(), 1u);
    const auto& e = entries[0];
    EXPECT_EQ(e.seq, 1);
    EXPECT_EQ(e.prev_hash, zeros);
    EXPECT_EQ(e.changes, R"({"phone":{"after":"2","before":"1"}})");
    const std::string canonical =
        R"({"action":"household.update","at_ms":1000,"certificate_subject":"CN=a",)"
        R"("changes":"{\"phone\":{\"after\":\"2\",\"before\":\"1\"}}","outcome":"ok","record":"household/12",)"
        R"("role":"village_clerk","seq":1,"username":"shimen_clerk"})";
    EXPECT_EQ(audit_repository::canonical_form(e), canonical);
    EXPECT_EQ(e.hash, sha256_hex(zeros + "\n" + canonical));
    EXPECT_EQ(repo().head().last_hash, e.hash);
}

TEST_P(audit_chain, entries_chain_without_gaps_and_verify_in_batches) {
    append_n(7);
    const auto entries = repo().read_after(0, 100);
    ASSERT_EQ(entries.size(), 7u);
    std::string prev = zeros;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].seq, static_cast<std::int64_t>(i + 1));
        EXPECT_EQ(entries[i].prev_hash, prev);
        EXPECT_EQ(entries[i].hash, audit_repository::compute_hash(entries[i]));
        prev = entries[i].hash;
    }
    EXPECT_EQ(repo().head().last_seq, 7);
    EXPECT_EQ(repo().head().last_hash, prev);
    for (int batch : {1, 3, 1000}) {
        const auto r = verify(batch);
        EXPECT_TRUE(r.ok) << "batch " << batch << ": " << r.message;
        EXPECT_EQ(r.entries_checked, 7);
    }
}

TEST_P(audit_chain, a_rolled_back_transaction_leaves_no_entry_and_no_gap) {
    append_n(2);
    {
        sql::transaction tx(conn(), sql::tx_mode::write);
        service::audit_trail::record(conn(), clerk(), "household.create", "household/99", "ok", json::object(), 5);
        EXPECT_EQ(repo().head().last_seq, 3);  // visible inside the transaction …
    }  // … and gone with its rollback
    EXPECT_EQ(repo().head().last_seq, 2);
    EXPECT_TRUE(repo().list({.record = "household/99"}).items.empty());
    append(conn(), 3);
    const auto entries = repo().read_after(0, 100);
    ASSERT_EQ(entries.size(), 3u);
    EXPECT_EQ(entries.back().seq, 3);
    EXPECT_EQ(entries.back().record, "household/3");
    const auto r = verify();
    EXPECT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.entries_checked, 3);
}

TEST_P(audit_chain, record_in_own_transaction_commits_even_when_the_request_fails) {
    try {
        service::run_in_transaction(conn(), sql::tx_mode::write, [&] {
            service::audit_trail::record(conn(), clerk(), "household.update", "household/7", "ok", json::object(), 41);
            throw std::runtime_error("403 area_forbidden");  // the request's own work (and entry) roll back
        });
    } catch (const std::runtime_error&) {
        service::audit_trail::record_in_own_transaction(conn(), clerk(), "access.denied", "household/7", "denied",
                                                        nullptr, 42);
    }
    const auto page = repo().list({});
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].seq, 1);  // the rolled-back entry took no seq
    EXPECT_EQ(page.items[0].action, "access.denied");
    EXPECT_EQ(page.items[0].outcome, "denied");
    EXPECT_EQ(page.items[0].changes, "{}");
    EXPECT_TRUE(verify().ok);
}

TEST_P(audit_chain, append_refuses_to_run_outside_a_transaction_or_with_a_bad_outcome) {
    audit_entry e{.at_ms = 1, .username = "u", .action = "session.login", .outcome = "ok"};
    EXPECT_THROW(repo().append(e), std::logic_error);
    sql::transaction tx(conn(), sql::tx_mode::write);
    audit_entry odd{.at_ms = 1, .username = "u", .action = "session.login", .outcome = "maybe"};
    EXPECT_THROW(repo().append(odd), std::invalid_argument);
    EXPECT_THROW(service::audit_trail::record_in_own_transaction(conn(), clerk(), "a", "", "ok", nullptr, 1),
                 std::logic_error);
}

TEST_P(audit_chain, long_and_ill_formed_text_is_stored_as_hashed) {
    sql::transaction tx(conn(), sql::tx_mode::write);
    audit_entry e{.at_ms = 1, .username = "\xFF" + std::string(100, 'a'), .role = "r",
                  .certificate_subject = std::string(600, 'x'), .action = "session.login_failed",
                  .outcome = "failed"};
    repo().append(e);
    tx.commit();
    const auto stored = repo().read_after(0, 1).at(0);
    EXPECT_EQ(stored.username, "\xEF\xBF\xBD" + std::string(63, 'a'));  // U+FFFD, then cut to 64 characters
    EXPECT_EQ(stored.certificate_subject.size(), 512u);
    EXPECT_TRUE(verify().ok);
}

TEST_P(audit_chain, verify_names_an_entry_whose_changes_were_edited) {
    append_n(6);
    conn().execute("UPDATE audit_log SET changes = ? WHERE seq = 3",
                   {std::string(R"({"phone":{"after":"13900000000","before":"13800000009"}})")});
    expect_bad(verify(2), 3, audit_problem::altered);
}

TEST_P(audit_chain, verify_names_an_entry_whose_username_was_edited) {
    append_n(6);
    conn().execute("UPDATE audit_log SET username = 'someone_else' WHERE seq = 4");
    expect_bad(verify(), 4, audit_problem::altered);
}

TEST_P(audit_chain, verify_names_an_entry_whose_time_was_edited) {
    append_n(6);
    conn().execute("UPDATE audit_log SET at_ms = at_ms + 1 WHERE seq = 1");
    expect_bad(verify(), 1, audit_problem::altered);
}

TEST_P(audit_chain, verify_names_a_deleted_middle_entry) {
    append_n(6);
    conn().execute("DELETE FROM audit_log WHERE seq = 3");
    expect_bad(verify(2), 3, audit_problem::missing);
}

TEST_P(audit_chain, verify_names_a_deleted_first_entry) {
    append_n(3);
    conn().execute("DELETE FROM audit_log WHERE seq = 1");
    expect_bad(verify(), 1, audit_problem::missing);
}

TEST_P(audit_chain, verify_names_a_deleted_last_entry) {
    append_n(6);
    conn().execute("DELETE FROM audit_log WHERE seq = 6");
    const auto r = verify(4);
    expect_bad(r, 6, audit_problem::head_mismatch);
    EXPECT_EQ(r.entries_checked, 5);
}

// Reordering: rows 2 and 5 swap everything but their seq (a full swap of rows including seq changes nothing).
TEST_P(audit_chain, verify_names_the_first_of_two_swapped_entries) {
    append_n(6);
    const auto rows = repo().read_after(0, 100);
    const std::string set =
        "UPDATE audit_log SET at_ms = ?, username = ?, role = ?, certificate_subject = ?, action = ?, record = ?, "
        "outcome = ?, changes = ?, prev_hash = ?, hash = ? WHERE seq = ?";
    auto write = [&](const audit_entry& from, std::int64_t seq) {
        conn().execute(set, {from.at_ms, from.username, from.role, from.certificate_subject, from.action,
                             from.record, from.outcome, from.changes, from.prev_hash, from.hash, seq});
    };
    write(rows[4], 2);
    write(rows[1], 5);
    expect_bad(verify(), 2, audit_problem::broken_link);
}

// A forger who knows the algorithm can compute a valid hash, but not move the head without being the app.
TEST_P(audit_chain, verify_names_an_entry_appended_behind_the_apps_back) {
    append_n(3);
    audit_entry forged{.seq = 4, .at_ms = 9, .username = "intruder", .role = "county_admin", .action = "user.create",
                       .record = "user/intruder", .outcome = "ok", .changes = "{}"};
    forged.prev_hash = repo().head().last_hash;
    forged.hash = audit_repository::compute_hash(forged);
    conn().execute("INSERT INTO audit_log (seq, at_ms, username, role, certificate_subject, action, record, outcome, "
                   "changes, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   {forged.seq, forged.at_ms, forged.username, forged.role, forged.certificate_subject, forged.action,
                    forged.record, forged.outcome, forged.changes, forged.prev_hash, forged.hash});
    expect_bad(verify(), 4, audit_problem::head_mismatch);
}

TEST_P(audit_chain, concurrent_appends_get_every_seq_once_in_one_valid_chain) {
    constexpr int writers = 4;
    constexpr int per_writer = 25;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int w = 0; w < writers; ++w) {
        threads.emplace_back([&, w] {
            if (is_mysql()) sql::mysql_connection::thread_init();
            try {
                auto c = open_another();
                for (int i = 0; i < per_writer; ++i) append(*c, i, "writer_" + std::to_string(w));
            } catch (const std::exception& e) {
                ADD_FAILURE() << "writer " << w << ": " << e.what();
                ++failures;
            }
            if (is_mysql()) sql::mysql_connection::thread_end();
        });
    }
    for (auto& t : threads) t.join();
    EXPECT_EQ(failures, 0);
    const auto entries = repo().read_after(0, 1000);
    ASSERT_EQ(entries.size(), static_cast<std::size_t>(writers * per_writer));
    std::set<std::string> hashes;
    for (std::size_t i = 0; i < entries.size(); ++i) {
        EXPECT_EQ(entries[i].seq, static_cast<std::int64_t>(i + 1));
        hashes.insert(entries[i].hash);
    }
    EXPECT_EQ(hashes.size(), entries.size());
    for (int w = 0; w < writers; ++w)
        EXPECT_EQ(repo().list({.username = "writer_" + std::to_string(w), .page_size = 200}).items.size(),
                  static_cast<std::size_t>(per_writer));
    const auto r = verify(7);
    EXPECT_TRUE(r.ok) << r.message;
    EXPECT_EQ(r.entries_checked, writers * per_writer);
    EXPECT_EQ(repo().head().last_seq, writers * per_writer);
}

}  // namespace fupin::server::storage::test
