// The exit procedure (脱贫退出) end to end over real TLS on both databases (docs/procedure.md): the village
// proposes a registered household that meets the year's exit standard, its panel votes, the household signs,
// the village posts, the township reviews, the county approves and announces, and the household leaves, keeping
// its helpers and measures through the transition period (脱贫不脱政策). The clock is moved through both
// postings and past the transition; a household that falls back (返贫) re-enters through identification with
// its exit kept in its history.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
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

constexpr int year = 2026;
constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

class exit_procedure : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (HasFatalFailure() || IsSkipped()) return;
        auto admin = client_as("admin");
        admin.set_poverty_line(year, 230000);
        admin.set_exit_standard(year, 330000, 3);  // policies kept through 2029
    }

    void advance_days(int days) { *clock_offset_ms_ += days * day_ms; }

    // A registered file of village A that meets the exit standard of the year (income above 3,300 yuan a head,
    // 两不愁三保障 recorded).
    common::household registered_meeting_file(int seed) {
        auto h = test_data::sample_household({.group = group_a, .seed = seed});
        h.income = {};
        h.income.year = year;
        h.income.wages = 3 * 500000;
        h.conditions.food_secure = h.conditions.clothing_secure = true;
        h.conditions.housing = "safe";
        h.conditions.housing_danger_grade.clear();
        h.conditions.drinking_water_safe = true;
        h.conditions.drinking_water_difficult = false;
        for (auto& m : h.members) m.medical_insurance = true;
        const auto stored = client_as("clerk_a").create_household(h, "");
        set_status(stored.id, "registered");
        return client_as("clerk_a").get_household(stored.id);
    }

    void set_status(std::int64_t id, const std::string& status, std::optional<int> exit_year = std::nullopt,
                    std::optional<int> policies_until = std::nullopt) {
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(id, status, 1000, exit_year, policies_until));
        tx.commit();
    }

    static json propose(client::api_client&& c, std::int64_t household_id) { return propose(c, household_id); }
    static json propose(client::api_client& c, std::int64_t household_id) {
        return c.request_json(http_method::post, "/api/v1/exit-proposals",
                              json{{"household_id", household_id}, {"year", year}}.dump());
    }

    static json step(client::api_client&& c, std::int64_t id, const json& body) { return step(c, id, body); }
    static json step(client::api_client& c, std::int64_t id, const json& body) {
        return c.request_json(http_method::post, "/api/v1/applications/" + std::to_string(id) + "/steps", body.dump());
    }

    json vote(int votes_for, std::string meeting_date = "") const {
        if (meeting_date.empty()) meeting_date = server_day();
        json panel = json::array();
        for (int i = 1; i <= 9; ++i) panel.push_back("评议员" + std::to_string(i));
        return {{"meeting_date", meeting_date}, {"panel", panel}, {"votes_for", votes_for},
                {"votes_against", 9 - votes_for}, {"votes_abstain", 0}};
    }

    json acknowledgement(const common::household& h) {
        return {{"acknowledged_on", server_day()}, {"signed_by", h.head_name}, {"witness", "驻村工作队员李四"}};
    }

    static json post(client::api_client&& c, const std::string& level, const std::string& area) {
        return post(c, level, area);
    }
    static json post(client::api_client& c, const std::string& level, const std::string& area) {
        return c.request_json(http_method::post, "/api/v1/postings",
                              json{{"level", level}, {"area_code", area}, {"year", year}}.dump());
    }

    std::string state_of(std::int64_t id) {
        return client_as("approver").request_json(http_method::get, "/api/v1/applications/" + std::to_string(id))["state"];
    }

    // Takes a household from its proposal to exited: the village's part, 7 days, the township and the county,
    // 15 days. Returns the case.
    std::int64_t exit_household(const common::household& h) {
        auto clerk = client_as("clerk_a");
        const auto id = propose(clerk, h.id)["id"].get<std::int64_t>();
        step(clerk, id, {{"action", "appraise"}, {"vote", vote(9)}});
        step(clerk, id, {{"action", "acknowledge"}, {"acknowledgement", acknowledgement(h)}});
        post(clerk, "exit_village", village_a);
        advance_days(7);
        step(client_as("reviewer_a"), id, {{"action", "review"}});
        auto approver = client_as("approver");
        step(approver, id, {{"action", "approve"}});
        post(approver, "exit_county", county_code);
        advance_days(15);
        step(client_as("approver"), id, {{"action", "exit"}});
        return id;
    }

    long long count_where(const std::string& table, const std::string& condition) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM " + table + " WHERE " + condition).at(0).get_int64(0);
    }

    static common::measure measure(int plan_year) {
        common::measure m;
        m.category = "industry";
        m.plan_year = plan_year;
        m.content = "发放良种猪2头，技术员跟踪指导";
        m.funds = {{"central", 300000, 0}};
        return m;
    }
};

