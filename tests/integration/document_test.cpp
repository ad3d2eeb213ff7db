// The printed documents end to end over real TLS on both databases: a household's card (PDF), a village's
// register and a township's book (PDF and XLSX), an area's archive as one table (XLSX and CSV), a posting for the
// notice board; each read back as a person's tools read it (pdftotext, the sheet's cells), each reachable as the
// data inside is, each an audit entry.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include <set>

#include "common/csv_reader.hpp"
#include "common/display_text.hpp"
#include "common/household_json.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "tests/integration/test_archive.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::test {
namespace {

using client::http_method;
using nlohmann::json;
using test_support::has_text;

constexpr int year = 2026;

class documents : public archive_test {
protected:
    common::household new_household(const std::string& group, int seed, int size = 3) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        return client_as(clerk).create_household(
            test_data::sample_household({.group = group, .seed = seed, .size = size}), "");
    }

    // The document's bytes, after checking the answer says what it is.
    static std::string fetch(client::api_client& c, const std::string& target, const std::string& type) {
        const auto result = c.request(http_method::get, target);
        if (result.status != 200) throw client::error_from_response(result);
        const auto* content_type = result.header("Content-Type");
        EXPECT_TRUE(content_type && *content_type == type) << (content_type ? *content_type : "no Content-Type");
        const auto* disposition = result.header("Content-Disposition");
        EXPECT_TRUE(disposition && disposition->starts_with("attachment; filename=\""));
        const auto* cache = result.header("Cache-Control");
        EXPECT_TRUE(cache && *cache == "no-store");
        return result.body;
    }
    static std::string fetch(client::api_client&& c, const std::string& target, const std::string& type) {
        return fetch(c, target, type);
    }

    long long printed_as(const std::string& action, const std::string& record) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record = ?", {action, record})
            .at(0)
            .get_int64(0);
    }
    long long printed(const std::string& record) { return printed_as("document.print", record); }
};

constexpr const char* pdf = "application/pdf";
constexpr const char* xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

TEST_P(documents, AHouseholdsCardNamesItsPeopleAndIncomeAndIsAudited) {
    const auto h = new_household(group_a, 1);
    const auto target = "/api/v1/households/" + std::to_string(h.id) + "/card";
    const auto bytes = fetch(client_as("clerk_a"), target, pdf);
    const auto text = test_support::pdf_text(bytes);
    EXPECT_TRUE(has_text(text, "扶贫开发建档立卡贫困户登记表"));
    EXPECT_TRUE(has_text(text, h.head_name));
    for (const auto& m : h.members) EXPECT_TRUE(has_text(text, m.name)) << m.name;
    EXPECT_TRUE(has_text(text, common::format_amount(h.per_capita_net_income)));
    EXPECT_TRUE(has_text(text, "青峰县"));  // the county's name in every page's head
    EXPECT_TRUE(has_text(text, "打印：clerk_a 测试账号"));
    EXPECT_EQ(printed("household/" + std::to_string(h.id)), 1);

    // The township and the county read it; another village, a helper not paired with it, do not.
    fetch(client_as("reviewer_a"), target, pdf);
    fetch(client_as("approver"), target, pdf);
    refused([&] { fetch(client_as("clerk_b"), target, pdf); }, 403, "area_forbidden");
    refused([&] { fetch(client_as("helper_a"), target, pdf); }, 403, "not_paired");
    refused([&] { fetch(client_as("clerk_a"), "/api/v1/households/999999/card", pdf); }, 404, "not_found");
    EXPECT_EQ(printed("household/" + std::to_string(h.id)), 3);
}

