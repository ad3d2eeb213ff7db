// household_repository::list: newest change first, keyset pages without duplicates or gaps, filters, indexes.
#include <set>

#include <fmt/format.h>

#include "backend_fixture.hpp"
#include "sample_data.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::storage::test {
namespace {

struct listed {
    std::int64_t id;
    std::int64_t updated_at_ms;
};

// 30 households over three groups in two townships; several share an updated_at_ms so the id tie-break matters.
std::vector<common::household> insert_thirty(household_repository& repo) {
    const char* groups[] = {group_a1_3, group_a2_1, group_b1_1};
    std::vector<common::household> all;
    for (int i = 0; i < 30; ++i) {
        auto h = make_household(groups[i % 3], 1000 + i * 10, 1 + i % 3);
        h.status = i % 4 == 0 ? "approved" : "pending";
        repo.insert(h, 1'000'000 + (i / 3) * 1000);  // groups of three equal timestamps
        all.push_back(h);
    }
    return all;
}

std::vector<common::household> list_all(household_repository& repo, common::household_filter f, int* pages) {
    std::vector<common::household> out;
    *pages = 0;
    do {
        auto page = repo.list(f);
        ++*pages;
        EXPECT_LE(page.items.size(), static_cast<std::size_t>(f.page_size));
        for (auto& h : page.items) out.push_back(std::move(h));
        f.page_token = page.next_page_token;
        if (*pages > 100) break;
    } while (!f.page_token.empty());
    return out;
}

void expect_newest_first_and_matching(const std::vector<common::household>& got,
                                      std::vector<common::household> expected) {
    std::sort(expected.begin(), expected.end(), [](const auto& a, const auto& b) {
        return std::tie(a.updated_at_ms, a.id) > std::tie(b.updated_at_ms, b.id);
    });
    ASSERT_EQ(got.size(), expected.size());
    for (std::size_t i = 0; i < got.size(); ++i) {
        EXPECT_EQ(got[i].id, expected[i].id) << "position " << i;
        EXPECT_EQ(got[i].members.size(), expected[i].members.size()) << "position " << i;
        if (!got[i].members.empty()) {
            EXPECT_EQ(got[i].members[0].id_number, expected[i].members[0].id_number);
        }
    }
}

common::household_filter by(std::string township, std::string village, std::string group, std::string status) {
    common::household_filter f;
    f.township_code = std::move(township);
    f.village_code = std::move(village);
    f.group_code = std::move(group);
    f.status = std::move(status);
    return f;
}

}  // namespace

TEST_P(storage_backend, list_pages_through_everything_newest_first_without_duplicates_or_gaps) {
    seed_areas(conn());
    household_repository repo(conn());
    auto all = insert_thirty(repo);
    // Touch one old household: it becomes the newest.
    auto touched = all[1];
    ASSERT_TRUE(repo.update(touched, 1, 9'000'000));
    all[1] = touched;

    int pages = 0;
    common::household_filter f;
    f.page_size = 7;
    const auto got = list_all(repo, f, &pages);
    EXPECT_EQ(pages, 5);  // 7+7+7+7+2
    expect_newest_first_and_matching(got, all);
    EXPECT_EQ(got.front().id, touched.id);
    EXPECT_EQ(got.front().township_name, "石门镇");
    std::set<std::int64_t> ids;
    for (const auto& h : got) ids.insert(h.id);
    EXPECT_EQ(ids.size(), 30u);

    // Exactly one full page: no next token.
    f.page_size = 30;
    const auto one = repo.list(f);
    EXPECT_EQ(one.items.size(), 30u);
    EXPECT_TRUE(one.next_page_token.empty());
}

TEST_P(storage_backend, list_filters_by_area_and_status) {
    household_repository repo(conn());
    const auto all = insert_thirty(repo);
    auto expect_filter = [&](common::household_filter f, auto predicate) {
        SCOPED_TRACE(fmt::format("filter t={} v={} g={} s={}", f.township_code, f.village_code, f.group_code,
                                 f.status));
        std::vector<common::household> expected;
        for (const auto& h : all)
            if (predicate(h)) expected.push_back(h);
        f.page_size = 4;
        int pages = 0;
        expect_newest_first_and_matching(list_all(repo, f, &pages), expected);
    };
    expect_filter(by(township_a, "", "", ""), [](const auto& h) { return h.township_code == township_a; });
    expect_filter(by("", village_a2, "", ""), [](const auto& h) { return h.village_code == village_a2; });
    expect_filter(by("", "", group_b1_1, ""), [](const auto& h) { return h.group_code == group_b1_1; });
    expect_filter(by("", "", "", "approved"), [](const auto& h) { return h.status == "approved"; });
    expect_filter(by(township_a, "", "", "approved"),
                  [](const auto& h) { return h.township_code == township_a && h.status == "approved"; });
    expect_filter(by(township_a, village_a1, "", ""),
                  [](const auto& h) { return h.village_code == village_a1; });
    // A village outside the named township lists nothing.
    expect_filter(by(township_b, village_a1, "", ""), [](const auto&) { return false; });
    expect_filter(by(township_a, village_a1, group_b1_1, ""),
                  [](const auto&) { return false; });
    expect_filter(by("529901199", "", "", ""), [](const auto&) { return false; });
}