TEST_P(exit_procedure, a_household_goes_through_every_step_to_exited_and_keeps_its_policies) {
    const auto h = registered_meeting_file(1);
    auto clerk = client_as("clerk_a");
    const auto proposed = propose(clerk, h.id);
    const auto id = proposed["id"].get<std::int64_t>();
    EXPECT_EQ(proposed["kind"], "exit");
    EXPECT_EQ(proposed["state"], "exit_proposed");
    EXPECT_EQ(proposed["steps"][0]["action"], "propose");
    EXPECT_TRUE(proposed["steps"][0]["details"]["verdict"]["meets"].get<bool>());

    // The panel's vote, then the household's signature; each in its turn, each with what it needs.
    refused([&] { step(clerk, id, {{"action", "acknowledge"}, {"acknowledgement", acknowledgement(h)}}); }, 409,
            "step_out_of_order");
    auto e = refused([&] { step(clerk, id, {{"action", "appraise"}}); }, 422, "missing_field");
    EXPECT_EQ(e.field(), "vote");
    e = refused([&] { step(clerk, id, {{"action", "appraise"}, {"vote", vote(9, server_day(1))}}); }, 422,
                "invalid_value");
    EXPECT_EQ(e.field(), "vote.meeting_date");
    e = refused([&] { step(clerk, id, {{"action", "appraise"}, {"vote", vote(9, "2026-01-01")}}); }, 422,
                "invalid_value");  // before the proposal
    EXPECT_EQ(e.field(), "vote.meeting_date");
    e = refused([&] { step(clerk, id, {{"action", "return"}, {"reason", "x"}, {"vote", vote(9)}}); }, 422,
                "invalid_value");  // a vote rides on no other step
    EXPECT_EQ(e.field(), "vote");
    auto short_panel = vote(5);
    short_panel["panel"].erase(0);
    refused([&] { step(clerk, id, {{"action", "appraise"}, {"vote", short_panel}}); }, 422, "invalid_panel");
    refused([&] { step(client_as("reviewer_a"), id, {{"action", "appraise"}, {"vote", vote(9)}}); }, 403,
            "access_denied");
    EXPECT_EQ(step(clerk, id, {{"action", "appraise"}, {"vote", vote(8)}})["state"], "exit_appraised");
    auto wrong = acknowledgement(h);
    wrong["signed_by"] = "不是本户的人";
    e = refused([&] { step(clerk, id, {{"action", "acknowledge"}, {"acknowledgement", wrong}}); }, 422,
                "invalid_value");
    EXPECT_EQ(e.field(), "acknowledgement.signed_by");
    EXPECT_EQ(step(clerk, id, {{"action", "acknowledge"}, {"acknowledgement", acknowledgement(h)}})["state"],
              "exit_acknowledged");

    // The village's posting: 7 days, and an objection holds the case until it is answered.
    const auto village_posting = post(clerk, "exit_village", village_a);
    EXPECT_EQ(village_posting["level"], "exit_village");
    EXPECT_EQ(village_posting["days"], 7);
    EXPECT_EQ(village_posting["entries"].size(), 1u);
    EXPECT_EQ(village_posting.dump().find(h.members[0].id_number), std::string::npos) << "a posting shows no ID";
    EXPECT_EQ(state_of(id), "exit_village_posted");
    refused([&] { step(client_as("reviewer_a"), id, {{"action", "review"}}); }, 409, "posting_not_over");
    const auto objection = client_as("clerk_a").request_json(
        http_method::post, "/api/v1/applications/" + std::to_string(id) + "/objections",
        json{{"objector_name", "村民王五"}, {"grounds", "该户主要靠低保，收入不稳定"}}.dump());
    // The township decides an exit on the village's posting: the village records an objection, and cannot
    // answer it (an upheld objection would refuse or return the case).
    const auto answer_path = "/api/v1/objections/" + std::to_string(objection["id"].get<std::int64_t>()) + "/answer";
    refused([&] { client_as("clerk_a").request_json(http_method::post, answer_path,
                                                    json{{"outcome", "upheld"}, {"answer", "属实"},
                                                         {"consequence", "refuse"}}.dump()); },
            403, "access_denied");
    advance_days(6);  // the posting's last day
    refused([&] { step(client_as("reviewer_a"), id, {{"action", "review"}}); }, 409, "posting_not_over");
    advance_days(1);
    refused([&] { step(client_as("reviewer_a"), id, {{"action", "review"}}); }, 409, "objection_pending");
    client_as("reviewer_a").request_json(http_method::post,
                                         "/api/v1/objections/" + std::to_string(objection["id"].get<std::int64_t>()) +
                                             "/answer",
                                         json{{"outcome", "dismissed"}, {"answer", "经核实务工收入稳定"}}.dump());

    // The township reviews and the county approves, the standard judged again at each.
    auto reviewer = client_as("reviewer_a");
    refused([&] { step(reviewer, id, {{"action", "approve"}}); }, 409, "step_out_of_order");
    EXPECT_EQ(step(reviewer, id, {{"action", "review"}})["state"], "exit_reviewed");
    auto approver = client_as("approver");
    EXPECT_EQ(step(approver, id, {{"action", "approve"}})["state"], "exit_approved");
    const auto county_posting = post(approver, "exit_county", county_code);
    EXPECT_EQ(county_posting["days"], 15);
    EXPECT_EQ(county_posting.dump().find(h.members[0].id_number), std::string::npos);
    advance_days(14);  // the 15th day is still the posting's
    refused([&] { step(client_as("approver"), id, {{"action", "exit"}}); }, 409, "posting_not_over");
    advance_days(1);
    approver = client_as("approver");
    refused([&] { step(client_as("reviewer_a"), id, {{"action", "exit"}}); }, 403, "access_denied");
    const auto exited = step(approver, id, {{"action", "exit"}});
    EXPECT_EQ(exited["state"], "exited");

    // The file: exited in 2026, its policies kept through 2029; the history says who did what.
    const auto file = client_as("clerk_a").get_household(h.id);
    EXPECT_EQ(file.status, "exited");
    EXPECT_EQ(file.exit_year, std::optional<int>(2026));
    EXPECT_EQ(file.policies_until, std::optional<int>(2029));
    EXPECT_EQ(file.version, h.version + 1);
    const auto history = approver.request_json(http_method::get, "/api/v1/applications/" + std::to_string(id));
    std::vector<std::string> actions;
    for (const auto& s : history["steps"]) actions.push_back(s["action"]);
    EXPECT_EQ(actions, (std::vector<std::string>{"propose", "appraise", "acknowledge", "post", "object", "answer",
                                                 "review", "approve", "post", "exit"}));
    const auto& vote_details = history["steps"][1]["details"];
    EXPECT_EQ(vote_details["vote"]["votes_for"], 8);
    const auto& ack = history["steps"][2]["details"];
    EXPECT_EQ(ack["acknowledgement"]["witness"], "驻村工作队员李四");
    EXPECT_EQ(count_where("audit_log", "action = 'household.exit'"), 1);
    EXPECT_EQ(count_where("audit_log", "action = 'application.exit'"), 1);
    EXPECT_EQ(count_where("events", "kind = 'application.exit' AND public = 1"), 1);

    // 脱贫不脱政策: measures go on through 2029; in 2030 the household is no longer helped.
    EXPECT_NO_THROW(client_as("clerk_a").add_measure(h.id, measure(2027)));
    *clock_offset_ms_ += 4 * 365 * day_ms;  // into 2030
    refused([&] { client_as("clerk_a").add_measure(h.id, measure(2030)); }, 409, "household_not_registered");
}

