// The cross-township person lookup (GET /api/v1/people) end to end over real TLS on both databases: the whole
// file within the caller's area, the masked name and nothing personal for another township's, the audit entry
// under the masked ID number, the per-user rate limit shared through the database (sequential and concurrent),
// and the person_already_registered refusal telling the same as the lookup (API and import).
#include <gtest/gtest.h>

#include <atomic>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/household_json.hpp"
#include "common/id_number.hpp"
#include "server/service/archive_import.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/connection.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;
using client::http_method;
using nlohmann::json;

json lookup(client::api_client& c, const std::string& id_number) {
    return c.request_json(http_method::get, "/api/v1/people?id_number=" + id_number);
}

class person_lookup : public archive_test {
protected:
    // A file of village_a (township_a) whose head is 张三 and whose second member is 欧阳小明.
    common::household file_in_village_a(int seed) {
        auto h = test_data::sample_household({.group = group_a, .seed = seed});
        h.members[0].name = "张三";
        h.members[1].name = "欧阳小明";
        return client_as("clerk_a").create_household(h, "");
    }
};

TEST_P(person_lookup, the_own_area_sees_the_whole_file) {
    const auto stored = file_in_village_a(1);
    for (const std::string user : {"clerk_a", "reviewer_a", "head_a", "approver", "supervisor"}) {
        auto c = client_as(user);
        const auto answer = c.lookup_person(stored.members[1].id_number);
        EXPECT_EQ(answer["found"], true) << user;
        EXPECT_EQ(answer["township_code"], township_a) << user;
        EXPECT_EQ(answer["village_code"], village_a) << user;
        EXPECT_EQ(answer["village_name"], stored.village_name) << user;
        EXPECT_EQ(answer["household_status"], "pending") << user;
        EXPECT_EQ(answer["name"], "欧阳小明") << user;
        EXPECT_EQ(answer["household_id"], stored.id) << user;
        ASSERT_TRUE(answer.contains("household")) << user;
        EXPECT_EQ(answer["household"], common::to_json(stored)) << user;
    }
}

TEST_P(person_lookup, another_township_sees_only_what_a_posting_shows) {
    const auto stored = file_in_village_a(2);
    for (const std::string user : {"reviewer_b", "clerk_b"}) {
        auto c = client_as(user);
        const auto head = lookup(c, stored.members[0].id_number);
        EXPECT_EQ(head["name"], "张*") << user;
        const auto answer = lookup(c, stored.members[1].id_number);
        EXPECT_EQ(answer["name"], "欧***") << user;
        EXPECT_EQ(answer["found"], true);
        EXPECT_EQ(answer["township_code"], township_a);
        EXPECT_EQ(answer["township_name"], stored.township_name);
        EXPECT_EQ(answer["village_code"], village_a);
        EXPECT_EQ(answer["village_name"], stored.village_name);
        EXPECT_EQ(answer["household_status"], "pending");
        // Exactly these keys: no household id, no file, nothing personal beyond the masked name.
        std::set<std::string> keys;
        for (const auto& [key, value] : answer.items()) keys.insert(key);
        EXPECT_EQ(keys, (std::set<std::string>{"found", "township_code", "township_name", "village_code",
                                               "village_name", "household_status", "name"}));
        const auto body = c.last_result().body;
        for (const auto& m : stored.members) {
            EXPECT_EQ(body.find(m.id_number), std::string::npos) << user;
            EXPECT_EQ(body.find(m.id_number.substr(6, 8)), std::string::npos) << "birth date leaked to " << user;
        }
        for (const auto& text : {stored.phone, stored.bank_account, stored.address, std::string("欧阳小明"),
                                 std::string("张三"), std::string("王小明")})
            EXPECT_EQ(body.find(text), std::string::npos) << text << " leaked to " << user;
    }
}

TEST_P(person_lookup, nobody_registered_is_not_found) {
    file_in_village_a(3);
    auto c = client_as("reviewer_b");
    const auto answer = lookup(c, test_data::demo_id_number("19800101", 999));
    EXPECT_EQ(answer, json({{"found", false}}));
}

TEST_P(person_lookup, an_invalid_number_is_refused_without_echoing_it) {
    auto c = client_as("reviewer_b");
    auto good = test_data::demo_id_number("19800101", 123);
    auto bad = good.substr(0, 17) + (good[17] == '1' ? '2' : '1');
    auto e = refused([&] { lookup(c, bad); }, 422, "invalid_id_number");
    EXPECT_EQ(e.field(), "id_number");
    EXPECT_EQ(c.last_result().body.find(bad), std::string::npos);
    EXPECT_EQ(c.last_result().body.find(bad.substr(0, 17)), std::string::npos);
    refused([&] { lookup(c, "12345"); }, 422, "invalid_id_number");
    refused([&] { c.request_json(http_method::get, "/api/v1/people"); }, 400, "invalid_parameter");
    // Refused numbers are neither counted nor audited: they cannot find anyone.
    EXPECT_EQ(count_rows("lookup_times"), 0);
}

