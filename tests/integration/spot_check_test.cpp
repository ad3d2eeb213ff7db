// Spot checks (不定期抽查) end to end over real TLS on both databases: the supervisor draws a stratified sample
// from a seed the server makes (which draws the same files again for anyone who has it, and which the audit trail
// holds only as a hash), keeps it to himself, records each file's check once, and everyone reads the accuracy of
// their township and the county with the figures behind it.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/service/spot_check_draw.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/spot_check_repository.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;
using nlohmann::json;

class spot_checks : public archive_test {
protected:
    // `count` files of `group` with the standing given, written before the server first reads them.
    std::vector<std::int64_t> files(const std::string& group, int count, const std::string& status, int first_seed) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        std::vector<std::int64_t> ids;
        for (int i = 0; i < count; ++i) {
            const auto h = client_as(clerk).create_household(
                test_data::sample_household({.group = group, .seed = first_seed + i, .size = 1}), "");
            if (status != "pending") {
                auto db = server::sql::connect(database_->url());
                server::sql::transaction tx(*db, server::sql::tx_mode::write);
                std::optional<int> exit_year, until;
                if (status == "exited") exit_year = 2025, until = 2028;
                EXPECT_TRUE(server::storage::household_repository(*db).set_status(h.id, status, 1000, exit_year, until));
                tx.commit();
            }
            ids.push_back(h.id);
        }
        return ids;
    }

    static json draw(client::api_client& c, int share = 50, int minimum = 2) {
        return c.request_json(http_method::post, "/api/v1/spot-checks",
                              json{{"year", 2026}, {"share_percent", share}, {"minimum", minimum}}.dump());
    }

    static std::set<std::int64_t> drawn_ids(const json& check) {
        std::set<std::int64_t> out;
        for (const auto& i : check["items"]) out.insert(i["household_id"].get<std::int64_t>());
        return out;
    }

    static json record(client::api_client& c, std::int64_t check, std::int64_t household, const json& body) {
        return c.request_json(http_method::put,
                              "/api/v1/spot-checks/" + std::to_string(check) + "/households/" + std::to_string(household),
                              body.dump());
    }

    json accurate(const std::string& on = "") const {
        return {{"checked_on", on.empty() ? server_day() : on},
                {"method", "home_visit"},
                {"findings", json::array({{{"field", "members"}, {"correct", true}}})},
                {"verdict", "accurate"},
                {"follow_up", "none"}};
    }

    long long count_where(const std::string& table, const std::string& condition) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM " + table + " WHERE " + condition).at(0).get_int64(0);
    }
};

