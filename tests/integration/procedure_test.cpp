// The identification procedure end to end over real TLS on both databases (docs/procedure.md): the whole path
// to registration with the clock advanced through three postings, steps out of order, postings acted on too
// early, objections holding and releasing a case, the rules' exclusions and priorities, and the quota race.
#include <gtest/gtest.h>

#include <thread>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/household_json.hpp"
#include "server/service/archive_import.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/connection.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;
using client::http_method;
using nlohmann::json;

constexpr int year = 2026;
constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;

class procedure_api : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (HasFatalFailure() || IsSkipped()) return;
        auto admin = client_as("admin");
        admin.request_json(http_method::put, "/api/v1/poverty-lines/2026", json{{"amount", 2300}}.dump());
        admin.request_json(http_method::put, "/api/v1/quotas/2026/" + county_code, json{{"quota", 100}}.dump());
        admin.request_json(http_method::put, "/api/v1/quotas/2026/" + township_a, json{{"quota", 10}}.dump());
        client_as("reviewer_a").request_json(http_method::put, "/api/v1/quotas/2026/" + village_a,
                                              json{{"quota", 5}}.dump());
        admin.request_json(http_method::post, "/api/v1/users",
                           json{{"username", "cadre_a"}, {"display_name", "驻村干部甲"}, {"role", "resident_cadre"},
                                {"area_code", village_a}, {"password", test_password}}
                               .dump());
    }

    client::api_client cadre() {
        client::api_client c(options_for(township_a));
        c.login("cadre_a", test_password);
        return c;
    }

    void advance_days(int days) { *clock_offset_ms_ += days * day_ms; }

    std::int64_t new_household(int seed, const std::function<void(common::household&)>& edit = {}) {
        auto h = test_data::sample_household({.group = group_a, .seed = seed});
        if (edit) edit(h);
        auto clerk = client_as("clerk_a");
        return clerk.request_json(http_method::post, "/api/v1/households", common::to_json(h).dump())["id"]
            .get<std::int64_t>();
    }

    static json apply(client::api_client& c, std::int64_t household_id) {
        return c.request_json(http_method::post, "/api/v1/applications",
                              json{{"household_id", household_id}, {"year", year}}.dump());
    }

    static json step(client::api_client& c, std::int64_t id, const std::string& action, const std::string& reason = "") {
        json body{{"action", action}};
        if (!reason.empty()) body["reason"] = reason;
        return c.request_json(http_method::post, "/api/v1/applications/" + std::to_string(id) + "/steps", body.dump());
    }

    static json steps(client::api_client& c, const std::vector<std::int64_t>& ids, const std::string& action) {
        return c.request_json(http_method::post, "/api/v1/applications/steps",
                              json{{"action", action}, {"application_ids", ids}}.dump());
    }

    static json post(client::api_client& c, const std::string& level, const std::string& area) {
        return c.request_json(http_method::post, "/api/v1/postings",
                              json{{"level", level}, {"area_code", area}, {"year", year}}.dump());
    }

    static json appraise(client::api_client& c, const std::vector<std::int64_t>& ids, int votes_for = 9) {
        json results = json::array();
        int rank = 0;
        for (auto id : ids)
            results.push_back({{"application_id", id}, {"final_rank", ++rank}, {"votes_for", votes_for},
                               {"votes_against", 9 - votes_for}, {"votes_abstain", 0}});
        json panel = json::array();
        for (int i = 1; i <= 9; ++i) panel.push_back("评议员" + std::to_string(i));
        return c.request_json(http_method::post, "/api/v1/appraisals",
                              json{{"village_code", village_a}, {"year", year}, {"meeting_date", "2026-01-02"},
                                   {"panel", panel}, {"results", results}}
                                  .dump());
    }

    // Takes fresh cases of village_a through the village's part to the first posting (published today).
    std::vector<std::int64_t> cases_on_village_posting(int first_seed, int count) {
        auto clerk = client_as("clerk_a");
        std::vector<std::int64_t> ids;
        for (int i = 0; i < count; ++i) ids.push_back(apply(clerk, new_household(first_seed + i))["id"].get<std::int64_t>());
        steps(clerk, ids, "group_appraise");
        steps(clerk, ids, "verify");
        appraise(clerk, ids);
        post(clerk, "village", village_a);
        return ids;
    }

    // ... and on through the township's part, to signed and sealed by the township head.
    std::vector<std::int64_t> cases_signed_by_township(int first_seed, int count) {
        auto ids = cases_on_village_posting(first_seed, count);
        advance_days(7);
        auto c = cadre();
        steps(c, ids, "sign");
        auto reviewer = client_as("reviewer_a");
        steps(reviewer, ids, "review");
        post(reviewer, "township", township_a);
        advance_days(7);
        auto head = client_as("head_a");
        steps(head, ids, "sign");
        return ids;
    }

    // Every forward step but the one the procedure allows next is refused as out of order, whoever asks, and
    // leaves the case as it was.
    void expect_only_next(std::int64_t id, const std::string& allowed) {
        auto anyone = client_as("approver");
        const auto before = state_of(id);
        for (std::string action : {"group_appraise", "verify", "sign", "review", "approve", "register"}) {
            if (action == allowed) continue;
            try {
                step(anyone, id, action);
                ADD_FAILURE() << action << " was allowed from " << before;
            } catch (const client_error& e) {
                EXPECT_EQ(e.code(), "step_out_of_order") << action << " from " << before << ": " << e.message();
            }
        }
        EXPECT_EQ(state_of(id), before);
    }

    std::string state_of(std::int64_t id) {
        return client_as("approver").request_json(http_method::get, "/api/v1/applications/" + std::to_string(id))["state"];
    }
};