TEST_P(person_lookup, every_lookup_is_audited_under_the_masked_number_only) {
    const auto stored = file_in_village_a(4);
    auto b = client_as("reviewer_b");
    lookup(b, stored.members[2].id_number);
    const auto nobody = test_data::demo_id_number("19800101", 998);
    lookup(b, nobody);

    auto supervisor = client_as("supervisor");
    const auto trail = supervisor.request_json(http_method::get, "/api/v1/audit?action=person.lookup");
    ASSERT_EQ(trail["items"].size(), 2u);
    const auto& miss = trail["items"][0];  // newest first
    const auto& hit = trail["items"][1];
    EXPECT_EQ(hit["user"], "reviewer_b");
    EXPECT_EQ(hit["outcome"], "ok");
    EXPECT_EQ(hit["record"], "person/" + common::mask_id_number(stored.members[2].id_number));
    EXPECT_EQ(hit["changes"]["found"], true);
    EXPECT_EQ(hit["changes"]["township_code"], township_a);
    EXPECT_EQ(miss["record"], "person/" + common::mask_id_number(nobody));
    EXPECT_EQ(miss["changes"]["found"], false);
    // The whole trail, as text: never a full number, nor its birth date and sequence.
    const auto text = supervisor.request(http_method::get, "/api/v1/audit?page_size=200").body;
    for (const auto& number : {stored.members[2].id_number, nobody})
        EXPECT_EQ(text.find(number.substr(6, 11)), std::string::npos) << text;
}

// The person_already_registered refusal carries what the lookup shows: masked for another township.
TEST_P(person_lookup, a_second_registration_is_refused_with_what_the_lookup_shows) {
    const auto stored = file_in_village_a(5);
    auto elsewhere = test_data::sample_household({.group = group_b, .seed = 6});
    test_data::renumber(elsewhere.members[1], stored.members[1].id_number);
    auto e = refused([&] { client_as("reviewer_b").create_household(elsewhere, ""); }, 409,
                     "person_already_registered");
    EXPECT_EQ(e.field(), "members[1].id_number");
    EXPECT_EQ(e.details()["name"], "欧***");
    EXPECT_EQ(e.details()["household_status"], "pending");
    EXPECT_EQ(e.details()["township_code"], township_a);
    EXPECT_EQ(e.details()["village_code"], village_a);
    EXPECT_FALSE(e.details().contains("household_id"));
    auto b = client_as("reviewer_b");
    const auto looked_up = lookup(b, stored.members[1].id_number);
    for (const char* key : {"name", "household_status", "township_code", "township_name", "village_code", "village_name"})
        EXPECT_EQ(e.details()[key], looked_up[key]) << key;

    // Within the file's own township: the full name and the file number.
    auto same = test_data::sample_household({.group = group_a, .seed = 7});
    same.members[2].id_number = stored.members[1].id_number;
    e = refused([&] { client_as("reviewer_a").create_household(same, ""); }, 409, "person_already_registered");
    EXPECT_EQ(e.details()["name"], "欧阳小明");
    EXPECT_EQ(e.details()["household_id"], std::to_string(stored.id));

    // county-server households import goes through the same check: the file is not created.
    auto db = server::sql::connect(database_->url());
    server::service::household_service households([] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::system_clock::now().time_since_epoch())
            .count();
    });
    const auto imported = server::service::import_households(*db, households, county_code, {elsewhere});
    EXPECT_EQ(imported.created, 0u);
    EXPECT_EQ(imported.already_present, 0u);  // not a re-run: someone in it is registered in another file
    ASSERT_EQ(imported.refused.size(), 1u);
    EXPECT_NE(imported.refused[0].find("person_already_registered"), std::string::npos) << imported.refused[0];
    EXPECT_EQ(count_rows("households"), 1);
    // Importing the stored file again is a re-run: counted as present, not refused.
    const auto again = server::service::import_households(*db, households, county_code, {stored});
    EXPECT_EQ(again.already_present, 1u);
    EXPECT_TRUE(again.refused.empty());
}

// A small limit, so the tests reach it.
class person_lookup_limit : public person_lookup {
protected:
    static constexpr int limit = 5;
    void configure(server::server_config& config) override {
        config.lookup_limit = limit;
        config.lookup_window = std::chrono::seconds(60);
    }
};

