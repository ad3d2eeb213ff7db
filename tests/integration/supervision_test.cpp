// The supervision (专项督查) end to end on both databases: the county weights the indicators, every township is
// ranked from its progress against the campaign's phases, its complete files, its cases with an upheld objection
// and its spot checks; supervisors record notices; a township reads its own line with its rank among all; the
// ranking comes as the circular's PDF and the figures' XLSX, each an audit entry.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/supervision_json.hpp"
#include "server/sql/database_url.hpp"
#include "tests/integration/test_archive.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::test {
namespace {

using client::http_method;
using nlohmann::json;

// Identification ended in 2020, so every open case of the year is overdue.
const json phases_over = {
    {"phases",
     {{{"phase", "preparation"}, {"starts_on", "2020-01-01"}, {"ends_on", "2020-01-31"}},
      {{"phase", "identification"}, {"starts_on", "2020-02-01"}, {"ends_on", "2020-12-31"}},
      {{"phase", "registration"}, {"starts_on", "2021-01-01"}, {"ends_on", "2099-06-30"}},
      {{"phase", "summary"}, {"starts_on", "2099-07-01"}, {"ends_on", "2099-12-31"}}}}};
const json weights = {{"progress", 40}, {"completeness", 30}, {"objections", 15}, {"spot_checks", 15}};

class supervision : public archive_test {
protected:
    void advance_days(int days) { *clock_offset_ms_ += days * 24LL * 60 * 60 * 1000; }
    static void all(client::api_client& c, const std::vector<std::int64_t>& ids, const char* action) {
        c.request_json(http_method::post, "/api/v1/applications/steps",
                       json{{"action", action}, {"application_ids", ids}}.dump());
    }
    static void post(client::api_client& c, const std::string& level, const std::string& area) {
        c.request_json(http_method::post, "/api/v1/postings", json{{"level", level}, {"area_code", area}, {"year", 2026}}.dump());
    }
    // Takes village A's cases through the village's and the township's parts, approved by the county and on its
    // posting (procedure_test.cpp checks each step; sessions expire as the clock moves, so each office logs in
    // after each move).
    void to_county_posting(const std::vector<std::int64_t>& ids) {
        auto admin = client_as("admin");
        admin.request_json(http_method::put, "/api/v1/quotas/2026/" + county_code, json{{"quota", 100}}.dump());
        admin.request_json(http_method::put, "/api/v1/quotas/2026/" + township_a, json{{"quota", 10}}.dump());
        client_as("reviewer_a").request_json(http_method::put, "/api/v1/quotas/2026/" + village_a, json{{"quota", 5}}.dump());
        admin.request_json(http_method::post, "/api/v1/users",
                           json{{"username", "cadre_a"}, {"display_name", "驻村干部甲"}, {"role", "resident_cadre"},
                                {"area_code", village_a}, {"password", test_password}}
                               .dump());
        auto clerk = client_as("clerk_a");
        all(clerk, ids, "group_appraise");
        all(clerk, ids, "verify");
        json results = json::array(), panel = json::array();
        int rank = 0;
        for (auto id : ids)
            results.push_back({{"application_id", id}, {"final_rank", ++rank}, {"votes_for", 9}, {"votes_against", 0},
                               {"votes_abstain", 0}});
        for (int i = 1; i <= 9; ++i) panel.push_back("评议员" + std::to_string(i));
        clerk.request_json(http_method::post, "/api/v1/appraisals",
                           json{{"village_code", village_a}, {"year", 2026}, {"meeting_date", "2026-01-02"},
                                {"panel", panel}, {"results", results}}
                               .dump());
        post(clerk, "village", village_a);
        advance_days(7);
        client::api_client cadre(options_for(township_a));
        cadre.login("cadre_a", test_password);
        all(cadre, ids, "sign");
        auto reviewer = client_as("reviewer_a");
        all(reviewer, ids, "review");
        post(reviewer, "township", township_a);
        advance_days(7);
        auto head = client_as("head_a");
        all(head, ids, "sign");
        auto approver = client_as("approver");
        all(approver, ids, "approve");
        post(approver, "county", county_code);
    }
    // A resident's objection on the county's posting, found true: the case is refused.
    void objection_upheld(std::int64_t id) {
        auto approver = client_as("approver");
        const auto objection = approver.request_json(
            http_method::post, "/api/v1/applications/" + std::to_string(id) + "/objections",
            json{{"objector_name", "王五"}, {"grounds", "家有轿车"}}.dump());
        approver.request_json(http_method::post, "/api/v1/objections/" + objection["id"].dump() + "/answer",
                              json{{"outcome", "upheld"}, {"answer", "核实属实"}, {"consequence", "refuse"}}.dump());
    }
    common::supervision_ranking ranking(client::api_client& c, const std::string& area = "") {
        return common::supervision_ranking_from_json(c.request_json(
            http_method::get, "/api/v1/supervision/2026/ranking" + (area.empty() ? "" : "?area=" + area)));
    }
    static const common::township_standing& of(const common::supervision_ranking& r, const std::string& code) {
        for (const auto& t : r.townships)
            if (t.township_code == code) return t;
        static const common::township_standing none;
        ADD_FAILURE() << "no township " << code;
        return none;
    }
    long long audited(const std::string& action, const std::string& record) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record = ?", {action, record})
            .at(0)
            .get_int64(0);
    }
};

