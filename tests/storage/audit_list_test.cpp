// Reading the audit trail: filters by user, record, action and time, newest first, keyset paging on seq.
#include <set>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "backend_fixture.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/audit_repository.hpp"

namespace fupin::server::storage::test {
namespace {

constexpr std::int64_t t0 = 1'764'410'400'000;  // 2025-11-29T10:00:00.000Z

// 12 entries: seq n at t0 + n*1000; users alternate a/b/c; records household/1..3; every 4th is a login.
void seed_trail(sql::connection& c) {
    for (int n = 1; n <= 12; ++n) {
        const std::string user = std::string("user_") + "abc"[n % 3];
        const bool login = n % 4 == 0;
        service::run_in_transaction(c, sql::tx_mode::write, [&] {
            service::audit_trail::record(c, {user, "village_clerk", "CN=x"}, login ? "session.login" : "household.update",
                                         login ? "" : "household/" + std::to_string(n % 3 + 1), "ok",
                                         nlohmann::json::object(), t0 + n * 1000);
        });
    }
}

std::vector<std::int64_t> seqs(const audit_page& page) {
    std::vector<std::int64_t> out;
    for (const auto& e : page.items) out.push_back(e.seq);
    return out;
}

using v = std::vector<std::int64_t>;

}  // namespace

TEST_P(storage_backend, audit_list_is_newest_first_and_filters_by_user_record_and_action) {
    seed_trail(conn());
    audit_repository repo(conn());
    EXPECT_EQ(seqs(repo.list({})), (v{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));
    EXPECT_EQ(seqs(repo.list({.username = "user_a"})), (v{12, 9, 6, 3}));
    EXPECT_EQ(seqs(repo.list({.record = "household/2"})), (v{10, 7, 1}));  // 4 is a login
    EXPECT_EQ(seqs(repo.list({.action = "session.login"})), (v{12, 8, 4}));
    EXPECT_EQ(seqs(repo.list({.username = "user_b", .action = "household.update"})), (v{10, 7, 1}));
    EXPECT_EQ(seqs(repo.list({.username = "user_a", .record = "household/1"})), (v{9, 6, 3}));
    EXPECT_TRUE(repo.list({.username = "nobody"}).items.empty());
    const auto one = repo.list({.record = "household/3"}).items.at(0);
    EXPECT_EQ(one.seq, 11);
    EXPECT_EQ(one.username, "user_c");
    EXPECT_EQ(one.at_ms, t0 + 11'000);
    EXPECT_EQ(one.action, "household.update");
    EXPECT_EQ(one.hash.size(), 64u);
}

TEST_P(storage_backend, audit_list_time_range_includes_from_and_excludes_to) {
    seed_trail(conn());
    audit_repository repo(conn());
    EXPECT_EQ(seqs(repo.list({.from_ms = t0 + 10'000})), (v{12, 11, 10}));
    EXPECT_EQ(seqs(repo.list({.to_ms = t0 + 3'000})), (v{2, 1}));
    EXPECT_EQ(seqs(repo.list({.from_ms = t0 + 5'000, .to_ms = t0 + 8'000})), (v{7, 6, 5}));
    EXPECT_EQ(seqs(repo.list({.username = "user_a", .from_ms = t0 + 5'000, .to_ms = t0 + 10'000})), (v{9, 6}));
    EXPECT_TRUE(repo.list({.from_ms = t0 + 13'000}).items.empty());
}

TEST_P(storage_backend, audit_list_pages_by_seq_without_repeats_or_gaps) {
    seed_trail(conn());
    audit_repository repo(conn());
    audit_filter f{.page_size = 5};
    std::vector<std::int64_t> all;
    std::vector<std::size_t> sizes;
    for (int guard = 0; guard < 10; ++guard) {
        const auto page = repo.list(f);
        sizes.push_back(page.items.size());
        for (auto s : seqs(page)) all.push_back(s);
        if (page.next_page_token.empty()) break;
        f.page_token = page.next_page_token;
    }
    EXPECT_EQ(sizes, (std::vector<std::size_t>{5, 5, 2}));
    EXPECT_EQ(all, (v{12, 11, 10, 9, 8, 7, 6, 5, 4, 3, 2, 1}));

    // A filtered listing pages within the filter; exactly one full page has no next page.
    audit_filter a{.username = "user_a", .page_size = 3};
    const auto first = repo.list(a);
    EXPECT_EQ(seqs(first), (v{12, 9, 6}));
    ASSERT_FALSE(first.next_page_token.empty());
    a.page_token = first.next_page_token;
    const auto second = repo.list(a);
    EXPECT_EQ(seqs(second), (v{3}));
    EXPECT_TRUE(second.next_page_token.empty());
    EXPECT_TRUE(repo.list({.username = "user_a", .page_size = 4}).next_page_token.empty());

    // Entries appended while a client pages do not shift the pages it has not read yet.
    audit_filter g{.page_size = 5};
    const auto p1 = repo.list(g);
    service::run_in_transaction(conn(), sql::tx_mode::write, [&] {
        service::audit_trail::record(conn(), {"late", "", ""}, "session.logout", "", "ok", nullptr, t0 + 99'000);
    });
    g.page_token = p1.next_page_token;
    EXPECT_EQ(seqs(repo.list(g)), (v{7, 6, 5, 4, 3}));
}

TEST_P(storage_backend, audit_list_clamps_page_size_and_refuses_foreign_page_tokens) {
    seed_trail(conn());
    audit_repository repo(conn());
    EXPECT_EQ(repo.list({.page_size = 0}).items.size(), 1u);
    EXPECT_EQ(repo.list({.page_size = 100000}).items.size(), 12u);
    for (const std::string token : {"abc", "-1", "0", "1.5", " 3", "3 ", "1234567890123456789", "9e3", "0x10"})
        EXPECT_THROW(repo.list({.page_token = token}), std::invalid_argument) << token;
    EXPECT_EQ(seqs(repo.list({.page_token = "3"})), (v{2, 1}));
}

}  // namespace fupin::server::storage::test