TEST_P(procedure_api, a_file_with_an_open_case_stays_in_its_village) {
    // Moved away, the case would stay with the old village: its clerk would go on stepping it, the new one get
    // 403, and the quota place stay behind.
    const auto id = new_household(300);
    auto clerk = client_as("clerk_a");
    const auto case_id = apply(clerk, id)["id"].get<std::int64_t>();
    auto reviewer = client_as("reviewer_a");
    auto file = reviewer.get_household(id);
    file.village_code = "529901100202";
    file.group_code = "529901100202001";
    auto e = refused([&] { reviewer.update_household(file); }, 409, "open_case_in_village");
    EXPECT_EQ(e.field(), "village_code");
    EXPECT_EQ(reviewer.get_household(id).village_code, village_a);
    // Within the village (another group, the phone) the file may still be edited.
    file = reviewer.get_household(id);
    file.phone = "13900001111";
    EXPECT_EQ(reviewer.update_household(file).phone, "13900001111");
    // Once the case has ended, the file may move.
    step(clerk, case_id, "refuse", "经核实家中有稳定务工收入");
    file = reviewer.get_household(id);
    file.village_code = "529901100202";
    file.group_code = "529901100202001";
    EXPECT_EQ(reviewer.update_household(file).village_code, "529901100202");
}