TEST_P(exit_procedure, only_a_registered_household_that_meets_the_standard_is_proposed) {
    auto clerk = client_as("clerk_a");
    // A household not registered.
    const auto pending = client_as("clerk_a").create_household(
        test_data::sample_household({.group = group_a, .seed = 20}), "");
    refused([&] { propose(clerk, pending.id); }, 409, "household_not_registered");
    // A registered one short of the standard: every shortfall named.
    auto h = registered_meeting_file(21);
    h.conditions.food_secure = false;
    h.members[0].medical_insurance = false;
    h = clerk.update_household(h);
    auto e = refused([&] { propose(clerk, h.id); }, 409, "exit_standard_not_met");
    const auto reasons = e.details().value("reasons", "");
    EXPECT_NE(reasons.find("food_insecure"), std::string::npos) << reasons;
    EXPECT_NE(reasons.find("member_uninsured"), std::string::npos) << reasons;
    EXPECT_NE(e.message().find(h.members[0].name), std::string::npos) << e.message();
    // No standard for the year.
    const auto ok = registered_meeting_file(22);
    e = refused(
        [&] {
            clerk.request_json(http_method::post, "/api/v1/exit-proposals",
                               json{{"household_id", ok.id}, {"year", 2025}}.dump());
        },
        409, "exit_standard_not_set");
    // Only the village clerk proposes, and only in his village.
    refused([&] { propose(client_as("reviewer_a"), ok.id); }, 403, "access_denied");
    refused([&] { propose(client_as("clerk_b"), ok.id); }, 403, "area_forbidden");
    EXPECT_EQ(count_where("applications", "kind = 'exit'"), 0) << "a refusal writes nothing";

    // One open case at a time; the file cannot leave its village while it is open.
    const auto id = propose(clerk, ok.id)["id"].get<std::int64_t>();
    refused([&] { propose(clerk, ok.id); }, 409, "application_exists");
    refused([&] { clerk.request_json(http_method::post, "/api/v1/applications",
                                     json{{"household_id", ok.id}, {"year", year}}.dump()); },
            409, "application_exists");
    // The step endpoint takes no posting, and an identification case takes no vote.
    auto bad = refused([&] { step(clerk, id, {{"action", "post"}}); }, 422, "invalid_value");
    EXPECT_EQ(bad.field(), "action");

    // A vote of half the panel or fewer ends the exit: the household stays registered and helped.
    EXPECT_EQ(step(clerk, id, {{"action", "appraise"}, {"vote", vote(4)}})["state"], "refused");
    EXPECT_EQ(clerk.get_household(ok.id).status, "registered");
    EXPECT_NO_THROW(clerk.add_measure(ok.id, measure(2026)));
}

