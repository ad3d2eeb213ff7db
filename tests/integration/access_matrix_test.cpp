// The whole access matrix against the real server: every route of the server's table × every role × a record
// in township A and in township B. The rows are written out here independently of
// server/service/access_policy.cpp and common/application_workflow.cpp, so a change to the policy that was not
// meant shows; a route added to server/api/routes.cpp without a row fails the test.
#include <chrono>
#include <functional>
#include <map>
#include <optional>
#include <set>

#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/posting_period.hpp"
#include "server/api/router.hpp"
#include "server/api/routes.hpp"
#include "server/server_config.hpp"
#include "server/service/services.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

const std::string village_a2 = "529901100202";
const std::string group_a2 = "529901100202001";

enum class target { own_village, other_village_same_township, other_township, none };

struct expectation {
    int status;
    std::string code;  // error code when status >= 400
};

const expectation ok{200, ""};
const expectation created{201, ""};
const expectation no_content{204, ""};
const expectation denied{403, "access_denied"};
const expectation outside{403, "area_forbidden"};

bool writes(const std::string& role) { return role == "village_clerk" || role == "township_reviewer"; }
bool manages_users(const std::string& role) { return role == "county_admin"; }
bool reads_audit(const std::string& role) { return role == "county_admin" || role == "supervisor"; }

// Whether a user's area holds a record of township A (all in village_a) or of township B (all in village_b): the
// county holds both, a township or village its own.
bool covers_township(const test_user& u, bool record_in_a) {
    if (u.area.size() == 6) return true;
    return record_in_a ? (u.area == township_a || u.area == village_a) : (u.area == township_b || u.area == village_b);
}

constexpr int matrix_year = 2026;

// One request of the matrix; expected_status, when set, is the only answer a permitted caller may get.
struct api_call {
    http_method method;
    std::string target;
    std::string body = "";
    int expected_status = 0;
    std::string content_type = "";  // "": JSON when there is a body
};

// The procedure's records of one township, each in the state its routes act on.
struct township_cases {
    std::int64_t applied = 0;   // a case just applied for (a step, its reading)
    std::int64_t batch = 0;     // another, for the batch form of a step
    std::int64_t verified = 0;  // verified by the village, ready for the appraisal
    std::int64_t posted = 0;    // on the village's first posting
    std::int64_t posting = 0;   // that posting
    std::int64_t objection = 0;  // an open objection to the posted case
};