TEST_P(procedure_api, a_household_goes_through_all_three_levels_and_three_postings_to_registration) {
    auto clerk = client_as("clerk_a");
    const auto household_id = new_household(1);
    const auto id = apply(clerk, household_id)["id"].get<std::int64_t>();
    expect_only_next(id, "group_appraise");
    step(clerk, id, "group_appraise");
    expect_only_next(id, "verify");
    step(clerk, id, "verify");
    expect_only_next(id, "");  // next: the village appraisal
    appraise(clerk, {id});
    expect_only_next(id, "");  // next: the first posting
    const auto first = post(clerk, "village", village_a);
    EXPECT_EQ(first["days"], 7);
    EXPECT_EQ(first["entries"].size(), 1u);

    // The first posting runs 7 days: the resident cadre may sign from the 8th day on, not before. (Sessions
    // expire while the clock is moved on, so each office logs in again after each move.)
    advance_days(6);
    auto c = cadre();
    const auto early = refused([&] { step(c, id, "sign"); }, 409, "posting_not_over");
    EXPECT_EQ(early.details()["next_step_on"], first["next_step_on"]);
    advance_days(1);
    c = cadre();
    EXPECT_EQ(step(c, id, "sign")["state"], "cadre_signed");
    expect_only_next(id, "review");

    auto reviewer = client_as("reviewer_a");
    step(reviewer, id, "review");
    expect_only_next(id, "");  // next: the second posting
    post(reviewer, "township", township_a);
    auto head = client_as("head_a");
    refused([&] { step(head, id, "sign"); }, 409, "posting_not_over");
    advance_days(7);
    head = client_as("head_a");
    EXPECT_EQ(step(head, id, "sign")["state"], "township_signed");
    expect_only_next(id, "approve");

    auto approver = client_as("approver");
    const auto approved = step(approver, id, "approve");
    EXPECT_EQ(approved["state"], "county_approved");
    expect_only_next(id, "");  // next: the third posting
    const auto third = post(approver, "county", county_code);
    EXPECT_EQ(third["days"], 15);
    advance_days(14);  // the 15th day is still the posting's
    approver = client_as("approver");
    refused([&] { step(approver, id, "register"); }, 409, "posting_not_over");
    advance_days(1);
    approver = client_as("approver");
    clerk = client_as("clerk_a");
    // Read (and so cached by the server) just before the registration changes its status.
    EXPECT_EQ(clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id))["status"],
              "pending");
    EXPECT_EQ(step(approver, id, "register")["state"], "registered");
    expect_only_next(id, "");  // next: the result posted in the village
    EXPECT_EQ(clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id))["status"],
              "registered");
    EXPECT_EQ(post(clerk, "result", village_a)["level"], "result");

    // The file's case shows its whole history, in order, each step with who took it.
    const auto full = clerk.request_json(http_method::get, "/api/v1/applications/" + std::to_string(id));
    EXPECT_EQ(full["state"], "announced");
    expect_only_next(id, "");
    std::vector<std::string> actions, by;
    for (const auto& s : full["steps"]) actions.push_back(s["action"]), by.push_back(s["username"]);
    EXPECT_EQ(actions, (std::vector<std::string>{"apply", "group_appraise", "verify", "appraise", "post", "sign",
                                                 "review", "post", "sign", "approve", "post", "register", "post"}));
    EXPECT_EQ(by[5], "cadre_a");
    EXPECT_EQ(by[8], "head_a");
    EXPECT_TRUE(full["steps"][0]["details"]["verdict"]["eligible"].get<bool>());
    EXPECT_EQ(full["steps"][9]["details"]["quota"]["village"]["quota"], 5);

    // A posting is public: no ID number on it.
    const auto stored = clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id));
    const auto posting = clerk.request_json(http_method::get, "/api/v1/postings/" + std::to_string(first["id"].get<int>()));
    for (const auto& m : stored["members"])
        EXPECT_EQ(posting.dump().find(m["id_number"].get<std::string>()), std::string::npos);
    // Every step wrote an outbox event, with no gap in the sequence.
    auto db = server::sql::connect(database_->url());
    const auto events = db->query("SELECT seq FROM events ORDER BY seq");
    ASSERT_GE(events.size(), 13u);
    for (std::size_t i = 0; i < events.size(); ++i) EXPECT_EQ(events[i].get_int64(0), static_cast<std::int64_t>(i + 1));
    EXPECT_GE(db->query("SELECT COUNT(*) FROM events WHERE kind = 'application.register'").at(0).get_int64(0), 1);
}

// A township's postings are listed with its villages'; a village's are its own; the area is a division code.
TEST_P(procedure_api, postings_are_listed_for_an_area_and_the_areas_below_it) {
    cases_signed_by_township(60, 1);
    auto reader = client_as("reviewer_a");
    const auto levels = [&](const std::string& area) {
        std::vector<std::string> out;
        for (const auto& p : reader.list_postings(area, year, "")) out.push_back(p.level);
        return out;
    };
    EXPECT_EQ(levels(township_a), (std::vector<std::string>{"township", "village"}));  // newest first
    EXPECT_EQ(levels(village_a), std::vector<std::string>{"village"});
    EXPECT_TRUE(levels(township_b).empty());
    EXPECT_EQ(levels("").size(), 2u);
    refused([&] { reader.list_postings("52990110%", year, ""); }, 400, "invalid_parameter");
}