TEST_P(exit_procedure, a_return_sends_the_exit_back_to_its_proposal_and_a_fallen_back_household_re_enters) {
    auto clerk = client_as("clerk_a");
    const auto h = registered_meeting_file(31);
    const auto id = propose(clerk, h.id)["id"].get<std::int64_t>();
    step(clerk, id, {{"action", "appraise"}, {"vote", vote(9)}});
    step(clerk, id, {{"action", "acknowledge"}, {"acknowledgement", acknowledgement(h)}});
    post(clerk, "exit_village", village_a);
    advance_days(7);
    auto reviewer = client_as("reviewer_a");
    step(reviewer, id, {{"action", "review"}});
    // The county doubts it: back to the village, which votes, has it signed and posts again.
    refused([&] { step(client_as("approver"), id, {{"action", "return"}}); }, 422, "reason_required");
    const auto returned = step(client_as("approver"), id, {{"action", "return"}, {"reason", "务工收入证明不全，请村里重新评议"}});
    EXPECT_EQ(returned["state"], "exit_proposed");
    EXPECT_EQ(client_as("clerk_a").get_household(h.id).status, "registered");

    // Another household leaves, then falls back below the line (返贫) and applies again: identification takes
    // it, and its exit stays in its history.
    const auto other = registered_meeting_file(32);
    const auto exit_case = exit_household(other);
    EXPECT_EQ(state_of(exit_case), "exited");
    clerk = client_as("clerk_a");
    auto file = clerk.get_household(other.id);
    ASSERT_EQ(file.status, "exited");
    file.income = {};
    file.income.year = year;
    file.income.wages = 3 * 150000;  // 1,500 yuan a head: below the line again
    file = clerk.update_household(file);
    const auto applied = clerk.request_json(http_method::post, "/api/v1/applications",
                                            json{{"household_id", other.id}, {"year", year}}.dump());
    EXPECT_EQ(applied["kind"], "identification");
    EXPECT_EQ(applied["state"], "applied");
    const auto cases = clerk.request_json(http_method::get,
                                          "/api/v1/applications?household=" + std::to_string(other.id));
    ASSERT_EQ(cases["items"].size(), 2u);
    EXPECT_EQ(cases["items"][0]["kind"], "exit");
    EXPECT_EQ(cases["items"][0]["state"], "exited");
    const auto exits_only = clerk.request_json(http_method::get, "/api/v1/applications?kind=exit");
    EXPECT_EQ(exits_only["items"].size(), 2u);
    EXPECT_EQ(clerk.request(http_method::get, "/api/v1/applications?kind=other").status, 400);
}

