// A helper (帮扶责任人) who logs in, end to end over real TLS on both databases: the county names an account of
// the role helper on the helper (one account, one helper); the helper then reads the households paired with him
// now, wherever they are, with their helpers, measures, plans and visits, records his own visits to them, and
// reaches nothing else: not a household he is not paired with, not the lists, not the feed, not another helper.
#include <gtest/gtest.h>

#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

class helper_account : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (IsSkipped()) return;
        common::helper_unit u{0, "县农业农村局", "county", county_code};
        unit_id_ = client_as("admin").create_helper_unit(u).id;
    }

    common::helper helper(const std::string& name, const std::string& account) {
        common::helper h;
        h.unit_id = unit_id_;
        h.name = name;
        h.phone = "13900000001";
        h.username = account;
        return client_as("admin").create_helper(h);
    }

    std::int64_t registered_household(int seed, const std::string& group) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        const auto stored =
            client_as(clerk).create_household(test_data::sample_household({.group = group, .seed = seed, .size = 2}), "");
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(stored.id, "registered", 1000));
        tx.commit();
        return stored.id;
    }

    static std::string code_of(const client::http_result& r) {
        return nlohmann::json::parse(r.body)["error"]["code"].get<std::string>();
    }

    std::int64_t unit_id_ = 0;
};

TEST_P(helper_account, the_account_named_on_a_helper_is_one_of_the_role_helper_and_no_other_helpers) {
    auto admin = client_as("admin");
    const auto me = helper("王帮扶", "helper_a");
    EXPECT_EQ(me.username, "helper_a");
    EXPECT_EQ(admin.get_helper(me.id).username, "helper_a");

    const auto refused = [&](const std::string& account) {
        return admin.request(http_method::post, "/api/v1/helpers",
                             nlohmann::json{{"unit_id", unit_id_}, {"name", "赵帮扶"}, {"phone", "13900000002"},
                                            {"username", account}}.dump());
    };
    auto r = refused("clerk_a");  // an account of another role
    EXPECT_EQ(r.status, 422) << r.body;
    EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["field"], "username");
    r = refused("nobody_here");
    EXPECT_EQ(r.status, 422) << r.body;
    r = refused("helper_a");  // already another helper's
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(code_of(r), "helper_account_taken");

    // An edit that does not send the account (written before helpers had one) keeps it.
    const auto kept = admin.request_json(http_method::put, "/api/v1/helpers/" + std::to_string(me.id),
                                         nlohmann::json{{"unit_id", unit_id_}, {"name", "王帮扶"}, {"phone", "13900000009"},
                                                        {"version", me.version}}.dump());
    EXPECT_EQ(kept["username"], "helper_a");
    auto current = admin.get_helper(me.id);

    // Taken away, the account is free for another helper; the first no longer names it.
    auto edited = current;
    edited.username.clear();
    EXPECT_TRUE(admin.update_helper(edited).username.empty());
    EXPECT_EQ(refused("helper_a").status, 201);

    // A helper's account may sit at the county, a township or a village (the office he logs in at), not a group.
    const auto account = [&](const std::string& name, const std::string& area) {
        return admin.request(http_method::post, "/api/v1/users",
                             nlohmann::json{{"username", name}, {"display_name", "帮扶账号"}, {"role", "helper"},
                                            {"area_code", area}, {"password", "a-long-password-1"}}.dump());
    };
    EXPECT_EQ(account("helper_village", village_a).status, 201);
    EXPECT_EQ(account("helper_county", county_code).status, 201);
    EXPECT_EQ(account("helper_group", group_a).status, 422);
}