TEST_P(procedure_api, steps_out_of_order_or_by_the_wrong_person_are_refused_and_change_nothing) {
    auto clerk = client_as("clerk_a");
    const auto id = apply(clerk, new_household(2))["id"].get<std::int64_t>();
    auto approver = client_as("approver");
    const auto e = refused([&] { step(approver, id, "approve"); }, 409, "step_out_of_order");
    EXPECT_EQ(e.details()["state"], "applied");
    EXPECT_EQ(e.details()["next"], "group_appraise");
    refused([&] { step(clerk, id, "verify"); }, 409, "step_out_of_order");
    refused([&] { step(clerk, id, "register"); }, 409, "step_out_of_order");
    refused([&] { post(clerk, "village", village_a); }, 409, "nothing_to_post");
    auto reviewer = client_as("reviewer_a");
    auto other_clerk = client_as("clerk_b");
    refused([&] { step(reviewer, id, "group_appraise"); }, 403, "access_denied");
    refused([&] { step(other_clerk, id, "group_appraise"); }, 403, "area_forbidden");
    refused([&] { step(clerk, id, "refuse"); }, 422, "reason_required");
    refused([&] { apply(clerk, 999999); }, 404, "not_found");
    EXPECT_EQ(state_of(id), "applied");

    // A second application of the same household for the year is refused.
    const auto household_id = clerk.request_json(http_method::get, "/api/v1/applications/" + std::to_string(id))["household_id"];
    refused([&] { apply(clerk, household_id.get<std::int64_t>()); }, 409, "application_exists");

    // A refusal with a reason ends the case; nothing can follow it.
    EXPECT_EQ(step(clerk, id, "refuse", "经核实家中有稳定务工收入")["state"], "refused");
    refused([&] { step(clerk, id, "group_appraise"); }, 409, "step_out_of_order");
}

TEST_P(procedure_api, an_objection_holds_the_case_until_it_is_answered) {
    const auto ids = cases_on_village_posting(10, 2);
    auto clerk = client_as("clerk_a");
    const auto objection = clerk.request_json(
        http_method::post, "/api/v1/applications/" + std::to_string(ids[0]) + "/objections",
        json{{"objector_name", "李四"}, {"grounds", "该户家中新建楼房,收入不实"}}.dump());
    EXPECT_EQ(objection["state"], "open");
    const auto second = clerk.request_json(
        http_method::post, "/api/v1/applications/" + std::to_string(ids[1]) + "/objections",
        json{{"objector_name", "王五"}, {"grounds", "子女在外务工收入较高"}}.dump());

    advance_days(7);
    clerk = client_as("clerk_a");
    auto c = cadre();
    const auto held = refused([&] { step(c, ids[0], "sign"); }, 409, "objection_pending");
    EXPECT_EQ(held.details()["open_objections"], "1");
    // Objections are raised only while the posting runs.
    refused([&] {
        clerk.request_json(http_method::post, "/api/v1/applications/" + std::to_string(ids[0]) + "/objections",
                           json{{"objector_name", "赵六"}, {"grounds", "迟到的异议"}}.dump());
    }, 409, "posting_closed");

    // Dismissed after re-verification: the case goes on.
    clerk.request_json(http_method::post, "/api/v1/objections/" + std::to_string(objection["id"].get<int>()) + "/answer",
                       json{{"outcome", "dismissed"}, {"answer", "经入户核实,楼房为危房改造补助所建"}}.dump());
    EXPECT_EQ(step(c, ids[0], "sign")["state"], "cadre_signed");

    // Upheld: the case returns to the start of the village's part, with the answer as its reason.
    refused([&] {
        clerk.request_json(http_method::post, "/api/v1/objections/" + std::to_string(second["id"].get<int>()) + "/answer",
                           json{{"outcome", "upheld"}, {"consequence", "return"}}.dump());
    }, 422, "reason_required");
    const auto answered = clerk.request_json(
        http_method::post, "/api/v1/objections/" + std::to_string(second["id"].get<int>()) + "/answer",
        json{{"outcome", "upheld"}, {"answer", "核实属实,退回重新评议"}, {"consequence", "return"}}.dump());
    EXPECT_EQ(answered["state"], "upheld");
    EXPECT_EQ(state_of(ids[1]), "applied");
    refused([&] {
        clerk.request_json(http_method::post, "/api/v1/objections/" + std::to_string(second["id"].get<int>()) + "/answer",
                           json{{"outcome", "dismissed"}, {"answer", "再答一次"}}.dump());
    }, 409, "objection_answered");
    const auto history = clerk.request_json(http_method::get, "/api/v1/applications/" + std::to_string(ids[1]));
    EXPECT_EQ(history["steps"].back()["reason"], "核实属实,退回重新评议");
}