TEST_P(exit_procedure, a_fallen_back_household_is_registered_again_and_its_exit_cleared) {
    // Exited last year, its policies through 2028, and below the line again this year (the sample file's
    // income). Its status is written before the server first reads the file.
    auto clerk = client_as("clerk_a");
    auto h = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 41}), "");
    set_status(h.id, "exited", 2025, 2028);
    auto admin = client_as("admin");
    admin.set_quota(year, county_code, 10);
    admin.set_quota(year, township_a, 5);
    client_as("reviewer_a").set_quota(year, village_a, 2);

    // Identification's whole path, as for a household never registered.
    const auto id = clerk.request_json(http_method::post, "/api/v1/applications",
                                       json{{"household_id", h.id}, {"year", year}}.dump())["id"].get<std::int64_t>();
    step(clerk, id, {{"action", "group_appraise"}});
    step(clerk, id, {{"action", "verify"}});
    json panel = json::array();
    for (int i = 1; i <= 9; ++i) panel.push_back("评议员" + std::to_string(i));
    clerk.request_json(http_method::post, "/api/v1/appraisals",
                       json{{"village_code", village_a}, {"year", year}, {"meeting_date", "2026-12-01"},
                            {"panel", panel},
                            {"results", json::array({{{"application_id", id}, {"final_rank", 1}, {"votes_for", 9},
                                                      {"votes_against", 0}, {"votes_abstain", 0}}})}}
                           .dump());
    post(clerk, "village", village_a);
    admin.request_json(http_method::post, "/api/v1/users",
                       json{{"username", "cadre_a"}, {"display_name", "驻村干部甲"}, {"role", "resident_cadre"},
                            {"area_code", village_a}, {"password", test_password}}
                           .dump());
    advance_days(7);
    client::api_client cadre(options_for(township_a));
    cadre.login("cadre_a", test_password);
    step(cadre, id, {{"action", "sign"}});
    step(client_as("reviewer_a"), id, {{"action", "review"}});
    post(client_as("reviewer_a"), "township", township_a);
    advance_days(7);
    step(client_as("head_a"), id, {{"action", "sign"}});
    step(client_as("approver"), id, {{"action", "approve"}});
    post(client_as("approver"), "county", county_code);
    advance_days(15);
    EXPECT_EQ(step(client_as("approver"), id, {{"action", "register"}})["state"], "registered");

    const auto file = client_as("clerk_a").get_household(h.id);
    EXPECT_EQ(file.status, "registered");
    EXPECT_EQ(file.exit_year, std::nullopt);
    EXPECT_EQ(file.policies_until, std::nullopt);
    EXPECT_EQ(count_where("audit_log", "action = 'household.register' AND changes LIKE '%exited%'"), 1);
}

INSTANTIATE_TEST_SUITE_P(backends, exit_procedure, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
