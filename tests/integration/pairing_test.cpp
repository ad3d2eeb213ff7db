// Helpers and pairing (结对帮扶) end to end over real TLS on both databases: the county keeps the units, the
// helpers and the volunteer team, with every input checked; registered households get one or two helpers, a
// helper answers for at most the county's limit of households, also under 20 parallel requests; a change of
// helper keeps the history (from, to, why, who); the household's area reaches its helpers (联系到人) and no
// other area does; every write leaves its audit entry and its event.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "client/client_error.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

constexpr int limit = 3;  // the helper's limit in these tests, so the limit is reached in a few pairings

class pairing : public archive_test {
protected:
    void configure(server::server_config& config) override { config.helper_household_limit = limit; }

    common::helper_unit unit(const std::string& name = "县农业农村局") {
        common::helper_unit u;
        u.name = name;
        u.level = "county";
        u.area_code = county_code;
        return client_as("admin").create_helper_unit(u);
    }

    common::helper helper(std::int64_t unit_id, const std::string& name, const std::string& phone = "13900000001") {
        common::helper h;
        h.unit_id = unit_id;
        h.name = name;
        h.post = "副局长";
        h.phone = phone;
        return client_as("admin").create_helper(h);
    }

    // A household of `group`, registered as the procedure's last step leaves it.
    std::int64_t registered_household(int seed, const std::string& group = group_a) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        const auto stored = client_as(clerk).create_household(test_data::sample_household({.group = group, .seed = seed}), "");
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(stored.id, "registered", 1000));
        tx.commit();
        return stored.id;
    }

    long long count_where(const std::string& table, const std::string& condition) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM " + table + " WHERE " + condition).at(0).get_int64(0);
    }
};

TEST_P(pairing, the_county_keeps_units_and_helpers) {
    auto admin = client_as("admin");
    const auto u = unit();
    EXPECT_GT(u.id, 0);
    EXPECT_EQ(u.version, 1);
    common::helper_unit township_unit{0, "石门镇人民政府", "township", township_a};
    const auto t = client_as("approver").create_helper_unit(township_unit);  // the poverty office keeps them too
    const auto units = client_as("clerk_a").list_helper_units();            // every official reads them
    ASSERT_EQ(units.size(), 2u);
    EXPECT_EQ(units[0].level, "county");  // 县直 before 乡镇
    EXPECT_EQ(units[1].id, t.id);

    auto h = helper(u.id, "李帮扶");
    EXPECT_EQ(h.unit_name, "县农业农村局");
    EXPECT_EQ(h.unit_level, "county");
    EXPECT_TRUE(h.active);
    EXPECT_EQ(h.households, 0);

    // The volunteer team: helpers with a background, one of them its leader.
    common::helper volunteer;
    volunteer.unit_id = t.id;
    volunteer.name = "赵志愿";
    volunteer.phone = "0851-5550123";
    volunteer.volunteer_background = "technician";
    volunteer.team_leader = true;
    const auto v = admin.create_helper(volunteer);
    EXPECT_EQ(admin.list_helpers(0, false).size(), 2u);
    const auto team = admin.list_helpers(0, true);
    ASSERT_EQ(team.size(), 1u);
    EXPECT_EQ(team[0].id, v.id);
    EXPECT_TRUE(team[0].team_leader);
    EXPECT_EQ(admin.list_helpers(u.id, false).size(), 1u);

    h.post = "局长";
    const auto changed = admin.update_helper(h);
    EXPECT_EQ(changed.post, "局长");
    EXPECT_EQ(changed.version, 2);
    refused([&] { admin.update_helper(h); }, 409, "version_conflict");  // h still names version 1
    EXPECT_EQ(count_where("audit_log", "action LIKE 'helper%'"), 5);
    EXPECT_EQ(count_where("events", "kind LIKE 'helper%' AND township_code = ''"), 5);
}