class access_matrix : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (IsSkipped()) return;
        auto county = client_as("reviewer_a");
        files_[target::own_village] = county.create_household(test_data::sample_household({.group = group_a, .seed = 301}), "");
        files_[target::other_village_same_township] =
            county.create_household(test_data::sample_household({.group = group_a2, .seed = 302}), "");
        files_[target::other_township] =
            client_as("reviewer_b").create_household(test_data::sample_household({.group = group_b, .seed = 303}), "");
        unapplied_a_ = files_.at(target::own_village).id;
        unapplied_b_ = files_.at(target::other_township).id;

        auto admin = client_as("admin");
        admin.request_json(http_method::put, "/api/v1/poverty-lines/" + std::to_string(matrix_year),
                           R"({"amount":2300})");
        admin.request_json(http_method::put, "/api/v1/exit-standards/" + std::to_string(matrix_year),
                           R"({"income_line":3300,"transition_years":5})");
        admin.request_json(http_method::post, "/api/v1/users",
                           nlohmann::json{{"username", "matrix_target"}, {"display_name", "矩阵测试"},
                                          {"role", "village_clerk"}, {"area_code", village_b},
                                          {"password", test_password}}
                               .dump());
        cases_a_ = cases_in("clerk_a", village_a, group_a, 310);
        cases_b_ = cases_in("clerk_b", village_b, group_b, 330);
    }

    static void expect(const client::http_result& result, const expectation& e, const std::string& what) {
        EXPECT_EQ(result.status, e.status) << what << ": " << result.body;
        if (e.status >= 400 && result.status == e.status) {
            EXPECT_EQ(nlohmann::json::parse(result.body)["error"]["code"], e.code) << what;
        }
    }

    // A village's appraisal of its verified cases, as the village clerk records it.
    static std::string appraisal_body(const std::string& village, std::int64_t case_id) {
        nlohmann::json panel = nlohmann::json::array();
        for (int i = 1; i <= 9; ++i) panel.push_back("评议员" + std::to_string(i));
        return nlohmann::json{{"village_code", village},
                              {"year", matrix_year},
                              {"meeting_date", "2026-01-02"},
                              {"panel", panel},
                              {"results", {{{"application_id", case_id}, {"final_rank", 1}, {"votes_for", 9},
                                            {"votes_against", 0}, {"votes_abstain", 0}}}}}
            .dump();
    }

    // Cases of one village through the procedure as far as each route needs them.
    township_cases cases_in(const std::string& clerk, const std::string& village,
                            const std::string& group, int first_seed) {
        auto c = client_as(clerk);
        const auto apply = [&](int seed) {
            const auto h = c.request_json(http_method::post, "/api/v1/households",
                                          common::to_json(test_data::sample_household({.group = group, .seed = seed})).dump());
            return c.request_json(http_method::post, "/api/v1/applications",
                                  nlohmann::json{{"household_id", h["id"]}, {"year", matrix_year}}.dump())["id"]
                .get<std::int64_t>();
        };
        const auto step = [&](std::int64_t id, const char* action) {
            c.request_json(http_method::post, "/api/v1/applications/" + std::to_string(id) + "/steps",
                           nlohmann::json{{"action", action}}.dump());
        };
        township_cases cases;
        cases.posted = apply(first_seed);
        step(cases.posted, "group_appraise");
        step(cases.posted, "verify");
        c.request_json(http_method::post, "/api/v1/appraisals", appraisal_body(village, cases.posted));
        cases.posting = c.request_json(http_method::post, "/api/v1/postings",
                                       nlohmann::json{{"level", "village"}, {"area_code", village}, {"year", matrix_year}}.dump())
                            ["id"].get<std::int64_t>();
        cases.objection = c.request_json(http_method::post,
                                         "/api/v1/applications/" + std::to_string(cases.posted) + "/objections",
                                         R"({"objector_name":"王五","grounds":"家中新建楼房"})")["id"]
                              .get<std::int64_t>();
        cases.verified = apply(first_seed + 1);
        step(cases.verified, "group_appraise");
        step(cases.verified, "verify");
        cases.applied = apply(first_seed + 2);
        cases.batch = apply(first_seed + 3);
        return cases;
    }

    const common::household& a_or_b_file(bool township_a) const {
        return files_.at(township_a ? target::own_village : target::other_township);
    }

    std::map<target, common::household> files_;
    township_cases cases_a_, cases_b_;
    std::int64_t unapplied_a_ = 0, unapplied_b_ = 0;

    // Pairing needs a registered household and a helper with room; each permitted call gets its own, so that
    // no call is refused for a limit another call reached.
    std::int64_t registered_household(bool township_a, bool meets_exit_standard = false) {
        auto file = test_data::sample_household({.group = township_a ? group_a : group_b, .seed = next_seed_++, .size = 1});
        if (meets_exit_standard) {  // the matrix year's standard: above 3,300 yuan, 两不愁三保障 recorded
            file.income = {};
            file.income.year = matrix_year;
            file.income.wages = 500000;
            file.conditions.food_secure = file.conditions.clothing_secure = true;
            file.conditions.housing = "safe";
            file.conditions.housing_danger_grade.clear();
            file.conditions.drinking_water_safe = true;
            file.conditions.drinking_water_difficult = false;
            for (auto& m : file.members) m.medical_insurance = true;
        }
        const auto h = client_as(township_a ? "reviewer_a" : "reviewer_b").create_household(file, "");
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(h.id, "registered", 1000));
        tx.commit();
        return h.id;
    }
    std::int64_t new_helper() {
        if (!unit_id_) unit_id_ = client_as("admin").create_helper_unit({0, "矩阵帮扶单位", "county", county_code}).id;
        common::helper h;
        h.unit_id = unit_id_;
        h.name = "帮扶" + std::to_string(next_seed_++);
        h.phone = "13900000000";
        return client_as("admin").create_helper(h).id;
    }
    // A fresh sample of every file (so each permitted call records a check of its own), drawn by the supervisor.
    nlohmann::json new_sample() {
        registered_household(true);
        return client_as("supervisor").request_json(http_method::post, "/api/v1/spot-checks",
                                                    R"({"year":2026,"share_percent":100,"minimum":1})");
    }
    // The round of 2026's second half, opened once over a registered file of each township.
    std::int64_t review_round() {
        if (round_id_) return round_id_;
        round_files_ = {registered_household(true), registered_household(false)};
        round_id_ = client_as("admin")
                        .request_json(http_method::post, "/api/v1/review-rounds",
                                      R"({"year":2026,"half":2,"deadline":"2027-06-30"})")["id"]
                        .get<std::int64_t>();
        return round_id_;
    }
    // An open flag on a new registered file of township A or B, raised by a vehicle list naming its head.
    std::int64_t new_flag(bool township_a) {
        const auto household = registered_household(township_a);
        auto admin = client_as("admin");
        const auto person = admin.get_household(household).members.at(0).id_number;
        admin.request_json(http_method::post, "/api/v1/department-lists?kind=vehicle&year=2026",
                           "身份证号,明细\n" + person + ",轿车一辆\n", {{"Content-Type", "text/csv"}});
        return admin.request_json(http_method::get, "/api/v1/households/" + std::to_string(household) + "/flags")
            ["items"][0]["id"].get<std::int64_t>();
    }
    std::int64_t round_id_ = 0;
    std::pair<std::int64_t, std::int64_t> round_files_;
    int next_round_year_ = 2030;
    std::int64_t new_pairing(bool township_a) {
        return client_as("approver").pair_helper(registered_household(township_a), new_helper(), "矩阵结对").id;
    }
    int next_seed_ = 900;
    std::int64_t unit_id_ = 0;
};

// Who may, by role: the policy's table (server/service/access_policy.cpp) and the procedure's
// (common/application_workflow.cpp), written out here again.
bool is(const std::string& role, std::initializer_list<const char*> roles) {
    for (const auto* r : roles)
        if (role == r) return true;
    return false;
}

// One route's row of the matrix: who may call it, whether the record's area decides too (and whether the
// server looks at the area before the role), and the request for a record of township A or B.
struct route_rule {
    std::function<bool(const std::string& role)> may;
    bool area_scoped = false;
    bool area_first = false;  // the record is loaded, and its area checked, before the role
    bool own_session = false;  // the request ends the session it is sent on
    std::function<api_call(const test_user& user, bool township_a)> call;
};