TEST_P(procedure_api, objections_closed_with_their_case_are_each_on_record) {
    const auto ids = cases_on_village_posting(40, 1);
    auto clerk = client_as("clerk_a");
    std::vector<std::int64_t> objection_ids;
    for (const auto* name : {"李四", "王五"})
        objection_ids.push_back(clerk.request_json(http_method::post,
                                                   "/api/v1/applications/" + std::to_string(ids[0]) + "/objections",
                                                   json{{"objector_name", name}, {"grounds", "收入不实"}}.dump())["id"]
                                    .get<std::int64_t>());
    // Upholding the first returns the case and closes the second with it.
    clerk.request_json(http_method::post, "/api/v1/objections/" + std::to_string(objection_ids[0]) + "/answer",
                       json{{"outcome", "upheld"}, {"answer", "核实属实"}, {"consequence", "return"}}.dump());
    const auto trail = client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=objection.close");
    ASSERT_EQ(trail["items"].size(), 1u) << trail.dump();
    EXPECT_EQ(trail["items"][0]["record"], "objection/" + std::to_string(objection_ids[1]));
    EXPECT_EQ(trail["items"][0]["changes"]["with_objection"], objection_ids[0]);
    EXPECT_EQ(trail["items"][0]["changes"]["consequence"], "return");
}

TEST_P(procedure_api, an_areas_import_is_on_record) {
    server::service::import_areas(*server::sql::connect(database_->url()),
                                  {{village_a, township_a, "village", "更名后的村"}}, 0);
    const auto trail = client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=areas.import");
    ASSERT_FALSE(trail["items"].empty()) << trail.dump();
    EXPECT_EQ(trail["items"][0]["user"], "county-server");
    EXPECT_EQ(trail["items"][0]["changes"]["changed"], 1);
}

TEST_P(procedure_api, the_rules_exclude_and_prefer_with_reasons) {
    auto clerk = client_as("clerk_a");
    const auto gambler = new_household(20, [](auto& h) { h.identification.gambling_drugs_or_crime = true; });
    const auto e = refused([&] { apply(clerk, gambler); }, 409, "not_eligible");
    EXPECT_NE(e.message().find("赌博"), std::string::npos) << e.message();
    EXPECT_EQ(e.details()["reasons"], "excluded_gambling_drugs_crime");

    const std::vector<std::pair<std::function<void(common::household&)>, std::string>> excluded{
        {[](auto& h) { h.poverty_type = "extreme_support"; }, "five_guarantee"},
        {[](auto& h) { h.poverty_type = "minimum_allowance"; }, "minimum_allowance"},
        {[](auto& h) { h.identification.land_abandoned_refusing_transfer = true; }, "excluded_land_abandoned"},
        {[](auto& h) { h.identification.family_planning_violation = true; }, "excluded_family_planning"},
    };
    int seed = 40;
    for (const auto& [edit, code] : excluded) {
        const auto household = new_household(seed++, edit);
        EXPECT_EQ(refused([&] { apply(clerk, household); }, 409, "not_eligible").details()["reasons"], code);
    }
    const auto well_off = new_household(22, [](auto& h) { h.income.wages = 2'000'000; });
    const auto above = refused([&] { apply(clerk, well_off); }, 409, "not_eligible");
    EXPECT_EQ(above.details()["reasons"], "above_line");

    const auto elderly = new_household(23, [](auto& h) { h.identification.elderly_parents_of_only_child = true; });
    const auto verdict = clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(elderly) + "/verdict?year=2026");
    EXPECT_TRUE(verdict["eligible"].get<bool>());
    EXPECT_EQ(verdict["priorities"], json::array({"priority_elderly_only_child"}));
    EXPECT_EQ(verdict["line"], 2300);
    const auto disabled_children =
        new_household(24, [](auto& h) { h.identification.elderly_with_disabled_children = true; });
    const auto daughters = new_household(25, [](auto& h) { h.identification.elderly_in_daughters_only_family = true; });
    EXPECT_EQ(clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(disabled_children) +
                                                       "/verdict?year=2026")["priorities"],
              json::array({"priority_elderly_disabled_children"}));
    EXPECT_EQ(clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(daughters) +
                                                       "/verdict?year=2026")["priorities"],
              json::array({"priority_elderly_daughters_only"}));

    // The priorities come first in the system's ranking for the panel, whatever their incomes.
    const auto plain = new_household(26, [](auto& h) { h.income.wages = 0; });
    std::vector<std::int64_t> ids;
    for (auto household : {plain, elderly, disabled_children}) ids.push_back(apply(clerk, household)["id"]);
    steps(clerk, ids, "group_appraise");
    steps(clerk, ids, "verify");
    const auto proposal = clerk.request_json(http_method::get, "/api/v1/appraisals/proposal?village=" + village_a + "&year=2026");
    ASSERT_EQ(proposal["items"].size(), 3u);
    EXPECT_EQ(proposal["items"][2]["application_id"], ids[0]);
    EXPECT_EQ(proposal["items"][2]["priorities"], 0);

    // A year without a line cannot be judged; a household with a case open cannot open another, whatever
    // the year; incomes of years ago prove nothing.
    const auto fresh = new_household(27);
    refused([&] {
        clerk.request_json(http_method::post, "/api/v1/applications", json{{"household_id", fresh}, {"year", 2030}}.dump());
    }, 409, "poverty_line_not_set");
    refused([&] {
        clerk.request_json(http_method::post, "/api/v1/applications", json{{"household_id", elderly}, {"year", 2027}}.dump());
    }, 409, "application_exists");
    client_as("admin").request_json(http_method::put, "/api/v1/poverty-lines/2028", json{{"amount", 2500}}.dump());
    const auto stale = refused([&] {
        clerk.request_json(http_method::post, "/api/v1/applications", json{{"household_id", fresh}, {"year", 2028}}.dump());
    }, 409, "not_eligible");
    EXPECT_EQ(stale.details()["reasons"], "income_out_of_date");
    EXPECT_EQ(count_rows("applications"), 3);
}