TEST_P(pairing, units_and_helpers_are_checked_and_only_the_county_keeps_them) {
    auto admin = client_as("admin");
    const auto u = unit();
    refused([&] { client_as("reviewer_a").create_helper_unit({0, "某单位", "township", township_a}); }, 403,
            "access_denied");
    refused([&] { admin.create_helper_unit({0, "县农业农村局", "county", county_code}); }, 409, "unit_name_taken");
    EXPECT_EQ(refused([&] { admin.create_helper_unit({0, "某单位", "district", county_code}); }, 422,
                      "invalid_value").field(), "level");
    EXPECT_EQ(refused([&] { admin.create_helper_unit({0, "某单位", "township", county_code}); }, 422,
                      "invalid_value").field(), "area_code");
    EXPECT_EQ(refused([&] { admin.create_helper_unit({0, "某单位", "township", "529901999"}); }, 422,
                      "invalid_value").field(), "area_code");
    EXPECT_EQ(refused([&] { admin.create_helper_unit({0, "", "county", county_code}); }, 422, "missing_field").field(),
              "name");

    const auto bad_helper = [&](auto&& breakage, const std::string& code, const std::string& field) {
        common::helper h;
        h.unit_id = u.id;
        h.name = "王五";
        h.phone = "13900000002";
        breakage(h);
        EXPECT_EQ(refused([&] { admin.create_helper(h); }, 422, code).field(), field);
    };
    bad_helper([](common::helper& h) { h.phone.clear(); }, "missing_field", "phone");
    bad_helper([](common::helper& h) { h.phone = "139 0000"; }, "invalid_value", "phone");
    bad_helper([](common::helper& h) { h.phone = std::string(21, '1'); }, "invalid_value", "phone");
    bad_helper([](common::helper& h) { h.name.clear(); }, "missing_field", "name");
    bad_helper([](common::helper& h) { h.name = std::string(31, 'x'); }, "invalid_value", "name");
    bad_helper([](common::helper& h) { h.post = std::string(51, 'x'); }, "invalid_value", "post");
    bad_helper([](common::helper& h) { h.volunteer_background = "student"; }, "invalid_value", "volunteer_background");
    bad_helper([](common::helper& h) { h.team_leader = true; }, "invalid_value", "team_leader");
    bad_helper([](common::helper& h) { h.unit_id = 999; }, "invalid_value", "unit_id");
    common::helper fine;
    fine.unit_id = u.id;
    fine.name = "王五";
    fine.phone = "13900000002";
    refused([&] { client_as("reviewer_a").create_helper(fine); }, 403, "access_denied");
    refused([&] { client_as("supervisor").create_helper(fine); }, 403, "access_denied");
    EXPECT_EQ(count_rows("helpers"), 0);
    EXPECT_EQ(count_rows("helper_units"), 1);
    EXPECT_EQ(count_where("audit_log", "action LIKE 'helper%'"), 1) << "only the one unit made was recorded";
}