TEST_P(helper_account, a_helper_reads_his_paired_households_wherever_they_are_and_nothing_else) {
    const auto me = helper("王帮扶", "helper_a");
    const auto other = helper("李帮扶", "");
    const auto near_home = registered_household(501, group_a);
    const auto far_away = registered_household(502, group_b);  // another township than his account's
    const auto not_his = registered_household(503, group_a);
    auto approver = client_as("approver");
    const auto pairing = approver.pair_helper(near_home, me.id, "一帮一").id;
    approver.pair_helper(far_away, me.id, "一帮一");
    approver.pair_helper(not_his, other.id, "一帮一");
    common::measure m;
    m.category = "industry";
    m.plan_year = 2026;
    m.content = "养殖肉牛";
    const auto measure = client_as("clerk_a").add_measure(near_home, m).id;

    auto helper_a = client_as("helper_a");
    EXPECT_EQ(helper_a.whoami()["user"]["helper_id"], me.id);
    for (const auto id : {near_home, far_away}) {
        const auto h = "/api/v1/households/" + std::to_string(id);
        for (const auto& target : {h, h + "/helpers", h + "/measures", h + "/plans/2026", h + "/visits", h + "/suggestions"}) {
            const auto r = helper_a.request(http_method::get, target);
            EXPECT_EQ(r.status, 200) << target << ": " << r.body;
        }
    }
    EXPECT_EQ(helper_a.get_measure(measure).household_id, near_home);
    const auto mine = helper_a.helper_households(me.id);  // all of his, not only his account's area's
    ASSERT_EQ(mine.size(), 2u);
    EXPECT_EQ(helper_a.get_helper(me.id).households, 2);

    // Not paired with him: refused, and so is everything read by area.
    const auto not_paired = helper_a.request(http_method::get, "/api/v1/households/" + std::to_string(not_his));
    EXPECT_EQ(not_paired.status, 403);
    EXPECT_EQ(code_of(not_paired), "not_paired");
    EXPECT_EQ(code_of(helper_a.request(http_method::get, "/api/v1/households/" + std::to_string(not_his) + "/visits")),
              "not_paired");
    for (const auto* target : {"/api/v1/households", "/api/v1/helpers", "/api/v1/helper-units", "/api/v1/sandaohu?year=2026",
                               "/api/v1/applications?year=2026", "/api/v1/postings", "/api/v1/events", "/api/v1/projects"}) {
        const auto r = helper_a.request(http_method::get, target);
        EXPECT_EQ(r.status, 403) << target << ": " << r.body;
        EXPECT_EQ(code_of(r), "access_denied") << target;
    }
    for (const auto& target : {"/api/v1/helpers/" + std::to_string(other.id),
                               "/api/v1/helpers/" + std::to_string(other.id) + "/households",
                               "/api/v1/households/" + std::to_string(near_home) + "/verdict?year=2026"}) {
        const auto r = helper_a.request(http_method::get, target);
        EXPECT_EQ(r.status, 403) << target << ": " << r.body;
    }
    // He records no measure, plan or pairing.
    EXPECT_EQ(helper_a.request(http_method::post, "/api/v1/households/" + std::to_string(near_home) + "/measures",
                               R"({"category":"industry","plan_year":2026,"content":"养殖"})").status, 403);
    EXPECT_EQ(helper_a.request(http_method::post, "/api/v1/households/" + std::to_string(near_home) + "/helpers",
                               nlohmann::json{{"helper_id", other.id}, {"reason", "结对"}}.dump()).status, 403);

    // Once the pairing ends, the household is out of his reach at once.
    approver.end_pairing(pairing, "调离");
    const auto ended = helper_a.request(http_method::get, "/api/v1/households/" + std::to_string(near_home));
    EXPECT_EQ(ended.status, 403);
    EXPECT_EQ(code_of(ended), "not_paired");
    EXPECT_EQ(helper_a.helper_households(me.id).size(), 1u);
}