TEST_P(procedure_api, the_village_appraisal_checks_its_panel_ranking_and_votes) {
    auto clerk = client_as("clerk_a");
    std::vector<std::int64_t> ids;
    for (int seed : {60, 61}) ids.push_back(apply(clerk, new_household(seed))["id"]);
    steps(clerk, ids, "group_appraise");
    steps(clerk, ids, "verify");
    json panel = json::array();
    for (int i = 1; i <= 8; ++i) panel.push_back("评议员" + std::to_string(i));
    auto appraisal = [&](const json& members, const json& results) {
        return clerk.request_json(http_method::post, "/api/v1/appraisals",
                                  json{{"village_code", village_a}, {"year", year}, {"meeting_date", "2026-01-02"},
                                       {"panel", members}, {"results", results}}
                                      .dump());
    };
    auto result = [](std::int64_t id, int rank, int votes_for) {
        return json{{"application_id", id}, {"final_rank", rank}, {"votes_for", votes_for},
                    {"votes_against", 9 - votes_for}, {"votes_abstain", 0}};
    };
    const json both{result(ids[0], 1, 9), result(ids[1], 2, 4)};
    refused([&] { appraisal(panel, both); }, 422, "invalid_panel");  // 8 members
    panel.push_back("评议员9");
    refused([&] { appraisal(panel, json{result(ids[0], 1, 9)}); }, 422, "cases_missing");
    refused([&] { appraisal(panel, json{result(ids[0], 1, 9), result(ids[1], 1, 9)}); }, 422, "invalid_ranking");
    refused([&] { appraisal(panel, json{result(ids[0], 1, 10), result(ids[1], 2, 9)}); }, 422, "invalid_votes");
    EXPECT_EQ(state_of(ids[0]), "village_verified");

    // Four votes of nine is no majority: that case is refused by the appraisal, with the count as its reason.
    const auto recorded = appraisal(panel, both);
    EXPECT_EQ(recorded["results"].size(), 2u);
    EXPECT_EQ(state_of(ids[0]), "village_appraised");
    EXPECT_EQ(state_of(ids[1]), "refused");
    const auto history = clerk.request_json(http_method::get, "/api/v1/applications/" + std::to_string(ids[1]));
    EXPECT_NE(history["steps"].back()["reason"].get<std::string>().find("4/9"), std::string::npos);
    EXPECT_EQ(post(clerk, "village", village_a)["entries"].size(), 1u);
}