TEST_P(pairing, a_registered_household_gets_one_or_two_helpers) {
    const auto u = unit();
    const auto first = helper(u.id, "李帮扶", "13900000001");
    const auto second = helper(u.id, "张帮扶", "13900000002");
    const auto third = helper(u.id, "刘帮扶", "13900000003");
    const auto household = registered_household(1);
    auto reviewer = client_as("reviewer_a");

    const auto p = reviewer.pair_helper(household, first.id, "局机关联系村");
    EXPECT_EQ(p.household_id, household);
    EXPECT_EQ(p.helper_name, "李帮扶");
    EXPECT_EQ(p.helper_phone, "13900000001");  // 联系到人
    EXPECT_EQ(p.started_by, "reviewer_a");
    EXPECT_TRUE(p.current());
    refused([&] { reviewer.pair_helper(household, first.id, "再次结对"); }, 409, "already_paired");
    client_as("approver").pair_helper(household, second.id, "二帮一");
    refused([&] { reviewer.pair_helper(household, third.id, "第三人"); }, 409, "household_has_two_helpers");

    // The household's village and township see its helpers and how to reach them; another area does not.
    const auto seen = client_as("clerk_a").household_helpers(household);
    ASSERT_EQ(seen.current.size(), 2u);
    EXPECT_EQ(seen.current[0].helper_phone, "13900000001");
    EXPECT_EQ(seen.current[1].helper_name, "张帮扶");
    refused([&] { client_as("clerk_b").household_helpers(household); }, 403, "area_forbidden");
    EXPECT_EQ(client_as("admin").get_helper(first.id).households, 1);
    ASSERT_EQ(client_as("head_a").helper_households(first.id).size(), 1u);
    EXPECT_TRUE(client_as("reviewer_b").helper_households(first.id).empty()) << "another township's household";

    // Who may pair: the township over its own households, the poverty office; not a village, not an auditor.
    const auto other = registered_household(2);
    refused([&] { client_as("reviewer_b").pair_helper(other, third.id, "跨乡镇"); }, 403, "area_forbidden");
    refused([&] { client_as("clerk_a").pair_helper(other, third.id, "村级"); }, 403, "access_denied");
    refused([&] { client_as("supervisor").pair_helper(other, third.id, "督查"); }, 403, "access_denied");
    EXPECT_EQ(refused([&] { reviewer.pair_helper(other, third.id, ""); }, 422, "reason_required").field(), "reason");
    refused([&] { reviewer.pair_helper(other, 999, "无此人"); }, 404, "not_found");
    refused([&] { reviewer.pair_helper(999999, third.id, "无此户"); }, 404, "not_found");

    // Only a registered household: a pending file is not helped yet.
    const auto pending = client_as("clerk_a").create_household(test_data::sample_household({.group = group_a, .seed = 3}), "");
    refused([&] { reviewer.pair_helper(pending.id, third.id, "未建档"); }, 409, "household_not_registered");

    // An inactive helper takes no household, and a helper who still has households cannot be made inactive.
    auto busy = client_as("admin").get_helper(first.id);
    busy.active = false;
    EXPECT_EQ(refused([&] { client_as("admin").update_helper(busy); }, 409, "helper_has_households").details().at("households"),
              "1");
    auto idle = client_as("admin").get_helper(third.id);
    idle.active = false;
    client_as("admin").update_helper(idle);
    refused([&] { reviewer.pair_helper(other, third.id, "停用"); }, 409, "helper_inactive");

    EXPECT_EQ(count_where("pairings", "ended_at_ms IS NULL"), 2);
    EXPECT_EQ(count_where("audit_log", "action = 'pairing.start'"), 2);
    EXPECT_EQ(count_where("events", "kind = 'pairing.started' AND village_code = '" + village_a + "' AND public = 0"), 2);
}

TEST_P(pairing, a_helper_answers_for_at_most_the_countys_limit) {
    const auto u = unit();
    const auto h = helper(u.id, "李帮扶");
    auto reviewer = client_as("reviewer_a");
    for (int i = 0; i < limit; ++i) reviewer.pair_helper(registered_household(10 + i), h.id, "结对");
    const auto over = registered_household(20);
    const auto e = refused([&] { reviewer.pair_helper(over, h.id, "超出"); }, 409, "helper_full");
    EXPECT_EQ(e.details().at("limit"), std::to_string(limit));
    EXPECT_EQ(e.details().at("households"), std::to_string(limit));
    EXPECT_EQ(client_as("admin").get_helper(h.id).households, limit);
}