TEST_P(helper_account, a_helper_records_his_own_visits_only) {
    const auto me = helper("王帮扶", "helper_a");
    const auto other = helper("李帮扶", "");
    const auto mine = registered_household(511, group_a);
    const auto theirs = registered_household(512, group_a);
    auto approver = client_as("approver");
    approver.pair_helper(mine, me.id, "二帮一");
    approver.pair_helper(mine, other.id, "二帮一");
    approver.pair_helper(theirs, other.id, "一帮一");

    auto helper_a = client_as("helper_a");
    common::visit v;
    v.kind = "home_visit";
    v.visited_on = "2026-01-05";
    v.done = "了解养殖进展";
    const auto recorded = helper_a.record_visit(mine, v);  // no helper named: it is his
    EXPECT_EQ(recorded.helper_id, me.id);
    EXPECT_EQ(recorded.recorded_by, "helper_a");
    v.helper_id = me.id;
    EXPECT_EQ(helper_a.record_visit(mine, v).helper_id, me.id);

    const auto visit = [&](std::int64_t household, const nlohmann::json& body) {
        return helper_a.request(http_method::post, "/api/v1/households/" + std::to_string(household) + "/visits",
                                body.dump());
    };
    const nlohmann::json base{{"kind", "home_visit"}, {"visited_on", "2026-01-06"}, {"done", "走访"}};
    auto as_other = base;
    as_other["helper_id"] = other.id;  // paired with the household too, but not him
    auto r = visit(mine, as_other);
    EXPECT_EQ(r.status, 403) << r.body;
    EXPECT_EQ(code_of(r), "access_denied");
    auto check = base;
    check["kind"] = "unannounced_check";  // the supervisors'
    EXPECT_EQ(code_of(visit(mine, check)), "access_denied");
    EXPECT_EQ(code_of(visit(theirs, base)), "not_paired");
    EXPECT_EQ(client_as("clerk_a").list_visits(mine).size(), 2u);
    EXPECT_EQ(client_as("clerk_a").list_visits(theirs).size(), 0u);

    // The supervisors' unannounced checks on his household are not his to read.
    common::visit check_visit;
    check_visit.kind = "unannounced_check";
    check_visit.visited_on = "2026-01-07";
    check_visit.done = "暗访核实帮扶成效";
    client_as("supervisor").record_visit(mine, check_visit);
    EXPECT_EQ(client_as("clerk_a").list_visits(mine).size(), 3u);
    const auto seen = helper_a.list_visits(mine);
    ASSERT_EQ(seen.size(), 2u);
    for (const auto& v : seen) EXPECT_NE(v.kind, "unannounced_check");
}

TEST_P(helper_account, the_reach_follows_the_account_from_one_helper_to_another) {
    auto admin = client_as("admin");
    const auto first = helper("王帮扶", "helper_a");
    const auto second = helper("李帮扶", "");
    const auto of_first = registered_household(531, group_a);
    const auto of_second = registered_household(532, group_a);
    auto approver = client_as("approver");
    approver.pair_helper(of_first, first.id, "一帮一");
    approver.pair_helper(of_second, second.id, "一帮一");
    auto helper_a = client_as("helper_a");
    const auto target = [](std::int64_t id) { return "/api/v1/households/" + std::to_string(id); };
    EXPECT_EQ(helper_a.request(http_method::get, target(of_first)).status, 200);
    EXPECT_EQ(helper_a.request(http_method::get, target(of_second)).status, 403);

    auto a = admin.get_helper(first.id);
    a.username.clear();
    admin.update_helper(a);
    auto b = admin.get_helper(second.id);
    b.username = "helper_a";
    admin.update_helper(b);
    EXPECT_EQ(helper_a.request(http_method::get, target(of_first)).status, 403);
    EXPECT_EQ(helper_a.request(http_method::get, target(of_second)).status, 200);
    EXPECT_EQ(helper_a.whoami()["user"]["helper_id"], second.id);
}

TEST_P(helper_account, an_account_no_helper_names_reaches_no_household) {
    const auto someone = helper("李帮扶", "");
    const auto household = registered_household(521, group_a);
    client_as("approver").pair_helper(household, someone.id, "一帮一");
    auto helper_a = client_as("helper_a");
    EXPECT_TRUE(helper_a.whoami()["user"]["helper_id"].is_null());
    const auto r = helper_a.request(http_method::get, "/api/v1/households/" + std::to_string(household));
    EXPECT_EQ(r.status, 403);
    EXPECT_EQ(code_of(r), "not_paired");
}

INSTANTIATE_TEST_SUITE_P(backends, helper_account, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