TEST_P(procedure_api, quotas_of_the_children_cannot_exceed_the_parent) {
    auto reviewer = client_as("reviewer_a");
    // village_a has 5 of township_a's 10; another village may have at most 5 more.
    const auto e = refused([&] {
        reviewer.request_json(http_method::put, "/api/v1/quotas/2026/529901100202", json{{"quota", 6}}.dump());
    }, 409, "quota_over_parent");
    EXPECT_EQ(e.details()["parent_quota"], "10");
    reviewer.request_json(http_method::put, "/api/v1/quotas/2026/529901100202", json{{"quota", 5}}.dump());
    refused([&] {
        client_as("admin").request_json(http_method::put, "/api/v1/quotas/2026/" + township_a, json{{"quota", 9}}.dump());
    }, 409, "quota_below_allocated");
    refused([&] {
        reviewer.request_json(http_method::put, "/api/v1/quotas/2026/" + township_a, json{{"quota", 20}}.dump());
    }, 403, "access_denied");
    const auto listed = reviewer.request_json(http_method::get, "/api/v1/quotas?year=2026");
    ASSERT_EQ(listed["items"].size(), 3u);  // the township and its two villages
    EXPECT_EQ(listed["items"][0]["allocated"], 10);
}

// 20 cases wait for county approval; the village has 5 places. 20 approvals at once: exactly 5 succeed.
TEST_P(procedure_api, concurrent_approvals_never_overshoot_the_quota) {
    const auto ids = cases_signed_by_township(30, 20);
    std::vector<client::api_client> approvers;
    for (std::size_t i = 0; i < ids.size(); ++i) approvers.push_back(client_as("approver"));
    std::atomic<int> approved{0}, over_quota{0}, other{0};
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < ids.size(); ++i)
        threads.emplace_back([&, i] {
            try {
                step(approvers[i], ids[i], "approve");
                ++approved;
            } catch (const client_error& e) {
                (e.code() == "quota_exceeded" ? over_quota : other)++;
            }
        });
    for (auto& t : threads) t.join();
    EXPECT_EQ(approved, 5);
    EXPECT_EQ(over_quota, 15);
    EXPECT_EQ(other, 0);
    auto db = server::sql::connect(database_->url());
    EXPECT_EQ(db->query("SELECT COUNT(*) FROM applications WHERE state = 'county_approved'").at(0).get_int64(0), 5);
    const auto quotas = client_as("approver").request_json(http_method::get, "/api/v1/quotas?year=2026&parent=" + township_a);
    EXPECT_EQ(quotas["items"][0]["used"], 5);
}

// A list of another department that comes after the township signed and names a member (数据比对): the county's
// approval, in a batch too, is refused until a reviewer clears the flag.
TEST_P(procedure_api, an_open_flag_from_another_department_stops_approval_until_it_is_cleared) {
    const auto ids = cases_signed_by_township(80, 2);
    const auto car_owner = client_as("approver").request_json(
        http_method::get, "/api/v1/applications/" + std::to_string(ids[1]))["household_id"].get<std::int64_t>();
    auto clerk = client_as("clerk_a");
    const auto person = clerk.get_household(car_owner).members[0].id_number;
    auto admin = client_as("admin");
    admin.request_json(http_method::post, "/api/v1/department-lists?kind=vehicle&year=2026",
                       "身份证号,明细\n" + person + ",轿车一辆\n", {{"Content-Type", "text/csv"}});

    auto approver = client_as("approver");
    const auto e = refused([&] { steps(approver, ids, "approve"); }, 409, "department_flag");
    EXPECT_EQ(e.details()["application_id"], std::to_string(ids[1]));
    EXPECT_EQ(state_of(ids[0]), "township_signed");  // the batch is one transaction: nothing of it approved
    refused([&] { step(approver, ids[1], "approve"); }, 409, "department_flag");
    EXPECT_EQ(step(approver, ids[0], "approve")["state"], "county_approved");

    const auto flags = approver.request_json(http_method::get, "/api/v1/household-flags");
    ASSERT_EQ(flags["items"].size(), 1u);
    approver.request_json(http_method::post, "/api/v1/household-flags/" + flags["items"][0]["id"].dump() + "/clear",
                          json{{"reason", "车辆登记在同名他人名下，系身份证号录入错误"}}.dump());
    EXPECT_EQ(step(approver, ids[1], "approve")["state"], "county_approved");
}

INSTANTIATE_TEST_SUITE_P(backends, procedure_api, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