TEST_P(storage_backend, list_rejects_a_malformed_page_token) {
    household_repository repo(conn());
    insert_thirty(repo);
    for (const char* bad : {"x", "1", "1.", ".1", "-1.5", "1.-5", "1.0", "1.2.3", " 1.2", "1.2 ", "+1.2", "0x1.2",
                            "99999999999999999999.1", "1.99999999999999999999", "１.２"}) {
        common::household_filter f;
        f.page_token = bad;
        EXPECT_THROW(repo.list(f), std::invalid_argument) << "token " << bad;
    }
    common::household_filter f;
    f.page_size = 5;
    f.page_token = repo.list(f).next_page_token;
    EXPECT_EQ(repo.list(f).items.size(), 5u);
}

TEST_P(storage_backend, list_by_village_uses_the_village_index) {
    household_repository repo(conn());
    insert_thirty(repo);
    // The statement list() builds for a township + village filter, with a page token.
    const std::string where =
        " FROM households h WHERE h.village_code = ? AND +h.township_code = ? AND h.updated_at_ms <= ? AND "
        "(h.updated_at_ms < ? OR h.id < ?) ORDER BY h.updated_at_ms DESC, h.id DESC LIMIT 51";
    const std::vector<sql::value> params{village_a1, township_a, std::int64_t{2'000'000}, std::int64_t{2'000'000},
                                         std::int64_t{100}};
    if (is_mysql()) {
        conn().execute_script("ANALYZE TABLE households");
        const auto plan = conn().query("EXPLAIN SELECT h.id" + where, params);
        ASSERT_FALSE(plan.empty());
        // EXPLAIN columns: id, select_type, table, type, possible_keys, key, ...
        EXPECT_NE(plan[0].get_string(3), "ALL") << "full table scan";
        EXPECT_EQ(plan[0].get_string(5), "households_village_updated");
    } else {
        const auto plan = conn().query("EXPLAIN QUERY PLAN SELECT h.id" + where, params);
        std::string text;
        for (const auto& r : plan) text += r.get_string(3) + "\n";
        EXPECT_NE(text.find("households_village_updated"), std::string::npos) << text;
        EXPECT_EQ(text.find("SCAN h\n"), std::string::npos) << text;
        EXPECT_EQ(text.find("TEMP B-TREE"), std::string::npos) << "sorts instead of reading the index:\n" << text;
    }
}

}  // namespace fupin::server::storage::test

namespace fupin::server::storage::test {

// The desktop's filters and search box: the main cause, a part of a name (the head's or any member's, with the
// wildcards of LIKE taken as they are written), or a whole ID number.
TEST_P(storage_backend, list_filters_by_cause_and_finds_by_name_or_id_number) {
    seed_areas(conn());
    household_repository repo(conn());
    auto a = make_household(group_a1_3, 2000, 2);
    a.head_name = "王大山";
    a.members[0].name = "王大山";
    a.members[1].name = "李100%";
    a.main_cause = "illness";
    repo.insert(a, 1000);
    auto b = make_household(group_a1_3, 2010, 1);
    b.head_name = "张三";
    b.members[0].name = "张三";
    b.main_cause = "lack_of_funds";
    repo.insert(b, 2000);

    const auto ids = [&](common::household_filter f) {
        std::set<std::int64_t> out;
        for (const auto& h : repo.list(f).items) out.insert(h.id);
        return out;
    };
    common::household_filter f;
    f.main_cause = "illness";
    EXPECT_EQ(ids(f), std::set<std::int64_t>{a.id});
    f = {};
    f.search = "大山";
    EXPECT_EQ(ids(f), std::set<std::int64_t>{a.id});
    f.search = "100%";  // a member's name, % as written
    EXPECT_EQ(ids(f), std::set<std::int64_t>{a.id});
    f.search = "%";
    EXPECT_EQ(ids(f), std::set<std::int64_t>{a.id});
    f.search = id_number(2010);
    EXPECT_EQ(ids(f), std::set<std::int64_t>{b.id});
    f.search = id_number(2001);  // a's second member
    EXPECT_EQ(ids(f), std::set<std::int64_t>{a.id});
    f.search = "赵";
    EXPECT_TRUE(ids(f).empty());
    f.search = "张";
    f.main_cause = "illness";
    EXPECT_TRUE(ids(f).empty());
}

}  // namespace fupin::server::storage::test