TEST_P(access_matrix, every_route_for_every_role_and_area) {
    const auto anyone = [](const std::string&) { return true; };
    // Every role but the helper's, which reaches nothing by area (only the households paired with him: paired
    // below).
    const auto officials = [](const std::string& r) { return r != "helper"; };
    const auto writers = [](const std::string& r) { return writes(r); };
    const auto admins = [](const std::string& r) { return manages_users(r); };
    const auto a_or_b = [](bool a, const std::string& in_a, const std::string& in_b) { return a ? in_a : in_b; };
    const auto id = [](std::int64_t n) { return std::to_string(n); };
    int seed = 700;
    const std::string y = std::to_string(matrix_year);

    std::map<std::string, route_rule> rules;
    rules["GET /api/v1/health"] = {anyone, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/health"}; }};
    // A login needs no session (its refusals are sessions_test's): each user logs in again.
    rules["POST /api/v1/sessions"] = {anyone, false, false, false, [](const test_user& user, bool) {
        return api_call{http_method::post, "/api/v1/sessions",
                        nlohmann::json{{"username", user.username}, {"password", test_password}}.dump(), 201};
    }};
    rules["GET /api/v1/sessions/current"] = {anyone, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/sessions/current"}; }};
    rules["DELETE /api/v1/sessions/current"] = {anyone, false, false, true, [](const test_user&, bool) { return api_call{http_method::delete_, "/api/v1/sessions/current"}; }};
    rules["POST /api/v1/households"] = {writers, true, false, false, [&](const test_user&, bool a) {
        const auto h = a ? test_data::sample_household({.group = group_a, .seed = seed++, .size = 1})
                         : test_data::sample_household({.group = group_b, .seed = seed++, .size = 1});
        return api_call{http_method::post, "/api/v1/households", common::to_json(h).dump()};
    }};
    rules["GET /api/v1/households"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/households"}; }};
    rules["GET /api/v1/areas"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/areas", "", 200}; }};
    rules["GET /api/v1/households/{id}"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id)};
    }};
    rules["PUT /api/v1/households/{id}"] = {writers, true, false, false, [&](const test_user&, bool a) {
        auto current = client_as("approver").get_household(a_or_b_file(a).id);
        current.phone = "1390000" + std::to_string(1000 + seed++);
        return api_call{http_method::put, "/api/v1/households/" + id(current.id), common::to_json(current).dump()};
    }};
    // Member changes are edits of the file: by those who write files, in their area; read as the file is.
    rules["POST /api/v1/households/{id}/member-changes"] = {writers, true, false, false, [&](const test_user&, bool a) {
        const auto h = client_as(a ? "reviewer_a" : "reviewer_b")
                           .create_household(test_data::sample_household({.group = a ? group_a : group_b, .seed = next_seed_++}), "");
        return api_call{http_method::post, "/api/v1/households/" + id(h.id) + "/member-changes",
                        nlohmann::json{{"kind", "move_out"}, {"effective_on", "2026-01-02"}, {"reason", "外出落户"},
                                       {"id_number", h.members.at(1).id_number}, {"version", h.version}}.dump(), 201};
    }};
    rules["GET /api/v1/households/{id}/member-changes"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/member-changes", "", 200};
    }};
    rules["GET /api/v1/households/{id}/verdict"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/verdict?year=" + y};
    }};
    rules["GET /api/v1/people"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/people?id_number=" + files_.at(target::own_village).members.at(0).id_number};
    }};
    rules["GET /api/v1/poverty-lines"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/poverty-lines"}; }};
    rules["PUT /api/v1/poverty-lines/{year}"] = {admins, false, false, false, [y](const test_user&, bool) {
        return api_call{http_method::put, "/api/v1/poverty-lines/" + y, R"({"amount":2300})"};
    }};
    // The exit standard: set by the administrator, as the poverty line; every official reads it and judges the
    // files of the area against it.
    rules["GET /api/v1/exit-standards"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/exit-standards"}; }};
    rules["PUT /api/v1/exit-standards/{year}"] = {admins, false, false, false, [y](const test_user&, bool) {
        return api_call{http_method::put, "/api/v1/exit-standards/" + y, R"({"income_line":3300,"transition_years":5})", 200};
    }};
    rules["GET /api/v1/households/{id}/exit-verdict"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/exit-verdict?year=" + y, "", 200};
    }};
    // Spot checks: the supervisor draws, reads and records them (the sample stays his); every official reads the
    // accuracy.
    const auto inspectors = [](const std::string& r) { return r == "supervisor"; };
    rules["POST /api/v1/spot-checks"] = {inspectors, false, false, false, [&](const test_user& u, bool) {
        if (u.role == "supervisor") registered_household(true);
        return api_call{http_method::post, "/api/v1/spot-checks", R"({"year":2026,"share_percent":5,"minimum":1})", 201};
    }};
    rules["GET /api/v1/spot-checks"] = {inspectors, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/spot-checks", "", 200};
    }};
    rules["GET /api/v1/spot-checks/{id}"] = {inspectors, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/spot-checks/" + new_sample()["id"].dump(), "", 200};
    }};
    rules["PUT /api/v1/spot-checks/{id}/households/{household_id}"] = {inspectors, false, false, false, [&](const test_user&, bool) {
        const auto sample = new_sample();
        return api_call{http_method::put,
                        "/api/v1/spot-checks/" + sample["id"].dump() + "/households/" +
                            sample["items"][0]["household_id"].dump(),
                        R"({"checked_on":")" + common::format_date(common::china_date_of_ms(std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch()).count())) +
                            R"(","method":"phone","findings":[{"field":"members","correct":true}],"verdict":"accurate","follow_up":"none"})",
                        200};
    }};
    rules["GET /api/v1/spot-checks/{id}/accuracy"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/spot-checks/" + new_sample()["id"].dump() + "/accuracy", "", 200};
    }};
    // Review rounds: the county opens them, the files' writers enter them, every official reads them.
    const auto openers = [](const std::string& r) { return is(r, {"county_approver", "county_admin"}); };
    rules["POST /api/v1/review-rounds"] = {openers, false, false, false, [&](const test_user&, bool) {
        const int year = next_round_year_++;
        return api_call{http_method::post, "/api/v1/review-rounds",
                        nlohmann::json{{"year", year}, {"half", 1}, {"deadline", std::to_string(year) + "-12-31"}}.dump(),
                        201};
    }};
    rules["GET /api/v1/review-rounds"] = {officials, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/review-rounds", "", 200};
    }};
    rules["GET /api/v1/review-rounds/{id}"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/review-rounds/" + id(review_round()), "", 200};
    }};
    rules["GET /api/v1/review-rounds/{id}/entries"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/review-rounds/" + id(review_round()) + "/entries", "", 200};
    }};
    rules["GET /api/v1/review-rounds/{id}/progress"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/review-rounds/" + id(review_round()) + "/progress", "", 200};
    }};
    rules["PUT /api/v1/review-rounds/{id}/households/{household_id}"] = {writers, true, false, false, [&](const test_user&, bool a) {
        const auto round = review_round();
        auto file = client_as("approver").get_household(a ? round_files_.first : round_files_.second);
        file.income.year = 2026;
        return api_call{http_method::put,
                        "/api/v1/review-rounds/" + id(round) + "/households/" + id(file.id),
                        nlohmann::json{{"household", common::to_json(file)}}.dump(), 200};
    }};
    // Other departments' lists: the county imports them; every official reads the flags of the area; township
    // reviewers and the poverty office clear them.
    rules["POST /api/v1/department-lists"] = {openers, false, false, false, [&](const test_user&, bool) {
        // A file of its own each time: the same file twice is refused as imported already.
        return api_call{http_method::post, "/api/v1/department-lists?kind=dibao&year=2026",
                        "身份证号\n" + test_data::demo_id_number("19600101", next_seed_++) + "\n", 201, "text/csv"};
    }};
    // Attachments: written by who edits the file, read (and the completeness) by who reads it, a helper only his
    // paired households'.
    const std::string scan = "%PDF-1.4 matrix";
    rules["POST /api/v1/households/{id}/attachments"] = {writers, true, false, false, [&, scan](const test_user&, bool a) {
        return api_call{http_method::post,
                        "/api/v1/households/" + id(a_or_b_file(a).id) + "/attachments?kind=other&name=m.pdf", scan, 201,
                        "application/pdf"};
    }};
    rules["GET /api/v1/households/{id}/attachments"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/attachments"};
    }};
    rules["GET /api/v1/households/{id}/completeness"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/completeness"};
    }};
    rules["GET /api/v1/attachments/{id}"] = {officials, true, false, false, [&, scan](const test_user&, bool a) {
        auto clerk = client_as(a ? "clerk_a" : "clerk_b");
        const auto r = clerk.request(http_method::post,
                                     "/api/v1/households/" + id(a_or_b_file(a).id) + "/attachments?kind=other&name=m.pdf",
                                     scan, {{"Content-Type", "application/pdf"}});
        return api_call{http_method::get,
                        "/api/v1/attachments/" + id(nlohmann::json::parse(r.body).at("id").get<std::int64_t>())};
    }};
    // The year's campaign: the poverty office and the administrators set its phases; officials read them and the
    // progress of their area (counted by township: a village's office is refused).
    const auto campaign_body = nlohmann::json{
        {"phases",
         {{{"phase", "preparation"}, {"starts_on", "2026-01-01"}, {"ends_on", "2026-01-31"}},
          {{"phase", "identification"}, {"starts_on", "2026-02-01"}, {"ends_on", "2026-06-30"}},
          {{"phase", "registration"}, {"starts_on", "2026-07-01"}, {"ends_on", "2026-11-30"}},
          {{"phase", "summary"}, {"starts_on", "2026-12-01"}, {"ends_on", "2026-12-31"}}}}}.dump();
    rules["PUT /api/v1/campaigns/{year}"] = {openers, false, false, false, [campaign_body](const test_user&, bool) {
        return api_call{http_method::put, "/api/v1/campaigns/2026", campaign_body, 200};
    }};
    const auto campaign_set = [&, campaign_body] {
        client_as("admin").request_json(http_method::put, "/api/v1/campaigns/2026", campaign_body);
    };
    rules["GET /api/v1/campaigns/{year}"] = {officials, false, false, false, [=](const test_user&, bool) {
        campaign_set();
        return api_call{http_method::get, "/api/v1/campaigns/2026", "", 200};
    }};
    const auto above_village = [](const std::string& r) {
        return r != "helper" && r != "village_clerk" && r != "resident_cadre";
    };
    rules["GET /api/v1/campaigns/{year}/progress"] = {above_village, false, false, false, [=](const test_user&, bool) {
        campaign_set();
        return api_call{http_method::get, "/api/v1/campaigns/2026/progress", "", 200};
    }};
    // The supervision (专项督查): the poverty office and the administrators weight the indicators; officials read
    // the weights; supervisors and the poverty office issue notices on a township; the ranking is read as the
    // progress is.
    const auto weights_body = R"({"progress":40,"completeness":30,"objections":15,"spot_checks":15})";
    rules["PUT /api/v1/supervision/{year}/weights"] = {openers, false, false, false, [=](const test_user&, bool) {
        return api_call{http_method::put, "/api/v1/supervision/2026/weights", weights_body, 200};
    }};
    const auto weights_set = [&, weights_body] {
        client_as("admin").request_json(http_method::put, "/api/v1/supervision/2026/weights", weights_body);
    };
    rules["GET /api/v1/supervision/{year}/weights"] = {officials, false, false, false, [=](const test_user&, bool) {
        weights_set();
        return api_call{http_method::get, "/api/v1/supervision/2026/weights", "", 200};
    }};
    const auto notice_issuers = [](const std::string& r) { return is(r, {"supervisor", "county_approver"}); };
    rules["POST /api/v1/supervision/{year}/notes"] = {notice_issuers, true, false, false, [=](const test_user&, bool a) {
        const auto body = nlohmann::json{{"township_code", a_or_b(a, township_a, township_b)},
                                          {"kind", "criticism"},
                                          {"text", "进度滞后"}};
        return api_call{http_method::post, "/api/v1/supervision/2026/notes", body.dump(), 201};
    }};
    rules["GET /api/v1/supervision/{year}/ranking"] = {above_village, false, false, false, [=](const test_user&, bool) {
        campaign_set();
        weights_set();
        return api_call{http_method::get, "/api/v1/supervision/2026/ranking", "", 200};
    }};
    // Imports of the existing archive: the poverty office alone. Each request gets an import of its own.
    const auto importers = [](const std::string& r) { return r == "county_approver"; };
    const auto new_import = [&] {
        return id(client_as("approver").request_json(http_method::post, "/api/v1/imports", R"({"file_name":"m.csv"})")
                      .at("id")
                      .get<std::int64_t>());
    };
    rules["POST /api/v1/imports"] = {importers, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::post, "/api/v1/imports", R"({"file_name":"m.csv"})", 201};
    }};
    rules["GET /api/v1/imports/{id}"] = {importers, false, false, false, [=](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/imports/" + new_import(), "", 200};
    }};
    rules["POST /api/v1/imports/{id}/files"] = {importers, false, false, false, [=](const test_user&, bool) {
        return api_call{http_method::post, "/api/v1/imports/" + new_import() + "/files", R"({"files":[]})", 200};
    }};
    rules["POST /api/v1/imports/{id}/commit"] = {importers, false, false, false, [=](const test_user&, bool) {
        return api_call{http_method::post, "/api/v1/imports/" + new_import() + "/commit", "{}", 200};
    }};
    rules["DELETE /api/v1/imports/{id}"] = {importers, false, false, false, [=](const test_user&, bool) {
        return api_call{http_method::delete_, "/api/v1/imports/" + new_import(), "", 200};
    }};
    rules["GET /api/v1/import-template"] = {importers, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/import-template?format=csv", "", 200};
    }};
    rules["GET /api/v1/department-lists"] = {officials, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/department-lists", "", 200};
    }};
    rules["GET /api/v1/household-flags"] = {officials, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/household-flags", "", 200};
    }};
    rules["GET /api/v1/households/{id}/flags"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/flags", "", 200};
    }};
    rules["POST /api/v1/household-flags/{id}/clear"] = {[](const std::string& r) { return is(r, {"township_reviewer", "county_approver"}); },
                                                      true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/household-flags/" + id(new_flag(a)) + "/clear",
                        R"({"reason":"经核实，车辆已过户"})", 200};
    }};
    rules["GET /api/v1/quotas"] = {officials, false, false, false, [y](const test_user&, bool) { return api_call{http_method::get, "/api/v1/quotas?year=" + y}; }};
    // A village's quota: set by its township (set_village_quotas); the county's and townships' by the administrator.
    rules["PUT /api/v1/quotas/{year}/{area}"] = {[](const std::string& r) { return is(r, {"township_reviewer", "township_head"}); },
                                                 true, false, false, [=](const test_user&, bool a) {
        return api_call{http_method::put, "/api/v1/quotas/" + y + "/" + a_or_b(a, village_a, village_b), R"({"quota":3})"};
    }};
    rules["POST /api/v1/applications"] = {[](const std::string& r) { return r == "village_clerk"; }, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/applications",
                        nlohmann::json{{"household_id", a ? unapplied_a_ : unapplied_b_}, {"year", matrix_year}}.dump()};
    }};
    // An exit is proposed by the village clerk, for a registered household of his village that meets the standard.
    rules["POST /api/v1/exit-proposals"] = {[](const std::string& r) { return r == "village_clerk"; }, true, false, false, [&](const test_user& u, bool a) {
        const bool may = u.role == "village_clerk" && covers_township(u, a);
        return api_call{http_method::post, "/api/v1/exit-proposals",
                        nlohmann::json{{"household_id", may ? registered_household(a, true) : a_or_b_file(a).id},
                                       {"year", matrix_year}}
                            .dump()};
    }};
    rules["GET /api/v1/applications"] = {officials, false, false, false, [y](const test_user&, bool) { return api_call{http_method::get, "/api/v1/applications?year=" + y}; }};
    rules["GET /api/v1/applications/{id}"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/applications/" + id(a ? cases_a_.applied : cases_b_.applied)};
    }};
    rules["POST /api/v1/applications/{id}/steps"] = {[](const std::string& r) { return r == "village_clerk"; }, true, true, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/applications/" + id(a ? cases_a_.applied : cases_b_.applied) + "/steps",
                        R"({"action":"group_appraise"})"};
    }};
    rules["POST /api/v1/applications/steps"] = {[](const std::string& r) { return r == "village_clerk"; }, true, true, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/applications/steps",
                        nlohmann::json{{"action", "group_appraise"}, {"application_ids", {a ? cases_a_.batch : cases_b_.batch}}}.dump()};
    }};
    rules["GET /api/v1/applications/{id}/objections"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/applications/" + id(a ? cases_a_.posted : cases_b_.posted) + "/objections"};
    }};
    // Objections to a village posting: recorded by the village, its resident cadre or the township; answered by
    // the village or the township.
    rules["POST /api/v1/applications/{id}/objections"] = {
        [](const std::string& r) { return is(r, {"village_clerk", "resident_cadre", "township_reviewer"}); }, true, true, false, [&](const test_user&, bool a) {
            return api_call{http_method::post, "/api/v1/applications/" + id(a ? cases_a_.posted : cases_b_.posted) + "/objections",
                            R"({"objector_name":"李四","grounds":"收入不实"})"};
        }};
    rules["POST /api/v1/objections/{id}/answer"] = {
        [](const std::string& r) { return is(r, {"village_clerk", "township_reviewer"}); }, true, true, false, [&](const test_user&, bool a) {
            return api_call{http_method::post, "/api/v1/objections/" + id(a ? cases_a_.objection : cases_b_.objection) + "/answer",
                            R"({"outcome":"dismissed","answer":"经入户核实不属实"})"};
        }};
    rules["GET /api/v1/appraisals/proposal"] = {officials, true, false, false, [=](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/appraisals/proposal?village=" + a_or_b(a, village_a, village_b) + "&year=" + y};
    }};
    rules["POST /api/v1/appraisals"] = {[](const std::string& r) { return r == "village_clerk"; }, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/appraisals",
                        appraisal_body(a ? village_a : village_b, a ? cases_a_.verified : cases_b_.verified)};
    }};
    rules["POST /api/v1/postings"] = {[](const std::string& r) { return r == "village_clerk"; }, true, false, false, [=](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/postings",
                        nlohmann::json{{"level", "village"}, {"area_code", a_or_b(a, village_a, village_b)}, {"year", matrix_year}}.dump()};
    }};
    rules["GET /api/v1/postings"] = {officials, false, false, false, [y](const test_user&, bool) { return api_call{http_method::get, "/api/v1/postings?year=" + y}; }};
    // Postings are public lists: every user of the county reads every one.
    rules["GET /api/v1/postings/{id}"] = {officials, false, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/postings/" + id(a ? cases_a_.posting : cases_b_.posting)};
    }};
    // The printed documents: reachable as the data inside them.
    rules["GET /api/v1/households/{id}/card"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/card"};
    }};
    rules["GET /api/v1/areas/{code}/register"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/areas/" + a_or_b(a, village_a, village_b) + "/register?format=xlsx"};
    }};
    rules["GET /api/v1/areas/{code}/archive"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/areas/" + a_or_b(a, village_a, village_b) + "/archive?format=csv"};
    }};
    rules["GET /api/v1/statistics"] = {officials, false, false, false, [y](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/statistics?year=" + y};
    }};
    rules["GET /api/v1/statistics/chart"] = {officials, false, false, false, [y](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/statistics/chart?kind=areas&year=" + y};
    }};
    rules["GET /api/v1/postings/{id}/document"] = {officials, false, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/postings/" + id(a ? cases_a_.posting : cases_b_.posting) + "/document"};
    }};
    rules["GET /api/v1/users"] = {admins, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/users"}; }};
    rules["POST /api/v1/users"] = {admins, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::post, "/api/v1/users",
                        nlohmann::json{{"username", "matrix_new_" + std::to_string(seed++)}, {"display_name", "新账号"},
                                       {"role", "village_clerk"}, {"area_code", village_b}, {"password", "a-long-password-1"}}
                            .dump()};
    }};
    rules["PUT /api/v1/users/{username}"] = {admins, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::put, "/api/v1/users/matrix_target", R"({"display_name":"改名"})"};
    }};
    rules["POST /api/v1/users/{username}/password"] = {admins, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::post, "/api/v1/users/matrix_target/password", R"({"password":"another-password-2"})"};
    }};
    // The feed's route only authorises a WebSocket upgrade: a plain request is 426 for everyone who reads
    // households by area (feed_test covers what each subscriber receives).
    rules["GET /api/v1/events"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/events", "", 426}; }};
    // Helpers: every role reads them; the county's administrator and poverty office keep them; the township
    // and the poverty office pair them with the area's registered households.
    const auto keepers = [](const std::string& r) { return is(r, {"county_admin", "county_approver"}); };
    const auto pairers = [](const std::string& r) { return is(r, {"township_reviewer", "township_head", "county_approver"}); };
    rules["GET /api/v1/helper-units"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/helper-units"}; }};
    rules["POST /api/v1/helper-units"] = {keepers, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::post, "/api/v1/helper-units",
                        nlohmann::json{{"name", "单位" + std::to_string(seed++)}, {"level", "township"}, {"area_code", township_a}}.dump(), 201};
    }};
    rules["PUT /api/v1/helper-units/{id}"] = {keepers, false, false, false, [&](const test_user&, bool) {
        new_helper();  // makes the unit on first use
        const auto units = client_as("admin").list_helper_units();
        const auto& u = units.front();
        return api_call{http_method::put, "/api/v1/helper-units/" + id(u.id),
                        nlohmann::json{{"name", "改名单位" + std::to_string(seed++)}, {"level", u.level},
                                       {"area_code", u.area_code}, {"version", u.version}}.dump()};
    }};
    rules["GET /api/v1/helpers"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/helpers"}; }};
    rules["POST /api/v1/helpers"] = {keepers, false, false, false, [&](const test_user&, bool) {
        new_helper();
        return api_call{http_method::post, "/api/v1/helpers",
                        nlohmann::json{{"unit_id", unit_id_}, {"name", "新帮扶"}, {"phone", "13900000009"}}.dump(), 201};
    }};
    rules["GET /api/v1/helpers/{id}"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/helpers/" + id(new_helper())};
    }};
    rules["PUT /api/v1/helpers/{id}"] = {keepers, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::put, "/api/v1/helpers/" + id(new_helper()),
                        nlohmann::json{{"unit_id", unit_id_}, {"name", "改名"}, {"phone", "13900000008"}, {"version", 1}}.dump()};
    }};
    // A helper's households are filtered to the caller's area, so everyone may ask.
    rules["GET /api/v1/helpers/{id}/households"] = {officials, false, false, false, [&](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/helpers/" + id(new_helper()) + "/households"};
    }};
    rules["GET /api/v1/households/{id}/helpers"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/helpers"};
    }};
    rules["POST /api/v1/households/{id}/helpers"] = {pairers, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/households/" + id(registered_household(a)) + "/helpers",
                        nlohmann::json{{"helper_id", new_helper()}, {"reason", "结对"}}.dump(), 201};
    }};
    rules["POST /api/v1/pairings/{id}/end"] = {pairers, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/pairings/" + id(new_pairing(a)) + "/end", R"({"reason":"调离"})", 200};
    }};
    rules["POST /api/v1/pairings/{id}/change"] = {pairers, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/pairings/" + id(new_pairing(a)) + "/change",
                        nlohmann::json{{"helper_id", new_helper()}, {"reason", "更换"}}.dump(), 201};
    }};
    // Assistance: every role reads the area's; villages and townships record measures, projects, plans and
    // visits of their households; supervisors record only their unannounced checks.
    const auto assisters = [](const std::string& r) {
        return is(r, {"village_clerk", "resident_cadre", "township_reviewer", "township_head"});
    };
    const auto a_measure = [&](bool a) {
        common::measure m;
        m.category = "industry";
        m.plan_year = matrix_year;
        m.content = "矩阵措施";
        return client_as(a ? "clerk_a" : "clerk_b").add_measure(registered_household(a), m);
    };
    rules["GET /api/v1/households/{id}/measures"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/measures"};
    }};
    rules["POST /api/v1/households/{id}/measures"] = {assisters, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/households/" + id(registered_household(a)) + "/measures",
                        R"({"category":"industry","plan_year":2026,"content":"养殖"})", 201};
    }};
    rules["GET /api/v1/measures/{id}"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/measures/" + id(a_measure(a).id)};
    }};
    rules["PUT /api/v1/measures/{id}"] = {assisters, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::put, "/api/v1/measures/" + id(a_measure(a).id),
                        R"({"category":"industry","plan_year":2026,"content":"养殖","status":"in_progress","version":1})"};
    }};
    rules["GET /api/v1/households/{id}/suggestions"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/suggestions"};
    }};
    rules["GET /api/v1/projects"] = {officials, false, false, false, [](const test_user&, bool) { return api_call{http_method::get, "/api/v1/projects"}; }};
    rules["POST /api/v1/projects"] = {assisters, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::post, "/api/v1/projects",
                        nlohmann::json{{"name", "项目" + std::to_string(seed++)}, {"category", "infrastructure"},
                                       {"year", matrix_year}, {"area_code", a ? village_a : village_b}}.dump(), 201};
    }};
    rules["GET /api/v1/households/{id}/plans/{year}"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/plans/" + y};
    }};
    rules["PUT /api/v1/households/{id}/plans/{year}"] = {assisters, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::put, "/api/v1/households/" + id(registered_household(a)) + "/plans/" + y,
                        R"({"expected_income_effect":1000,"version":0})"};
    }};
    rules["GET /api/v1/households/{id}/visits"] = {officials, true, false, false, [&](const test_user&, bool a) {
        return api_call{http_method::get, "/api/v1/households/" + id(a_or_b_file(a).id) + "/visits"};
    }};
    rules["POST /api/v1/households/{id}/visits"] = {assisters, true, false, false, [&](const test_user&, bool a) {
        // The visitor must be the household's own helper: paired with it first.
        const auto household = registered_household(a);
        const auto helper = new_helper();
        client_as("approver").pair_helper(household, helper, "矩阵结对");
        return api_call{http_method::post, "/api/v1/households/" + id(household) + "/visits",
                        nlohmann::json{{"helper_id", helper}, {"kind", "home_visit"}, {"visited_on", "2026-01-05"},
                                       {"done", "走访"}}.dump(), 201};
    }};
    rules["GET /api/v1/sandaohu"] = {officials, false, false, false, [y](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/sandaohu?year=" + y};
    }};
    rules["GET /api/v1/audit"] = {[](const std::string& r) { return reads_audit(r); }, false, false, false, [](const test_user&, bool) {
        return api_call{http_method::get, "/api/v1/audit"};
    }};

    // What a helper who logs in reaches over the households paired with him (none of the matrix's records is):
    // refused as not paired, where every other route refuses his role.
    const std::set<std::string> paired_reach{
        "GET /api/v1/households/{id}",          "GET /api/v1/households/{id}/helpers",
        "GET /api/v1/households/{id}/measures", "GET /api/v1/measures/{id}",
        "GET /api/v1/households/{id}/suggestions", "GET /api/v1/households/{id}/plans/{year}",
        "GET /api/v1/households/{id}/visits",   "POST /api/v1/households/{id}/visits",
        "GET /api/v1/households/{id}/exit-verdict",   "GET /api/v1/households/{id}/member-changes",
        "GET /api/v1/households/{id}/card",     "GET /api/v1/households/{id}/attachments",
        "GET /api/v1/attachments/{id}",         "GET /api/v1/households/{id}/completeness"};

    // Every route of the server's table has its row: a new route without one fails here.
    server::server_config config;
    config.clock = [] { return std::int64_t{1'796'000'000'000}; };
    server::api::router table;
    server::api::add_routes(table, config, server::service::services::make(config));
    std::vector<std::string> missing;
    for (const auto& endpoint : table.endpoints())
        if (!rules.count(endpoint)) missing.push_back(endpoint);
    ASSERT_TRUE(missing.empty()) << "routes without a row in the access matrix: " << ::testing::PrintToString(missing);
    ASSERT_EQ(rules.size(), table.endpoints().size()) << "a row for a route the server no longer has";

    std::map<std::string, client::api_client> clients;
    for (const auto& user : test_users()) clients.emplace(user.username, client_as(user.username));
    for (const auto& endpoint : table.endpoints()) {
        const auto& rule = rules.at(endpoint);
        // The refusals first: a permitted call may change the record (a step taken, an objection answered),
        // after which a refusal would be a different one.
        for (const bool permitted_pass : {false, true}) {
            for (const auto& user : test_users()) {
                for (const bool township_a_record : {true, false}) {
                    if (!rule.area_scoped && !township_a_record) continue;
                    const bool in_area = !rule.area_scoped || covers_township(user, township_a_record);
                    const bool role_ok = rule.may(user.role);
                    std::string expected;  // "" when permitted
                    if (user.role == "helper" && !role_ok)
                        expected = paired_reach.count(endpoint) ? "not_paired" : "access_denied";
                    else if (rule.area_first && !in_area) expected = "area_forbidden";
                    else if (!role_ok) expected = "access_denied";
                    else if (!in_area) expected = "area_forbidden";
                    if (expected.empty() != permitted_pass) continue;

                    const auto call = rule.call(user, township_a_record);
                    auto fresh = rule.own_session ? std::optional<client::api_client>(client_as(user.username)) : std::nullopt;
                    auto& client = fresh ? *fresh : clients.at(user.username);
                    const auto result =
                        client.request(call.method, call.target, call.body.empty() ? std::nullopt : std::optional(call.body),
                                       call.content_type.empty() ? client::header_list{}
                                                                 : client::header_list{{"Content-Type", call.content_type}});
                    const std::string what = endpoint + " as " + user.username + " on township " + (township_a_record ? "A" : "B");
                    if (!expected.empty()) {
                        EXPECT_EQ(result.status, 403) << what << ": " << result.body;
                        if (result.status == 403) {
                            EXPECT_EQ(nlohmann::json::parse(result.body)["error"]["code"], expected) << what;
                        }
                    } else if (call.expected_status) {
                        EXPECT_EQ(result.status, call.expected_status) << what << ": " << result.body;
                    } else {
                        EXPECT_TRUE(result.status != 401 && result.status != 403) << what << ": " << result.status << " " << result.body;
                    }
                }
            }
        }
    }
}

