// Half-yearly review rounds (半年审核调整) end to end over real TLS on both databases: the county opens a round,
// which enrols every registered household; villages enter their files again and the rules judge each (stays,
// proposed for exit, flagged); the progress per village and township counts what is outstanding, and overdue
// once the clock passes the deadline.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;
using nlohmann::json;

constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

class review_rounds : public archive_test {
protected:
    // A registered file of `group` (the sample's income: 2,300.50 yuan a year, so 2,300.50 a head for one
    // member), its status written before the server first reads it.
    std::int64_t registered(const std::string& group, int seed, int size = 1) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        const auto h = client_as(clerk).create_household(
            test_data::sample_household({.group = group, .seed = seed, .size = size}), "");
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(h.id, "registered", 1000));
        tx.commit();
        return h.id;
    }

    json open(client::api_client&& c, int half = 2, int deadline_in_days = 10) { return open(c, half, deadline_in_days); }
    json open(client::api_client& c, int half = 2, int deadline_in_days = 10) {
        return c.request_json(http_method::post, "/api/v1/review-rounds",
                              json{{"year", 2026}, {"half", half}, {"deadline", server_day(deadline_in_days)}}.dump());
    }

    static json enter(client::api_client&& c, std::int64_t round, const common::household& file) {
        return enter(c, round, file);
    }
    static json enter(client::api_client& c, std::int64_t round, const common::household& file,
                      const std::string& note = "") {
        return c.request_json(http_method::put,
                              "/api/v1/review-rounds/" + std::to_string(round) + "/households/" + std::to_string(file.id),
                              json{{"household", common::to_json(file)}, {"note", note}}.dump());
    }

    static json get(client::api_client&& c, const std::string& target) { return c.request_json(http_method::get, target); }

    long long count_where(const std::string& table, const std::string& condition) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM " + table + " WHERE " + condition).at(0).get_int64(0);
    }
};

TEST_P(review_rounds, the_county_opens_a_round_of_every_registered_household_and_each_area_sees_its_progress) {
    for (int i = 0; i < 3; ++i) registered(group_a, 10 + i);
    for (int i = 0; i < 2; ++i) registered(group_b, 20 + i);
    client_as("clerk_a").create_household(test_data::sample_household({.group = group_a, .seed = 30}), "");  // pending

    auto clerk = client_as("clerk_a");
    refused([&] { open(clerk); }, 403, "access_denied");
    auto admin = client_as("admin");
    const auto round = open(admin);
    EXPECT_EQ(round["households"], 5);
    EXPECT_EQ(round["entered"], 0);
    EXPECT_EQ(round["half"], 2);
    refused([&] { open(admin); }, 409, "round_exists");
    auto approver = client_as("approver");
    EXPECT_EQ(open(approver, 1)["households"], 5);  // the poverty office opens rounds too
    EXPECT_EQ(admin.request(http_method::post, "/api/v1/review-rounds",
                            json{{"year", 2026}, {"half", 3}, {"deadline", server_day(5)}}.dump()).status, 422);
    EXPECT_EQ(admin.request(http_method::post, "/api/v1/review-rounds",
                            json{{"year", 2027}, {"half", 1}, {"deadline", server_day(-1)}}.dump()).status, 422);

    const auto id = round["id"].dump();
    const auto all = get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/progress?by=township");
    ASSERT_EQ(all["items"].size(), 3u) << all.dump();
    EXPECT_EQ(all["items"][0]["area_code"], township_a);
    EXPECT_EQ(all["items"][0]["households"], 3);
    EXPECT_EQ(all["items"][1]["area_code"], township_b);
    EXPECT_EQ(all["items"][2]["area_code"], "");
    EXPECT_EQ(all["items"][2]["outstanding"], 5);
    EXPECT_EQ(all["items"][2]["overdue"], 0);
    // A township sees its own villages; another's is refused.
    const auto own = get(client_as("reviewer_a"), "/api/v1/review-rounds/" + id + "/progress");
    ASSERT_EQ(own["items"].size(), 2u);
    EXPECT_EQ(own["items"][0]["area_code"], village_a);
    EXPECT_EQ(own["items"][1]["households"], 3);
    refused([&] { get(client_as("reviewer_a"), "/api/v1/review-rounds/" + id + "/progress?area=" + township_b); },
            403, "area_forbidden");
    EXPECT_EQ(get(client_as("clerk_b"), "/api/v1/review-rounds")["items"].size(), 2u);
    EXPECT_EQ(count_where("audit_log", "action = 'review_round.open'"), 2);
}