TEST_P(documents, AVillagesRegisterAsXlsxHasARowPerHouseholdAndTheTotals) {
    const auto first = new_household(group_a, 10, 1);
    const auto second = new_household(group_a, 11, 4);
    const auto bytes = fetch(client_as("clerk_a"), "/api/v1/areas/" + village_a + "/register?format=xlsx", xlsx);
    auto cells = test_support::xlsx_cells(bytes, 1);
    EXPECT_EQ(cells["C3"], first.head_name);
    EXPECT_EQ(cells["D3"], first.members.front().id_number);
    EXPECT_EQ(cells["E3"], "1");
    EXPECT_EQ(cells["C4"], second.head_name);
    EXPECT_EQ(cells["E4"], "4");
    EXPECT_EQ(cells["F4"], second.members.at(1).name + "（配偶）、" + second.members.at(2).name + "（儿子）、" +
                               second.members.at(3).name + "（女儿）");
    EXPECT_EQ(cells["A5"], "合计");
    EXPECT_EQ(cells["C5"], "2 户");
    EXPECT_EQ(cells["E5"], "5");
    EXPECT_EQ(printed("area/" + village_a), 1);
}

TEST_P(documents, AVillagesRegisterAsPdfNamesTheHeadsMembersAndTotals) {
    const auto a = new_household(group_a, 20, 2);
    const auto b = new_household(group_a, 21, 3);
    const auto text = test_support::pdf_text(fetch(client_as("reviewer_a"), "/api/v1/areas/" + village_a + "/register", pdf));
    for (const auto& h : {a, b})
        for (const auto& m : h.members) EXPECT_TRUE(has_text(text, m.name)) << m.name;
    EXPECT_TRUE(has_text(text, "合计 2 户"));
    EXPECT_TRUE(has_text(text, "其中：待识别 2"));
}

TEST_P(documents, ATownshipsBookHasASheetPerVillageAndIsTheTownshipsAlone) {
    new_household(group_a, 30);
    new_household(group_a, 31);
    const auto target = "/api/v1/areas/" + township_a + "/register?format=xlsx";
    const auto bytes = fetch(client_as("reviewer_a"), target, xlsx);
    const auto sheets = test_support::xlsx_sheet_names(bytes);
    ASSERT_GE(sheets.size(), 2u);
    EXPECT_EQ(sheets.front(), "汇总");
    auto summary = test_support::xlsx_cells(bytes, 1);
    const auto last_row = std::to_string(2 + sheets.size());  // title, header, a row per village, the total
    EXPECT_EQ(summary["A" + last_row], "合计");
    EXPECT_EQ(summary["B" + last_row], "2");
    EXPECT_EQ(summary["C" + last_row], "6");

    // A village clerk has no township's book, another township's reviewer not this one's.
    refused([&] { fetch(client_as("clerk_a"), target, xlsx); }, 403, "area_forbidden");
    refused([&] { fetch(client_as("reviewer_b"), target, xlsx); }, 403, "area_forbidden");
    fetch(client_as("approver"), target, xlsx);
    EXPECT_EQ(printed("area/" + township_a), 2);
}

TEST_P(documents, ARegisterIsOfAVillageOrATownshipInAKnownFormat) {
    auto c = client_as("approver");
    auto e = refused([&] { fetch(c, "/api/v1/areas/" + county_code + "/register", pdf); }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "area");
    e = refused([&] { fetch(c, "/api/v1/areas/" + village_a + "/register?format=doc", pdf); }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "format");
    refused([&] { fetch(c, "/api/v1/areas/529901199299/register", pdf); }, 404, "not_found");
    EXPECT_EQ(printed("area/" + county_code), 0);
}