TEST_P(person_lookup_limit, the_limit_plus_first_lookup_waits_for_the_window) {
    const auto stored = file_in_village_a(8);
    auto clerk = client_as("clerk_a");
    for (int i = 0; i < limit; ++i) lookup(clerk, stored.members[i % 3].id_number);
    auto e = refused([&] { lookup(clerk, stored.members[0].id_number); }, 429, "rate_limited");
    EXPECT_GE(e.retry_after_seconds(), 1);
    EXPECT_LE(e.retry_after_seconds(), 60);
    refused([&] { lookup(clerk, stored.members[0].id_number); }, 429, "rate_limited");
    // Refused lookups are neither counted nor audited.
    EXPECT_EQ(count_rows("lookup_times"), limit);
    auto supervisor = client_as("supervisor");
    EXPECT_EQ(supervisor.request_json(http_method::get, "/api/v1/audit?action=person.lookup")["items"].size(),
              static_cast<std::size_t>(limit));

    // Another user has a window of their own.
    auto other = client_as("reviewer_a");
    EXPECT_EQ(lookup(other, stored.members[0].id_number)["found"], true);

    // Once the window has passed the same session may look up again (61 s is well within the 30 minutes a
    // session may stay idle; a longer window would need a new login here).
    *clock_offset_ms_ += 61 * 1000;
    EXPECT_EQ(lookup(clerk, stored.members[0].id_number)["name"], "张三");
    // The user's lookups that left the window are forgotten as the user goes on: one of clerk_a, one of
    // reviewer_a.
    EXPECT_EQ(count_rows("lookup_times"), 2);
}

// A refused create that says where another area's person is registered tells what a lookup tells: it is counted
// and audited as one, so creating files cannot page through the county either.
TEST_P(person_lookup_limit, refusals_that_tell_where_another_area_s_person_is_count_as_lookups) {
    const auto stored = file_in_village_a(10);
    auto reviewer = client_as("reviewer_b");
    for (int i = 0; i < limit; ++i) {
        auto probe = test_data::sample_household({.group = group_b, .seed = 20 + i});
        test_data::renumber(probe.members[1], stored.members[i % 3].id_number);
        refused([&] { reviewer.create_household(probe, ""); }, 409, "person_already_registered");
    }
    auto probe = test_data::sample_household({.group = group_b, .seed = 30});
    probe.members[2].id_number = stored.members[0].id_number;
    // Over the limit the refusal still tells that the person is registered in another area (a person of one's
    // own area gets 409 with the file, an unregistered one is stored): it withholds the township, and it is
    // counted and audited all the same.
    refused([&] { reviewer.create_household(probe, ""); }, 429, "rate_limited");
    refused([&] { lookup(reviewer, stored.members[0].id_number); }, 429, "rate_limited");  // tells nothing
    EXPECT_EQ(count_rows("lookup_times"), limit + 1);
    const auto audited =
        client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=person.lookup")["items"];
    ASSERT_EQ(audited.size(), static_cast<std::size_t>(limit + 1));
    EXPECT_EQ(audited[0]["user"], "reviewer_b");
    EXPECT_EQ(audited[0]["changes"]["by"], "refusal");
    EXPECT_EQ(audited[0]["changes"]["over_limit"], true);
    EXPECT_FALSE(audited[1]["changes"].contains("over_limit"));
    // Within one's own area the refusal names the file (household_id): that is no lookup of anyone else's.
    auto clerk = client_as("clerk_a");
    auto same = test_data::sample_household({.group = group_a, .seed = 31});
    test_data::renumber(same.members[1], stored.members[1].id_number);
    for (int i = 0; i < limit + 1; ++i)
        refused([&] { clerk.create_household(same, ""); }, 409, "person_already_registered");
}

TEST_P(person_lookup_limit, concurrent_lookups_never_pass_the_limit) {
    const auto stored = file_in_village_a(9);
    constexpr int threads_count = 10;
    std::vector<client::api_client> clients;
    for (int i = 0; i < threads_count; ++i) clients.push_back(client_as("clerk_a"));
    std::atomic<int> answered{0}, limited{0}, other{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < threads_count; ++i)
        threads.emplace_back([&, i] {
            try {
                lookup(clients[i], stored.members[i % 3].id_number);
                ++answered;
            } catch (const client_error& e) {
                (e.code() == "rate_limited" ? limited : other)++;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(answered, limit);
    EXPECT_EQ(limited, threads_count - limit);
    EXPECT_EQ(other, 0);
    EXPECT_EQ(count_rows("lookup_times"), limit);
}

INSTANTIATE_TEST_SUITE_P(backends, person_lookup, ::testing::Values("sqlite", "mysql"), backend_name);
INSTANTIATE_TEST_SUITE_P(backends, person_lookup_limit, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