TEST_P(spot_checks, the_supervisor_draws_a_stratified_sample_that_its_seed_draws_again) {
    files(group_a, 6, "registered", 100);
    files(group_a, 3, "exited", 200);
    files(group_b, 4, "registered", 300);
    files(group_a, 2, "pending", 400);  // never applied: not in any stratum
    // One refused at identification: a stratum of its own.
    client_as("admin").request_json(http_method::put, "/api/v1/poverty-lines/2026", R"({"amount":3000})");
    auto clerk = client_as("clerk_a");
    const auto refused_file = files(group_a, 1, "pending", 450).front();
    const auto case_id = clerk.request_json(http_method::post, "/api/v1/applications",
                                            json{{"household_id", refused_file}, {"year", 2026}}.dump())["id"];
    clerk.request_json(http_method::post, "/api/v1/applications/" + case_id.dump() + "/steps",
                       json{{"action", "refuse"}, {"reason", "家有经商门面"}}.dump());

    auto supervisor = client_as("supervisor");
    const auto first = draw(supervisor);
    const auto seed = first["seed"].get<std::string>();
    EXPECT_EQ(seed.size(), 16u);
    EXPECT_EQ(first["drawn_by"], "supervisor");
    // 50 % rounded up, at least 2 (or all): A registered 3 of 6, A exited 2 of 3, A refused 1 of 1, B registered 2
    // of 4.
    ASSERT_EQ(first["strata"].size(), 4u) << first.dump();
    std::map<std::string, std::pair<int, int>> strata;
    for (const auto& s : first["strata"])
        strata[s["township_code"].get<std::string>() + "/" + s["standing"].get<std::string>()] = {s["population"], s["drawn"]};
    EXPECT_EQ(strata[township_a + "/registered"], std::make_pair(6, 3));
    EXPECT_EQ(strata[township_a + "/exited"], std::make_pair(3, 2));
    EXPECT_EQ(strata[township_a + "/refused"], std::make_pair(1, 1));
    EXPECT_EQ(strata[township_b + "/registered"], std::make_pair(4, 2));
    EXPECT_EQ(first["households"], 8);
    EXPECT_EQ(first["items"].size(), 8u);
    EXPECT_EQ(drawn_ids(first).count(refused_file), 1u);

    // Anyone with the seed draws the same files from the same archive (here: the draw run on the files the
    // database holds); each draw has a seed of its own.
    {
        auto db = server::sql::connect(database_->url());
        const auto redrawn = server::service::draw_sample(server::storage::spot_check_repository(*db).candidates(),
                                                          {2026, 50, 2, seed});
        std::set<std::int64_t> ids;
        for (const auto& d : redrawn.drawn) ids.insert(d.household_id);
        EXPECT_EQ(ids, drawn_ids(first));
    }
    const auto again = draw(supervisor);
    EXPECT_NE(again["id"], first["id"]);
    EXPECT_NE(again["seed"], first["seed"]);
    const auto defaults = supervisor.request_json(http_method::post, "/api/v1/spot-checks", R"({"year":2026})");
    EXPECT_EQ(defaults["share_percent"], 5);
    EXPECT_EQ(defaults["minimum"], 10);
    // The trail, which administrators read, holds the seed's hash only.
    const auto trail = client_as("admin").request_json(http_method::get, "/api/v1/audit?action=spot_check.draw");
    ASSERT_EQ(trail["items"].size(), 3u);
    EXPECT_EQ(trail.dump().find(seed), std::string::npos);
    EXPECT_EQ(trail["items"][0]["changes"]["seed_sha256"].get<std::string>().size(), 64u);

    // The sample is the supervisor's: the townships and villages neither draw nor read it.
    auto clerk_a = client_as("clerk_a");
    refused([&] { draw(clerk_a); }, 403, "access_denied");
    refused([&] { client_as("reviewer_a").request_json(http_method::get, "/api/v1/spot-checks"); }, 403, "access_denied");
    refused([&] { client_as("approver").request_json(http_method::get, "/api/v1/spot-checks/" + first["id"].dump()); },
            403, "access_denied");
    EXPECT_EQ(supervisor.request_json(http_method::get, "/api/v1/spot-checks")["items"].size(), 3u);
    const auto read = supervisor.request_json(http_method::get, "/api/v1/spot-checks/" + first["id"].dump());
    EXPECT_EQ(drawn_ids(read), drawn_ids(first));

    // Bad plans: 422 at the field, nothing drawn.
    for (const auto& [body, field] : std::vector<std::pair<std::string, std::string>>{
             {R"({"year":2026,"share_percent":0})", "share_percent"},
             {R"({"year":2026,"minimum":0})", "minimum"}}) {
        const auto r = supervisor.request(http_method::post, "/api/v1/spot-checks", body);
        EXPECT_EQ(r.status, 422) << body;
        EXPECT_EQ(json::parse(r.body)["error"]["field"], field) << body;
    }
    EXPECT_EQ(supervisor.request(http_method::post, "/api/v1/spot-checks", R"({"year":2026,"extra":1})").status, 400);
    // The seed is the server's to make.
    EXPECT_EQ(supervisor.request(http_method::post, "/api/v1/spot-checks", R"({"year":2026,"seed":"2027-H1"})").status,
              400);
    EXPECT_EQ(count_where("spot_checks", "1 = 1"), 3);
    EXPECT_EQ(count_where("audit_log", "action = 'spot_check.draw'"), 3);
}