TEST_P(documents, APostingForTheNoticeBoardHasNoIdNumbers) {
    auto admin = client_as("admin");
    admin.request_json(http_method::put, "/api/v1/poverty-lines/2026", json{{"amount", 2300}}.dump());
    auto clerk = client_as("clerk_a");
    std::vector<std::int64_t> cases;
    std::vector<common::household> households;
    for (int seed : {40, 41}) {
        households.push_back(new_household(group_a, seed));
        cases.push_back(clerk.request_json(http_method::post, "/api/v1/applications",
                                           json{{"household_id", households.back().id}, {"year", year}}.dump())["id"]);
    }
    for (const char* action : {"group_appraise", "verify"})
        clerk.request_json(http_method::post, "/api/v1/applications/steps",
                           json{{"action", action}, {"application_ids", cases}}.dump());
    json results = json::array();
    int rank = 0;
    for (auto id : cases)
        results.push_back({{"application_id", id}, {"final_rank", ++rank}, {"votes_for", 9}, {"votes_against", 0},
                           {"votes_abstain", 0}});
    json panel = json::array();
    for (int i = 1; i <= 9; ++i) panel.push_back("评议员" + std::to_string(i));
    clerk.request_json(http_method::post, "/api/v1/appraisals",
                       json{{"village_code", village_a}, {"year", year}, {"meeting_date", "2026-01-02"},
                            {"panel", panel}, {"results", results}}
                           .dump());
    const auto posting = clerk.request_json(http_method::post, "/api/v1/postings",
                                            json{{"level", "village"}, {"area_code", village_a}, {"year", year}}.dump());
    const auto id = std::to_string(posting["id"].get<std::int64_t>());

    // Every user of the county reads postings: they are public.
    const auto text = test_support::pdf_text(fetch(client_as("reviewer_b"), "/api/v1/postings/" + id + "/document", pdf));
    EXPECT_TRUE(has_text(text, "2026年扶贫对象第一榜公示"));
    for (const auto& h : households) {
        EXPECT_TRUE(has_text(text, h.head_name));
        for (const auto& m : h.members) EXPECT_FALSE(has_text(text, m.id_number)) << "an ID number on the board";
    }
    EXPECT_TRUE(has_text(text, "共 2 户"));
    EXPECT_TRUE(has_text(text, "村民委员会（盖章）"));
    EXPECT_EQ(printed("posting/" + id), 1);
    refused([&] { fetch(client_as("clerk_a"), "/api/v1/postings/99999/document", pdf); }, 404, "not_found");
}

TEST_P(documents, AnAreasArchiveExportsARowPerMemberInTheFormsColumns) {
    const auto a = new_household(group_a, 60, 2);
    const auto b = new_household(group_b, 61, 3);
    // The county's archive holds both townships' files, as CSV with the BOM and a header.
    auto bytes = fetch(client_as("approver"), "/api/v1/areas/" + county_code + "/archive?format=csv", "text/csv; charset=utf-8");
    ASSERT_EQ(bytes.rfind("\xEF\xBB\xBF", 0), 0u);
    auto csv = common::read_csv(std::string_view(bytes).substr(3), 100);
    ASSERT_TRUE(csv.ok());
    ASSERT_EQ(csv.records.size(), 1u + 2 + 3);
    EXPECT_EQ(csv.records[0].fields.front(), "户编号");
    std::set<std::string> numbers;
    for (std::size_t i = 1; i < csv.records.size(); ++i) numbers.insert(csv.records[i].fields.front());
    EXPECT_EQ(numbers, (std::set<std::string>{std::to_string(a.id), std::to_string(b.id)}));
    EXPECT_EQ(printed_as("document.export", "area/" + county_code), 1);

    // A township's holds its own, as XLSX by default; another township's is not its to take.
    bytes = fetch(client_as("reviewer_a"), "/api/v1/areas/" + township_a + "/archive", xlsx);
    auto cells = test_support::xlsx_cells(bytes, 1);
    EXPECT_EQ(cells["A2"], std::to_string(a.id));
    EXPECT_EQ(cells["A3"], std::to_string(a.id));
    EXPECT_EQ(cells.count("A4"), 0u);
    refused([&] { fetch(client_as("reviewer_a"), "/api/v1/areas/" + township_b + "/archive", xlsx); }, 403,
            "area_forbidden");
    auto e = refused([&] { fetch(client_as("approver"), "/api/v1/areas/" + county_code + "/archive?format=pdf", xlsx); },
                     422, "invalid_value");
    EXPECT_EQ(e.field(), "format");
}

TEST_P(documents, InEnglishOnRequest) {
    const auto h = new_household(group_a, 50);
    auto c = client_as("clerk_a", common::language::en);
    const auto text = test_support::pdf_text(fetch(c, "/api/v1/households/" + std::to_string(h.id) + "/card", pdf));
    EXPECT_TRUE(has_text(text, "household card"));
    EXPECT_TRUE(has_text(text, "Page 1"));
}

INSTANTIATE_TEST_SUITE_P(backends, documents, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