TEST_P(pairing, a_change_of_helper_keeps_the_history) {
    const auto u = unit();
    const auto first = helper(u.id, "李帮扶", "13900000001");
    const auto second = helper(u.id, "张帮扶", "13900000002");
    const auto household = registered_household(1);
    auto reviewer = client_as("reviewer_a");
    const auto p = reviewer.pair_helper(household, first.id, "局机关联系村");

    refused([&] { reviewer.change_pairing(p.id, first.id, "换成自己"); }, 409, "already_paired");
    const auto replacement = client_as("head_a").change_pairing(p.id, second.id, "李帮扶调离");
    EXPECT_EQ(replacement.helper_id, second.id);
    EXPECT_EQ(replacement.start_reason, "李帮扶调离");
    refused([&] { reviewer.change_pairing(p.id, second.id, "再换"); }, 409, "pairing_ended");

    auto seen = reviewer.household_helpers(household);
    ASSERT_EQ(seen.current.size(), 1u);
    EXPECT_EQ(seen.current[0].id, replacement.id);
    ASSERT_EQ(seen.history.size(), 2u);  // newest first
    const auto& old = seen.history[1];
    EXPECT_EQ(old.id, p.id);
    EXPECT_FALSE(old.current());
    EXPECT_EQ(old.ended_by, "head_a");
    EXPECT_EQ(old.end_reason, "李帮扶调离");
    EXPECT_EQ(old.replaced_by, replacement.id);
    EXPECT_EQ(client_as("admin").get_helper(first.id).households, 0);

    const auto ended = reviewer.end_pairing(replacement.id, "户已搬迁");
    EXPECT_EQ(ended.end_reason, "户已搬迁");
    refused([&] { reviewer.end_pairing(replacement.id, "再结束"); }, 409, "pairing_ended");
    refused([&] { client_as("reviewer_b").end_pairing(p.id, "他乡"); }, 403, "area_forbidden");
    seen = reviewer.household_helpers(household);
    EXPECT_TRUE(seen.current.empty());
    EXPECT_EQ(seen.history.size(), 2u);
    EXPECT_EQ(count_where("audit_log", "action = 'pairing.change'"), 1);
    EXPECT_EQ(count_where("audit_log", "action = 'pairing.end'"), 1);
    EXPECT_EQ(count_where("events", "kind IN ('pairing.changed', 'pairing.ended')"), 2);
}

// 20 pairings of one helper at once, each with its own household: exactly the limit succeed, the rest are told
// the helper is full; 20 helpers at once for one household: exactly two succeed.
TEST_P(pairing, parallel_pairings_never_pass_the_limits) {
    const auto u = unit();
    const auto h = helper(u.id, "李帮扶");
    std::vector<std::int64_t> households;
    for (int i = 0; i < 20; ++i) households.push_back(registered_household(100 + i));
    std::vector<common::helper> helpers;
    for (int i = 0; i < 20; ++i) helpers.push_back(helper(u.id, "帮扶" + std::to_string(i), "1390000" + std::to_string(1000 + i)));
    const auto one_household = registered_household(200);

    const auto run_parallel = [&](auto&& pair_one) {
        // Logged in one after the other (20 logins at once would be taken for password guessing), then let go.
        std::vector<client::api_client> reviewers;
        for (int i = 0; i < 20; ++i) reviewers.push_back(client_as("reviewer_a"));
        std::atomic<int> paired{0}, refused_full{0}, other{0};
        std::vector<std::thread> threads;
        for (int i = 0; i < 20; ++i)
            threads.emplace_back([&, i] {
                try {
                    pair_one(reviewers[static_cast<std::size_t>(i)], i);
                    ++paired;
                } catch (const client::client_error& e) {
                    if (e.code() == "helper_full" || e.code() == "household_has_two_helpers") ++refused_full;
                    else ++other;
                }
            });
        for (auto& t : threads) t.join();
        return std::tuple{paired.load(), refused_full.load(), other.load()};
    };

    const auto [paired, full, other] = run_parallel([&](client::api_client& c, int i) {
        c.pair_helper(households[static_cast<std::size_t>(i)], h.id, "并发结对");
    });
    EXPECT_EQ(paired, limit);
    EXPECT_EQ(full, 20 - limit);
    EXPECT_EQ(other, 0);
    EXPECT_EQ(count_where("pairings", "ended_at_ms IS NULL AND helper_id = " + std::to_string(h.id)), limit);

    const auto [paired2, full2, other2] = run_parallel([&](client::api_client& c, int i) {
        c.pair_helper(one_household, helpers[static_cast<std::size_t>(i)].id, "并发二帮一");
    });
    EXPECT_EQ(paired2, 2);
    EXPECT_EQ(full2, 18);
    EXPECT_EQ(other2, 0);
    EXPECT_EQ(count_where("pairings", "ended_at_ms IS NULL AND household_id = " + std::to_string(one_household)), 2);
}

INSTANTIATE_TEST_SUITE_P(backends, pairing, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