TEST_P(review_rounds, each_file_entered_again_is_judged_and_what_is_late_is_overdue) {
    auto admin = client_as("admin");
    admin.set_poverty_line(2026, 230000);
    admin.set_exit_standard(2026, 330000, 3);
    const auto leaving = registered(group_a, 40);
    const auto jumping = registered(group_a, 41);
    const auto staying = registered(group_a, 42);
    const auto shrinking = registered(group_b, 43, 2);
    const auto late = registered(group_b, 44);
    const auto pending = client_as("clerk_a").create_household(
        test_data::sample_household({.group = group_a, .seed = 45}), "");
    const auto round = open(admin, 2, 3)["id"].get<std::int64_t>();

    auto clerk = client_as("clerk_a");
    // Above the exit line with 两不愁三保障: proposed for exit (3,450.50 yuan a head: up by half, not doubled).
    auto file = clerk.get_household(leaving);
    file.income.year = 2026;
    file.income.wages += 115000;
    file.conditions.food_secure = file.conditions.clothing_secure = true;
    file.conditions.housing = "safe";
    file.conditions.housing_danger_grade.clear();
    file.conditions.drinking_water_safe = true;
    file.conditions.drinking_water_difficult = false;
    for (auto& m : file.members) m.medical_insurance = true;
    auto entry = enter(clerk, round, file, "务工收入稳定");
    EXPECT_EQ(entry["outcome"], "proposed_exit") << entry.dump();
    EXPECT_EQ(entry["per_capita_before"], 2300.5);
    EXPECT_EQ(entry["per_capita_after"], 3450.5);
    EXPECT_EQ(entry["entered_by"], "clerk_a");
    EXPECT_EQ(entry["note"], "务工收入稳定");

    // The income more than doubled: flagged, whatever else it meets.
    file = clerk.get_household(jumping);
    file.income.year = 2026;
    file.income.wages += 3 * 230050;
    entry = enter(clerk, round, file);
    EXPECT_EQ(entry["outcome"], "flagged");
    EXPECT_EQ(entry["reasons"][0]["code"], "income_jump");
    // A 疑点 is the township's: the village cannot enter it again, the township reviewer can (after looking).
    file = clerk.get_household(jumping);
    file.income.wages = 115000;
    refused([&] { enter(clerk, round, file); }, 409, "entry_flagged");
    auto reviewer = client_as("reviewer_a");
    EXPECT_EQ(enter(reviewer, round, reviewer.get_household(jumping), "入户核实，收入为一次性补偿")["outcome"], "flagged")
        << "the same figures, the same flag";

    // Nothing new: stays, with what it still lacks of the exit standard.
    file = clerk.get_household(staying);
    file.income.year = 2026;
    entry = enter(clerk, round, file);
    EXPECT_EQ(entry["outcome"], "stays");
    EXPECT_FALSE(entry["reasons"].empty());
    EXPECT_EQ(entry["per_capita_after"], entry["per_capita_before"]);

    // A member gone: flagged.
    auto clerk_b = client_as("clerk_b");
    file = clerk_b.get_household(shrinking);
    ASSERT_GE(file.members.size(), 2u);
    file.members.pop_back();
    file.income.year = 2026;
    entry = enter(clerk_b, round, file);
    EXPECT_EQ(entry["outcome"], "flagged");
    EXPECT_EQ(entry["reasons"][0]["code"], "members_gone");

    // Refusals: another year's income, a file not in the round, a file of another village, an old version.
    file = clerk.get_household(staying);
    file.income.year = 2025;
    auto e = refused([&] { enter(clerk, round, file); }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "household.income.year");
    auto not_in_round = clerk.get_household(pending.id);
    not_in_round.income.year = 2026;
    refused([&] { enter(clerk, round, not_in_round); }, 404, "not_found");
    file = clerk_b.get_household(late);
    file.income.year = 2026;
    refused([&] { enter(clerk, round, file); }, 403, "area_forbidden");
    file = clerk.get_household(staying);
    file.income.year = 2026;
    file.version -= 1;
    refused([&] { enter(clerk, round, file); }, 409, "version_conflict");

    // The 疑点 list, and the progress: one outstanding, overdue once the deadline's day has passed.
    const auto id = std::to_string(round);
    const auto flagged = get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/entries?outcome=flagged");
    EXPECT_EQ(flagged["items"].size(), 2u);
    const auto own_flagged = get(client_as("reviewer_a"), "/api/v1/review-rounds/" + id + "/entries?outcome=flagged");
    ASSERT_EQ(own_flagged["items"].size(), 1u);
    EXPECT_EQ(own_flagged["items"][0]["household_id"], jumping);
    const auto outstanding = get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/entries?outcome=outstanding");
    ASSERT_EQ(outstanding["items"].size(), 1u);
    EXPECT_EQ(outstanding["items"][0]["household_id"], late);
    auto progress = get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/progress");
    auto total = progress["items"].back();
    EXPECT_EQ(total["entered"], 4);
    EXPECT_EQ(total["outstanding"], 1);
    EXPECT_EQ(total["flagged"], 2);
    EXPECT_EQ(total["overdue"], 0);
    *clock_offset_ms_ += 3 * day_ms;  // the deadline's day: still in time
    EXPECT_EQ(get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/progress")["items"].back()["overdue"], 0);
    *clock_offset_ms_ += day_ms;
    progress = get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/progress");
    EXPECT_EQ(progress["items"].back()["overdue"], 1);
    EXPECT_EQ(progress["items"][1]["area_code"], village_b);
    EXPECT_EQ(progress["items"][1]["overdue"], 1);
    // Late is still allowed: the entry is made, and nothing is overdue any more.
    auto late_clerk = client_as("clerk_b");
    file = late_clerk.get_household(late);
    file.income.year = 2026;
    enter(late_clerk, round, file);
    EXPECT_EQ(get(client_as("supervisor"), "/api/v1/review-rounds/" + id + "/progress")["items"].back()["overdue"], 0);
    EXPECT_EQ(count_where("audit_log", "action = 'household.review'"), 6);
    EXPECT_EQ(count_where("audit_log", "action = 'review_round.enter'"), 6);
    EXPECT_EQ(count_where("events", "kind = 'review_round.entered'"), 6);
}

INSTANTIATE_TEST_SUITE_P(backends, review_rounds, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