TEST_P(access_matrix, every_denial_is_audited) {
    auto head = client_as("head_a");
    auto current = head.get_household(files_.at(target::own_village).id);
    current.phone = "13911112222";
    EXPECT_EQ(head.request(http_method::put, "/api/v1/households/" + std::to_string(current.id),
                           common::to_json(current).dump()).status, 403);
    EXPECT_EQ(head.request(http_method::get, "/api/v1/households/" +
                                                 std::to_string(files_.at(target::other_township).id)).status, 403);
    auto trail = client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=access.denied&user=head_a");
    ASSERT_EQ(trail["items"].size(), 2u) << trail.dump();
    EXPECT_EQ(trail["items"][0]["outcome"], "denied");
    EXPECT_EQ(trail["items"][0]["record"], "GET /api/v1/households/" + std::to_string(files_.at(target::other_township).id));
    EXPECT_EQ(trail["items"][1]["changes"]["code"], "access_denied");
}

TEST_P(access_matrix, a_flood_of_denials_is_counted_not_written_one_by_one) {
    // A user who may write nothing sends creates in a loop: each appended its own entry under the audit head's
    // lock, one at a time, serialising every write of the county. Per user and minute, the first ten are
    // written, the eleventh says that further ones are counted, and their number follows once the minute ends.
    auto head = client_as("head_a");
    const auto body = common::to_json(test_data::sample_household({.group = group_a, .seed = 40})).dump();
    for (int i = 0; i < 40; ++i) ASSERT_EQ(head.request(http_method::post, "/api/v1/households", body).status, 403);
    auto supervisor = client_as("supervisor");
    const auto denials = [&] {
        return supervisor.request_json(http_method::get, "/api/v1/audit?action=access.denied&user=head_a")["items"];
    };
    auto trail = denials();
    ASSERT_EQ(trail.size(), 11u) << trail.dump();
    EXPECT_EQ(trail[0]["changes"]["further_denials_counted"], true);
    EXPECT_FALSE(trail[1]["changes"].contains("further_denials_counted"));

    *clock_offset_ms_ += 61'000;
    supervisor.request(http_method::get, "/api/v1/sessions/current");  // any request writes what has ended
    trail = denials();
    ASSERT_EQ(trail.size(), 12u) << trail.dump();
    EXPECT_EQ(trail[0]["changes"]["denials_counted"], 29);
    // A new minute starts a new window.
    ASSERT_EQ(head.request(http_method::post, "/api/v1/households", body).status, 403);
    trail = denials();
    ASSERT_EQ(trail.size(), 13u);
    EXPECT_EQ(trail[0]["changes"]["code"], "access_denied");
}

INSTANTIATE_TEST_SUITE_P(backends, access_matrix, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