TEST_P(spot_checks, each_file_is_checked_once_and_the_accuracy_shows_its_figures) {
    files(group_a, 4, "registered", 500);
    files(group_b, 2, "registered", 600);
    auto supervisor = client_as("supervisor");
    const auto check = draw(supervisor, 100, 1);  // every file
    const auto id = check["id"].get<std::int64_t>();
    std::vector<std::int64_t> in_a, in_b;
    for (const auto& i : check["items"])
        (i["township_code"] == township_a ? in_a : in_b).push_back(i["household_id"].get<std::int64_t>());
    ASSERT_EQ(in_a.size(), 4u);
    ASSERT_EQ(in_b.size(), 2u);

    auto done = record(supervisor, id, in_a[0], accurate());
    EXPECT_EQ(done["result"]["verdict"], "accurate");
    EXPECT_EQ(done["result"]["checked_by"], "supervisor");
    refused([&] { record(supervisor, id, in_a[0], accurate()); }, 409, "already_checked");
    refused([&] { record(supervisor, id, 999999, accurate()); }, 404, "not_found");
    refused([&] { record(supervisor, id, in_a[1], accurate("2030-01-01")); }, 422, "invalid_value");
    refused([&] { record(supervisor, id, in_a[1], accurate("2020-01-01")); }, 422, "invalid_value");  // before the draw
    auto reviewer_a = client_as("reviewer_a");
    refused([&] { record(reviewer_a, id, in_a[1], accurate()); }, 403, "access_denied");
    // A registered household cannot be one that should have been in; a check lists what it looked at.
    auto misfit = accurate();
    misfit["verdict"] = "should_enter";
    misfit["follow_up"] = "identification";
    EXPECT_EQ(refused([&] { record(supervisor, id, in_a[1], misfit); }, 422, "invalid_value").field(), "verdict");
    auto empty = accurate();
    empty["findings"] = json::array();
    EXPECT_EQ(refused([&] { record(supervisor, id, in_a[1], empty); }, 422, "invalid_value").field(), "findings");

    // An inaccurate file: its correction is due until the file is edited.
    json wrong{{"checked_on", server_day()},
               {"method", "unannounced"},
               {"findings", json::array({{{"field", "income"}, {"correct", false}, {"found", "家中开有小卖部，年收入约2万元"}},
                                         {{"field", "members"}, {"correct", true}}})},
               {"verdict", "inaccurate"},
               {"follow_up", "correction"},
               {"note", "建议乡镇复核"}};
    done = record(supervisor, id, in_a[1], wrong);
    EXPECT_FALSE(done["follow_up_done"].get<bool>());
    auto reviewer = client_as("reviewer_a");
    auto file = reviewer.get_household(in_a[1]);
    file.phone = "13900002222";
    reviewer.update_household(file);
    const auto after = supervisor.request_json(http_method::get, "/api/v1/spot-checks/" + std::to_string(id));
    for (const auto& i : after["items"])
        if (i["household_id"] == in_a[1]) {
            EXPECT_TRUE(i["follow_up_done"].get<bool>()) << i.dump();
        }
    record(supervisor, id, in_b[0], accurate());

    // The accuracy: the supervisor sees every township and the county; a township its own and the county.
    const auto all = supervisor.request_json(http_method::get, "/api/v1/spot-checks/" + std::to_string(id) + "/accuracy");
    ASSERT_EQ(all["items"].size(), 3u) << all.dump();
    EXPECT_EQ(all["items"][0]["township_code"], township_a);
    EXPECT_EQ(all["items"][0]["sampled"], 4);
    EXPECT_EQ(all["items"][0]["checked"], 2);
    EXPECT_EQ(all["items"][0]["accurate"], 1);
    EXPECT_EQ(all["items"][0]["inaccurate"], 1);
    EXPECT_EQ(all["items"][0]["accuracy_per_mille"], 500);
    EXPECT_EQ(all["items"][1]["accuracy_per_mille"], 1000);
    EXPECT_EQ(all["items"][2]["township_code"], "");
    EXPECT_EQ(all["items"][2]["sampled"], 6);
    EXPECT_EQ(all["items"][2]["checked"], 3);
    EXPECT_EQ(all["items"][2]["accuracy_per_mille"], 667);
    const auto own = client_as("reviewer_a").request_json(http_method::get,
                                                          "/api/v1/spot-checks/" + std::to_string(id) + "/accuracy");
    ASSERT_EQ(own["items"].size(), 2u);
    EXPECT_EQ(own["items"][0]["township_code"], township_a);
    EXPECT_EQ(own["items"][1]["township_code"], "");
    EXPECT_EQ(count_where("audit_log", "action = 'spot_check.record'"), 3);
    EXPECT_EQ(count_where("events", "kind = 'spot_check.checked' AND village_code = '" + village_a + "'"), 2);
}

INSTANTIATE_TEST_SUITE_P(backends, spot_checks, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
