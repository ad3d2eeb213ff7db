// The county's figures end to end over real TLS on both databases: households and people by area and status,
// cause, type, income band and attribute, helper coverage, the year's measures and funds; each office sees its
// own area's, the county all; the workbook and the charts come as files and are audited.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/statistics.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "tests/integration/test_archive.hpp"
#include "tests/support/document_reader.hpp"

namespace fupin::test {
namespace {

using client::http_method;

constexpr int year = 2026;

const common::keyed_tally& key_of(const std::vector<common::keyed_tally>& items, const std::string& key) {
    for (const auto& k : items)
        if (k.key == key) return k;
    static const common::keyed_tally none{};
    ADD_FAILURE() << "no " << key;
    return none;
}

class statistics : public archive_test {
protected:
    common::household new_household(const std::string& group, int seed, int size, const std::string& status) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        auto h = client_as(clerk).create_household(
            test_data::sample_household({.group = group, .seed = seed, .size = size}), "");
        if (status != "pending") {
            auto db = server::sql::connect(database_->url());
            server::sql::transaction tx(*db, server::sql::tx_mode::write);
            EXPECT_TRUE(server::storage::household_repository(*db).set_status(h.id, status, 1000));
            tx.commit();
        }
        return h;
    }

    // The households in poor villages, counted the long way.
    long long poor_households() {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM households h JOIN areas v ON v.code = h.village_code "
                         "WHERE v.poor_village = 1")
            .at(0)
            .get_int64(0);
    }

    long long audited(const std::string& action, const std::string& record) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM audit_log WHERE action = ? AND record = ?", {action, record})
            .at(0)
            .get_int64(0);
    }
};

TEST_P(statistics, TheFiguresCountHouseholdsAndPeopleByAreaStatusAndCause) {
    const auto a1 = new_household(group_a, 1, 3, "registered");
    new_household(group_a, 2, 1, "pending");
    new_household(group_b, 3, 4, "registered");
    // One in 坪上村's neighbour 529901100204, a poor village (贫困村) of township A, entered by its reviewer.
    client_as("reviewer_a").create_household(
        test_data::sample_household({.group = "529901100204001", .seed = 4, .size = 2}), "");

    // A helper for one of them, and a measure of the year with its funds.
    auto admin = client_as("admin");
    const auto unit = admin.create_helper_unit({0, "县农业农村局", "county", county_code}).id;
    common::helper helper;
    helper.unit_id = unit;
    helper.name = "李帮扶";
    helper.phone = "13900000001";
    const auto helper_id = admin.create_helper(helper).id;
    client_as("reviewer_a").pair_helper(a1.id, helper_id, "结对");
    common::measure m;
    m.category = "industry";
    m.plan_year = year;
    m.content = "发放良种猪2头";
    m.funds = {{"central", 300000, 100000}, {"self", 50000, 0}};
    client_as("clerk_a").add_measure(a1.id, m);

    const auto county = client_as("approver").statistics("", year);
    EXPECT_EQ(county.area_code, county_code);
    ASSERT_GE(county.areas.size(), 3u);
    EXPECT_EQ(county.areas.front().all.households, 4);
    EXPECT_EQ(county.areas.front().all.people, 10);
    EXPECT_EQ(county.registered(), 2);
    EXPECT_EQ(county.registered_with_helper(), 1);
    EXPECT_EQ(key_of(county.by_status, "pending").count.households, 2);
    EXPECT_EQ(key_of(county.by_status, "registered").count.people, 7);
    // The sample household's cause, type and income band, for all four.
    EXPECT_EQ(key_of(county.by_main_cause, a1.main_cause).count.households, 4);
    EXPECT_EQ(key_of(county.by_poverty_type, a1.poverty_type).count.households, 4);
    EXPECT_EQ(key_of(county.by_attribute, "poor_village").count.households, 1);
    EXPECT_EQ(key_of(county.by_attribute, "poor_village").count.people, 2);
    EXPECT_EQ(poor_households(), 1);
    std::int64_t banded = 0;
    for (const auto& b : county.by_income_band) banded += b.count.households;
    EXPECT_EQ(banded, 4);
    for (const auto& a : county.areas) {
        if (a.code == township_a) {
            EXPECT_EQ(a.all.households, 3);
            EXPECT_EQ(a.with_helper, 1);
        }
        if (a.code == township_b) {
            EXPECT_EQ(a.all.households, 1);
        }
    }
    ASSERT_EQ(county.measures_by_category.size(), 1u);
    EXPECT_EQ(county.measures_by_category[0].key, "industry");
    EXPECT_EQ(county.measures_by_category[0].planned, 350000);
    EXPECT_EQ(county.measures_by_category[0].paid, 100000);
    ASSERT_EQ(county.funds_by_source.size(), 2u);
    EXPECT_EQ(county.funds_by_source[0].key, "central");
    EXPECT_EQ(county.funds_by_source[0].paid, 100000);
    // Another year has no measures.
    EXPECT_TRUE(client_as("approver").statistics("", year + 1).measures_by_category.empty());

    // A township sees its own: its villages below it.
    const auto own = client_as("reviewer_a").statistics("", year);
    EXPECT_EQ(own.area_code, township_a);
    EXPECT_EQ(own.areas.front().all.households, 3);
    EXPECT_EQ(key_of(own.by_attribute, "poor_village").count.households, 1);
    for (const auto& a : own.areas)
        if (a.code == "529901100204") {
            EXPECT_EQ(a.all.households, 1);
        }
    refused([&] { client_as("reviewer_a").statistics(township_b, year); }, 403, "area_forbidden");
    refused([&] { client_as("helper_a").statistics("", year); }, 403, "access_denied");
    auto e = refused([&] { client_as("approver").statistics(group_a, year); }, 422, "invalid_value");
    EXPECT_EQ(e.field(), "area");
}

TEST_P(statistics, TheWorkbookAndTheChartsComeAsFilesAndAreAudited) {
    new_household(group_a, 10, 2, "pending");
    auto c = client_as("reviewer_a");
    auto result = c.request(http_method::get, "/api/v1/statistics?year=2026&format=xlsx");
    ASSERT_EQ(result.status, 200) << result.body;
    auto cells = test_support::xlsx_cells(result.body, 1);
    EXPECT_EQ(cells["B3"], "1");
    result = c.request(http_method::get, "/api/v1/statistics/chart?year=2026&kind=areas&format=png");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_EQ(result.body.rfind("\x89PNG", 0), 0u);
    EXPECT_EQ(*result.header("Content-Type"), "image/png");
    result = c.request(http_method::get, "/api/v1/statistics/chart?year=2026&kind=causes&format=svg");
    ASSERT_EQ(result.status, 200) << result.body;
    EXPECT_NE(result.body.find("<svg"), std::string::npos);
    EXPECT_EQ(audited("document.export", "area/" + township_a), 3);
    EXPECT_EQ(c.request(http_method::get, "/api/v1/statistics/chart?year=2026&kind=bars").status, 422);
    EXPECT_EQ(c.request(http_method::get, "/api/v1/statistics?format=xlsx").status, 400);  // the year is required
}

INSTANTIATE_TEST_SUITE_P(backends, statistics, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