TEST_P(supervision, TownshipsAreRankedByTheWeightedIndicators) {
    auto admin = client_as("admin");
    auto supervisor = client_as("supervisor");
    refused([&] { ranking(admin); }, 404, "campaign_not_set");
    admin.request_json(http_method::put, "/api/v1/campaigns/2026", phases_over.dump());
    refused([&] { ranking(admin); }, 404, "supervision_weights_not_set");
    refused([&] { admin.request_json(http_method::get, "/api/v1/supervision/2026/weights"); }, 404,
            "supervision_weights_not_set");
    const auto set = admin.request_json(http_method::put, "/api/v1/supervision/2026/weights", weights.dump());
    EXPECT_EQ(set["set_by"], "admin");
    EXPECT_EQ(client_as("reviewer_a").request_json(http_method::get, "/api/v1/supervision/2026/weights")["progress"], 40);

    admin.set_poverty_line(2026, 230000);
    // Township A: three cases of the year. Two go to the county's posting, where an objection to the first is
    // upheld (the case is refused); the second waits on the county, which is not the township's delay. The third
    // is still with the village after identification ended: overdue. One registered file has all its documents,
    // and is spot-checked with the refused one, both found accurate.
    auto clerk_a = client_as("clerk_a");
    std::vector<std::int64_t> cases;
    for (int seed : {81, 82, 83}) {
        const auto h = clerk_a.create_household(test_data::sample_household({.group = group_a, .seed = seed}), "");
        cases.push_back(clerk_a.create_application(h.id, 2026, "本人申请").id);
    }
    to_county_posting({cases[0], cases[1]});
    objection_upheld(cases[0]);
    clerk_a = client_as("clerk_a");  // the sessions expired as the posting days passed
    admin = client_as("admin");
    supervisor = client_as("supervisor");
    const auto h4 = clerk_a.create_household(test_data::sample_household({.group = group_a, .seed = 80}), "");
    mark_registered(h4.id);
    for (const char* kind : {"application", "appraisal_minutes", "house_photo"}) attach_pdf(clerk_a, h4.id, kind);
    // Township B: one registered file lacking its documents, spot-checked and found accurate; no case.
    const auto hb = client_as("clerk_b").create_household(test_data::sample_household({.group = group_b, .seed = 84}), "");
    mark_registered(hb.id);
    const auto check = supervisor.request_json(http_method::post, "/api/v1/spot-checks",
                                               json{{"year", 2026}, {"share_percent", 100}, {"minimum", 1}}.dump());
    ASSERT_EQ(check["households"], 3);  // the two registered files, and the refused one (a stratum of its own)
    for (const auto& item : check["items"])
        supervisor.request_json(http_method::put,
                                "/api/v1/spot-checks/" + check["id"].dump() + "/households/" + item["household_id"].dump(),
                                json{{"checked_on", server_day()},
                                     {"method", "home_visit"},
                                     {"findings", json::array({{{"field", "members"}, {"correct", true}}})},
                                     {"verdict", "accurate"},
                                     {"follow_up", "none"}}
                                    .dump());

    auto r = ranking(admin);
    EXPECT_EQ(r.weights.progress, 40);
    EXPECT_EQ(r.townships_ranked, 2);
    ASSERT_GE(r.townships.size(), 2u);
    // A: not overdue 2 of 3 (667), complete 1 of 1, without an upheld objection 1 of the 2 on the county's
    // posting (500), accurate 2 of 2: (667·40 + 1000·30 + 500·15 + 1000·15) ÷ 100 = 791.8. B: complete 0 of 1,
    // accurate 1 of 1, on weights 30 and 15: 15000 ÷ 45 = 333.
    EXPECT_EQ(r.townships[0].township_code, township_a);
    const auto& a = r.townships[0];
    EXPECT_EQ(a.figures.cases, 3);
    EXPECT_EQ(a.figures.cases_overdue, 1);
    EXPECT_EQ(a.figures.cases_posted_by_county, 2);
    EXPECT_EQ(a.figures.cases_with_objection, 1);
    EXPECT_EQ(a.figures.registered, 1);
    EXPECT_EQ(a.figures.complete_files, 1);
    EXPECT_EQ(a.figures.checked, 2);
    EXPECT_EQ(a.indicators.progress, 667);
    EXPECT_EQ(a.indicators.objections, 500);
    EXPECT_EQ(a.score, 792);
    EXPECT_EQ(a.rank, 1);
    const auto& b = r.townships[1];
    EXPECT_EQ(b.township_code, township_b);
    EXPECT_FALSE(b.indicators.progress.has_value());
    EXPECT_EQ(b.indicators.completeness, 0);
    EXPECT_EQ(b.score, 333);
    EXPECT_EQ(b.rank, 2);
    for (std::size_t i = 2; i < r.townships.size(); ++i) EXPECT_FALSE(r.townships[i].rank.has_value());

    // On progress alone, B has nothing to judge it by and is not ranked.
    admin.request_json(http_method::put, "/api/v1/supervision/2026/weights",
                       json{{"progress", 100}, {"completeness", 0}, {"objections", 0}, {"spot_checks", 0}}.dump());
    r = ranking(admin);
    EXPECT_EQ(r.townships_ranked, 1);
    EXPECT_EQ(of(r, township_a).score, 667);
    EXPECT_FALSE(of(r, township_b).rank.has_value());
}

TEST_P(supervision, NoticesAreRecordedAndATownshipReadsItsOwnLine) {
    auto admin = client_as("admin");
    admin.request_json(http_method::put, "/api/v1/campaigns/2026", phases_over.dump());
    admin.request_json(http_method::put, "/api/v1/supervision/2026/weights", weights.dump());
    const auto h = client_as("clerk_b").create_household(test_data::sample_household({.group = group_b, .seed = 85}), "");
    mark_registered(h.id);
    // Township A has a complete registered file (100 points), B one lacking its documents (0).
    auto clerk_a = client_as("clerk_a");
    const auto ha = clerk_a.create_household(test_data::sample_household({.group = group_a, .seed = 87}), "");
    mark_registered(ha.id);
    for (const char* kind : {"application", "appraisal_minutes", "house_photo"}) attach_pdf(clerk_a, ha.id, kind);

    auto supervisor = client_as("supervisor");
    client::client_error e_missing(client::error_kind::protocol, "");
    const auto note = supervisor.request_json(
        http_method::post, "/api/v1/supervision/2026/notes",
        json{{"township_code", township_a}, {"kind", "commendation"}, {"text", "识别精准，档案资料齐全"}}.dump());
    EXPECT_EQ(note["written_by"], "supervisor");
    supervisor.request_json(http_method::post, "/api/v1/supervision/2026/notes",
                            json{{"township_code", township_b}, {"kind", "criticism"}, {"text", "资料不全"}}.dump());
    EXPECT_EQ(audited("supervision.note", "area/" + township_a), 1);
    // Supervisors and the poverty office issue notices, the townships do not; a notice is on a township that
    // exists, of a known kind.
    EXPECT_EQ(client_as("approver")
                  .request_json(http_method::post, "/api/v1/supervision/2026/notes",
                                json{{"township_code", township_b}, {"kind", "criticism"}, {"text", "限期整改"}}.dump())
                  .at("written_by"),
              "approver");
    refused([&] {
        client_as("reviewer_a").request_json(http_method::post, "/api/v1/supervision/2026/notes",
                                             json{{"township_code", township_a}, {"kind", "commendation"}, {"text", "x"}}.dump());
    }, 403, "access_denied");
    e_missing = refused([&] {
        supervisor.request_json(http_method::post, "/api/v1/supervision/2026/notes",
                                json{{"township_code", township_a}, {"text", "x"}}.dump());
    }, 422, "missing_field");
    EXPECT_EQ(e_missing.field(), "kind");
    refused([&] {
        supervisor.request_json(http_method::post, "/api/v1/supervision/2026/notes",
                                json{{"township_code", "529901199"}, {"kind", "criticism"}, {"text", "x"}}.dump());
    }, 404, "not_found");
    auto e = refused([&] {
        supervisor.request_json(http_method::post, "/api/v1/supervision/2026/notes",
                                json{{"township_code", village_a}, {"kind", "criticism"}, {"text", "x"}}.dump());
    }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "township_code");
    e = refused([&] {
        supervisor.request_json(http_method::post, "/api/v1/supervision/2026/notes",
                                json{{"township_code", township_a}, {"kind", "praise"}, {"text", "x"}}.dump());
    }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "kind");
    e = refused([&] {
        admin.request_json(http_method::put, "/api/v1/supervision/2026/weights",
                           json{{"progress", 50}, {"completeness", 50}, {"objections", 50}, {"spot_checks", 0}}.dump());
    }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "weights");
    refused([&] { client_as("reviewer_a").request_json(http_method::put, "/api/v1/supervision/2026/weights", weights.dump()); },
            403, "access_denied");

    // Township B's reviewer: its own line, ranked among every township (second of two), with its notices.
    auto reviewer = client_as("reviewer_b");
    const auto own = ranking(reviewer);
    EXPECT_EQ(own.area_code, township_b);
    ASSERT_EQ(own.townships.size(), 1u);
    EXPECT_EQ(own.townships[0].township_code, township_b);
    EXPECT_EQ(own.townships[0].rank, 2);
    EXPECT_EQ(own.townships_ranked, 2);
    ASSERT_EQ(own.townships[0].notes.size(), 2u);
    EXPECT_EQ(own.townships[0].notes[0].kind, "criticism");
    // A missing weight is named.
    e_missing = refused([&] {
        admin.request_json(http_method::put, "/api/v1/supervision/2026/weights",
                           json{{"progress", 50}, {"objections", 50}, {"spot_checks", 0}}.dump());
    }, 422, "missing_field");
    EXPECT_EQ(e_missing.field(), "completeness");
    refused([&] { ranking(reviewer, township_a); }, 403, "area_forbidden");
    auto village_clerk = client_as("clerk_b");
    refused([&] { ranking(village_clerk); }, 403, "access_denied");
    // The county sees both notices.
    EXPECT_EQ(of(ranking(admin), township_a).notes.size(), 1u);
}

TEST_P(supervision, TheRankingComesAsACircularAndAWorkbookAndIsAudited) {
    auto admin = client_as("admin");
    admin.request_json(http_method::put, "/api/v1/campaigns/2026", phases_over.dump());
    admin.request_json(http_method::put, "/api/v1/supervision/2026/weights", weights.dump());
    const auto h = client_as("clerk_a").create_household(test_data::sample_household({.group = group_a, .seed = 86}), "");
    mark_registered(h.id);
    client_as("supervisor").request_json(
        http_method::post, "/api/v1/supervision/2026/notes",
        json{{"township_code", township_a}, {"kind", "criticism"}, {"text", "资料不全，限期整改"}}.dump());

    auto result = admin.request(http_method::get, "/api/v1/supervision/2026/ranking?format=pdf");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(*result.header("Content-Type"), "application/pdf");
    const auto text = test_support::pdf_text(result.body);
    EXPECT_TRUE(test_support::has_text(text, "2026年度扶贫对象建档立卡专项督查排名")) << text;
    EXPECT_TRUE(test_support::has_text(text, "0/1"));  // township A's complete files
    EXPECT_TRUE(test_support::has_text(text, "【通报批评】"));
    EXPECT_TRUE(test_support::has_text(text, "资料不全，限期整改"));
    result = admin.request(http_method::get, "/api/v1/supervision/2026/ranking?format=xlsx");
    ASSERT_EQ(result.status, 200) << result.body;
    const auto cells = test_support::xlsx_cells(result.body, 1);
    EXPECT_EQ(cells.at("A4"), "1");
    EXPECT_EQ(cells.at("B4"), township_a);
    // A township's export is its own line, an excerpt, not the leading group's circular.
    result = client_as("reviewer_a").request(http_method::get, "/api/v1/supervision/2026/ranking?format=pdf");
    ASSERT_EQ(result.status, 200) << result.body;
    const auto excerpt = test_support::pdf_text(result.body);
    EXPECT_TRUE(test_support::has_text(excerpt, "专项督查排名（摘录）")) << excerpt;
    EXPECT_FALSE(test_support::has_text(excerpt, "领导小组办公室"));
    EXPECT_TRUE(test_support::has_text(text, "领导小组办公室"));
    EXPECT_EQ(audited("document.export", "supervision/2026"), 3);
    EXPECT_EQ(admin.request(http_method::get, "/api/v1/supervision/2026/ranking?format=csv").status, 422);
}

INSTANTIATE_TEST_SUITE_P(backends, supervision, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
