// Assistance end to end over real TLS on both databases: measures by category with funds by source, the
// categories the causes suggest, projects serving several households, the household's plan for the year,
// visits and the county's unannounced checks, and the 三到户三到人 view rolled up with every gap named. Who may
// record what, and every refusal's code, on the way.
#include <gtest/gtest.h>

#include <chrono>

#include "client/client_error.hpp"
#include "common/china_date.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

constexpr int year = 2026;

std::string days_ago(int n) {
    using namespace std::chrono;
    return common::format_date(year_month_day{sys_days{common::today_in_china()} - days{n}});
}

class assistance : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (IsSkipped() || !server_) return;
        auto admin = client_as("admin");
        unit_ = admin.create_helper_unit({0, "县农业农村局", "county", county_code}).id;
        helper_ = new_helper("李帮扶");
    }

    std::int64_t new_helper(const std::string& name) {
        common::helper h;
        h.unit_id = unit_;
        h.name = name;
        h.phone = "13900000001";
        return client_as("admin").create_helper(h).id;
    }

    std::int64_t registered_household(int seed, const std::string& group = group_a) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        const auto stored =
            client_as(clerk).create_household(test_data::sample_household({.group = group, .seed = seed}), "");
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(stored.id, "registered", 1000));
        tx.commit();
        return stored.id;
    }

    common::measure measure_of(const std::string& category, std::int64_t helper = 0) {
        common::measure m;
        m.category = category;
        m.plan_year = year;
        m.content = "发放良种猪2头，技术员跟踪指导";
        m.helper_id = helper;
        m.funds = {{"central", 300000, 0}, {"self", 50000, 0}};
        return m;
    }

    long long count_where(const std::string& table, const std::string& condition) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM " + table + " WHERE " + condition).at(0).get_int64(0);
    }

    std::int64_t unit_ = 0;
    std::int64_t helper_ = 0;
};

TEST_P(assistance, measures_carry_funds_by_source_and_follow_their_status) {
    const auto household = registered_household(1);
    auto clerk = client_as("clerk_a");
    auto m = clerk.add_measure(household, measure_of("industry", helper_));
    EXPECT_EQ(m.household_id, household);
    EXPECT_EQ(m.village_code, village_a);
    EXPECT_EQ(m.status, "planned");
    EXPECT_EQ(m.helper_name, "李帮扶");
    ASSERT_EQ(m.funds.size(), 2u);
    EXPECT_EQ(common::planned_total(m), 350000);
    EXPECT_EQ(m.version, 1);

    m.status = "in_progress";
    m.start_date = "2026-03-01";
    m.funds[0].paid = 200000;
    const auto changed = client_as("reviewer_a").update_measure(m);
    EXPECT_EQ(changed.version, 2);
    EXPECT_EQ(common::paid_total(changed), 200000);
    EXPECT_EQ(changed.updated_by, "reviewer_a");
    refused([&] { clerk.update_measure(m); }, 409, "version_conflict");  // m names version 1
    EXPECT_EQ(clerk.get_measure(m.id).start_date, "2026-03-01");
    ASSERT_EQ(clerk.list_measures(household, year).size(), 1u);
    EXPECT_TRUE(clerk.list_measures(household, 2025).empty());

    // The helper leaves: the measure is still carried on and completed under his name.
    auto gone = client_as("admin").get_helper(helper_);
    gone.active = false;
    client_as("admin").update_helper(gone);
    auto carried = changed;
    carried.status = "completed";
    const auto completed = clerk.update_measure(carried);
    EXPECT_EQ(completed.status, "completed");
    auto naming_him_anew = measure_of("industry", helper_);
    refused([&] { clerk.add_measure(household, naming_him_anew); }, 409, "helper_inactive");

    auto cancelled = completed;
    cancelled.status = "cancelled";
    EXPECT_EQ(refused([&] { clerk.update_measure(cancelled); }, 422, "missing_field").field(), "cancel_reason");
    cancelled.cancel_reason = "户已外出务工";
    EXPECT_EQ(clerk.update_measure(cancelled).status, "cancelled");

    EXPECT_EQ(count_where("audit_log", "action LIKE 'measure.%'"), 4);
    EXPECT_EQ(count_where("events", "kind LIKE 'measure.%' AND village_code = '" + village_a + "' AND public = 0"), 4);
    EXPECT_EQ(count_where("measure_funds", "1 = 1"), 2) << "funds replaced, not added to, on an update";
}

TEST_P(assistance, measures_are_checked_and_recorded_by_the_households_area) {
    const auto household = registered_household(1);
    auto clerk = client_as("clerk_a");
    const auto bad = [&](auto&& breakage, const std::string& code, const std::string& field) {
        auto m = measure_of("industry");
        breakage(m);
        EXPECT_EQ(refused([&] { clerk.add_measure(household, m); }, 422, code).field(), field);
    };
    bad([](common::measure& m) { m.category = "charity"; }, "invalid_value", "category");
    bad([](common::measure& m) { m.content.clear(); }, "missing_field", "content");
    bad([](common::measure& m) { m.plan_year = 1999; }, "invalid_value", "plan_year");
    bad([](common::measure& m) { m.funds.push_back({"central", 1, 0}); }, "invalid_value", "funds[2].source");
    bad([](common::measure& m) { m.funds[0].source = "bank"; }, "invalid_value", "funds[0].source");
    bad([](common::measure& m) { m.funds[1].paid = -100; }, "invalid_value", "funds[1].paid");
    bad([](common::measure& m) { m.start_date = "2026-02-30"; }, "invalid_value", "start_date");
    bad([](common::measure& m) { m.start_date = "2026-05-01", m.end_date = "2026-04-01"; }, "invalid_value", "end_date");
    bad([](common::measure& m) { m.cancel_reason = "x"; }, "invalid_value", "cancel_reason");
    bad([](common::measure& m) { m.helper_id = 999; }, "invalid_value", "helper_id");
    bad([](common::measure& m) { m.project_id = 999; }, "invalid_value", "project_id");

    refused([&] { client_as("clerk_b").add_measure(household, measure_of("industry")); }, 403, "area_forbidden");
    refused([&] { client_as("supervisor").add_measure(household, measure_of("industry")); }, 403, "access_denied");
    refused([&] { client_as("approver").add_measure(household, measure_of("industry")); }, 403, "access_denied");
    const auto pending = client_as("clerk_a").create_household(test_data::sample_household({.group = group_a, .seed = 2}), "");
    refused([&] { clerk.add_measure(pending.id, measure_of("industry")); }, 409, "household_not_registered");
    refused([&] { client_as("clerk_b").list_measures(household, 0); }, 403, "area_forbidden");
    EXPECT_EQ(count_rows("measures"), 0);
}

// A measure belongs to its household's area as the household is now: moved to another village, the old
// village's clerk no longer reaches it, and the township still does.
TEST_P(assistance, a_measure_follows_its_household_to_another_village) {
    const auto household = registered_household(1);
    const auto m = client_as("clerk_a").add_measure(household, measure_of("industry", helper_));
    auto reviewer = client_as("reviewer_a");
    auto file = reviewer.get_household(household);
    file.village_code = "529901100202";
    file.group_code = "529901100202001";
    reviewer.update_household(file);
    refused([&] { client_as("clerk_a").get_measure(m.id); }, 403, "area_forbidden");
    auto changed = reviewer.get_measure(m.id);
    EXPECT_EQ(changed.village_code, "529901100202");
    changed.status = "in_progress";
    refused([&] { client_as("clerk_a").update_measure(changed); }, 403, "area_forbidden");
    const auto stored = reviewer.update_measure(changed);
    EXPECT_EQ(stored.version, 2);
    EXPECT_EQ(stored.village_code, "529901100202");
    EXPECT_EQ(reviewer.list_measures(household, 0).at(0).village_code, "529901100202");
}

TEST_P(assistance, the_causes_suggest_categories) {
    auto h = test_data::sample_household({.group = group_a, .seed = 1});
    h.main_cause = "lack_of_technology";
    h.other_causes = {"illness"};
    const auto stored = client_as("clerk_a").create_household(h, "");
    const auto s = client_as("reviewer_a").suggestions(stored.id);
    ASSERT_GE(s.size(), 3u);
    EXPECT_EQ(s[0].category, "employment_training");
    EXPECT_TRUE(s[0].main_cause);
    EXPECT_EQ(s[0].because, "lack_of_technology");
    EXPECT_EQ(s[2].category, "health");
    EXPECT_FALSE(s[2].main_cause);
    refused([&] { client_as("clerk_b").suggestions(stored.id); }, 403, "area_forbidden");
}

TEST_P(assistance, a_project_serves_several_households_each_with_its_share) {
    auto reviewer = client_as("reviewer_a");
    const auto project = reviewer.add_project({0, "岩脚村人饮工程", "infrastructure", year, village_a, "新建蓄水池1座"});
    EXPECT_GT(project.id, 0);
    refused([&] { client_as("clerk_b").add_project({0, "越界项目", "infrastructure", year, village_a, ""}); }, 403,
            "area_forbidden");
    EXPECT_EQ(refused([&] { reviewer.add_project({0, "无此村", "infrastructure", year, "529901100299", ""}); }, 422,
                      "invalid_value").field(),
              "area_code");
    for (int seed : {1, 2}) {
        auto m = measure_of("infrastructure", helper_);
        m.project_id = project.id;
        m.funds = {{"county", 100000, 100000}};
        client_as("clerk_a").add_measure(registered_household(seed), m);
    }
    auto elsewhere = measure_of("infrastructure");
    elsewhere.project_id = project.id;
    EXPECT_EQ(refused([&] { client_as("clerk_b").add_measure(registered_household(3, group_b), elsewhere); }, 422,
                      "project_elsewhere").field(),
              "project_id");

    const auto listed = client_as("clerk_a").list_projects("", year);  // a village clerk sees its village's
    ASSERT_EQ(listed.size(), 1u);
    EXPECT_EQ(listed[0].households, 2);
    EXPECT_EQ(listed[0].planned, 200000);
    EXPECT_EQ(listed[0].paid, 200000);
    EXPECT_TRUE(client_as("clerk_b").list_projects("", year).empty());
    EXPECT_EQ(client_as("approver").list_projects("", year).size(), 1u);
}

TEST_P(assistance, the_plan_of_the_year_is_acknowledged_by_the_household) {
    const auto household = registered_household(1);
    auto clerk = client_as("clerk_a");
    clerk.add_measure(household, measure_of("industry", helper_));
    auto plan = clerk.get_plan(household, year);
    EXPECT_EQ(plan.version, 0);
    ASSERT_EQ(plan.measures.size(), 1u);
    plan.expected_income_effect = 150000;
    plan.note = "养猪增收";
    const auto saved = clerk.save_plan(household, plan);
    EXPECT_EQ(saved.version, 1);
    refused([&] { clerk.save_plan(household, plan); }, 409, "version_conflict");  // plan names version 0
    auto signed_plan = saved;
    signed_plan.acknowledged_on = "2026-31-01";
    EXPECT_EQ(refused([&] { clerk.save_plan(household, signed_plan); }, 422, "invalid_value").field(), "acknowledged_on");
    signed_plan.acknowledged_on = "2026-03-01";
    EXPECT_EQ(clerk.save_plan(household, signed_plan).acknowledged_on, "2026-03-01");
    EXPECT_EQ(client_as("head_a").get_plan(household, year).version, 2);
    refused([&] { client_as("supervisor").save_plan(household, signed_plan); }, 403, "access_denied");
    EXPECT_EQ(count_where("audit_log", "action = 'plan.save'"), 2);
}

TEST_P(assistance, helpers_visit_and_supervisors_check) {
    const auto household = registered_household(1);
    client_as("reviewer_a").pair_helper(household, helper_, "结对");
    common::visit v;
    v.helper_id = helper_;
    v.kind = "home_visit";
    v.visited_on = days_ago(3);
    v.done = "了解生猪养殖情况";
    v.situation = "母猪产仔8头";
    const auto recorded = client_as("clerk_a").record_visit(household, v);
    EXPECT_EQ(recorded.helper_name, "李帮扶");
    EXPECT_EQ(recorded.recorded_by, "clerk_a");

    common::visit check;
    check.kind = "unannounced_check";
    check.visited_on = days_ago(1);
    check.done = "入户核实帮扶措施落实情况";
    client_as("supervisor").record_visit(household, check);
    refused([&] { client_as("clerk_a").record_visit(household, check); }, 403, "access_denied");
    refused([&] { client_as("supervisor").record_visit(household, v); }, 403, "access_denied");
    auto with_helper = check;
    with_helper.helper_id = helper_;
    EXPECT_EQ(refused([&] { client_as("supervisor").record_visit(household, with_helper); }, 422, "invalid_value").field(),
              "helper_id");
    auto no_helper = v;
    no_helper.helper_id = 0;
    EXPECT_EQ(refused([&] { client_as("clerk_a").record_visit(household, no_helper); }, 422, "missing_field").field(),
              "helper_id");
    auto future = v;
    future.visited_on = days_ago(-2);
    EXPECT_EQ(refused([&] { client_as("clerk_a").record_visit(household, future); }, 422, "invalid_value").field(),
              "visited_on");
    refused([&] { client_as("clerk_b").record_visit(household, v); }, 403, "area_forbidden");
    // The visitor is one of the household's own helpers: paired with it, or named on one of its measures.
    auto stranger = v;
    stranger.helper_id = new_helper("王路人");
    EXPECT_EQ(refused([&] { client_as("clerk_a").record_visit(household, stranger); }, 422, "invalid_value").field(),
              "helper_id");
    client_as("clerk_a").add_measure(household, measure_of("industry", stranger.helper_id));
    client_as("clerk_a").record_visit(household, stranger);

    const auto visits = client_as("reviewer_a").list_visits(household);
    ASSERT_EQ(visits.size(), 3u);
    EXPECT_EQ(visits[0].kind, "unannounced_check");  // newest day first, then the later record of a day
    EXPECT_EQ(visits[1].helper_name, "王路人");
    EXPECT_EQ(visits[2].situation, "母猪产仔8头");
    EXPECT_EQ(count_where("events", "kind = 'visit.recorded' AND public = 0"), 3);
}

// Three households of township A: one with all six, one with nothing, one with a stale visit and a measure
// without its helper; one household of township B. The township's view counts them, the county's rolls them
// up by township, and the gaps name what each household misses.
TEST_P(assistance, sandaohu_counts_every_answer_and_names_the_gaps) {
    auto clerk = client_as("clerk_a");
    auto reviewer = client_as("reviewer_a");
    const auto complete = registered_household(1);
    const auto empty = registered_household(2);
    const auto partial = registered_household(3);
    registered_household(4, group_b);

    for (const auto h : {complete, partial}) reviewer.pair_helper(h, helper_, "结对");
    auto m = measure_of("industry", helper_);
    m.status = "in_progress";
    m.funds = {{"central", 300000, 100000}};
    clerk.add_measure(complete, m);
    auto unnamed = measure_of("industry");
    unnamed.status = "completed";
    clerk.add_measure(partial, unnamed);
    common::assistance_plan plan;
    plan.year = year;
    plan.expected_income_effect = 100000;
    plan.acknowledged_on = "2026-03-01";
    clerk.save_plan(complete, plan);
    common::visit recent;
    recent.helper_id = helper_;
    recent.kind = "home_visit";
    recent.visited_on = days_ago(10);
    recent.done = "走访";
    clerk.record_visit(complete, recent);
    auto stale = recent;
    stale.visited_on = days_ago(120);  // outside the 90 days
    clerk.record_visit(partial, stale);

    const auto township = reviewer.sandaohu("", year, 200);
    EXPECT_EQ(township.area_code, township_a);
    EXPECT_EQ(township.since, days_ago(89));
    ASSERT_GE(township.areas.size(), 2u);
    const auto& all = township.areas[0];
    EXPECT_EQ(all.households, 3);
    EXPECT_EQ(all.plan, 1);
    EXPECT_EQ(all.project, 2);
    EXPECT_EQ(all.funds, 1);
    EXPECT_EQ(all.responsibility, 2);
    EXPECT_EQ(all.project_person, 1);
    EXPECT_EQ(all.contact, 1);
    EXPECT_EQ(all.complete, 1);
    bool village_found = false;
    for (const auto& a : township.areas) {
        if (a.area_code != village_a) continue;
        village_found = true;
        EXPECT_EQ(a.households, 3);
    }
    EXPECT_TRUE(village_found);
    EXPECT_EQ(township.gaps_total, 2);
    ASSERT_EQ(township.gaps.size(), 2u);
    EXPECT_EQ(township.gaps[0].household_id, empty);
    EXPECT_FALSE(township.gaps[0].responsibility);
    EXPECT_EQ(township.gaps[1].household_id, partial);
    EXPECT_TRUE(township.gaps[1].project);
    EXPECT_TRUE(township.gaps[1].responsibility);
    EXPECT_FALSE(township.gaps[1].project_person);
    EXPECT_FALSE(township.gaps[1].contact);
    EXPECT_FALSE(township.gaps[1].funds);

    const auto county = client_as("supervisor").sandaohu("", year, 1);
    EXPECT_EQ(county.areas[0].households, 4);
    EXPECT_EQ(county.gaps_total, 3);
    EXPECT_EQ(county.gaps.size(), 1u) << "at most the limit listed";
    for (const auto& a : county.areas) {
        if (a.area_code == township_b) {
            EXPECT_EQ(a.households, 1);
        }
    }
    refused([&] { client_as("clerk_b").sandaohu(village_a, year, 10); }, 403, "area_forbidden");

    // The pairing queue: only the households without a helper, though the other gap lacks more.
    const auto unpaired = reviewer.sandaohu("", year, 200, "responsibility");
    EXPECT_EQ(unpaired.gaps_total, 1);
    ASSERT_EQ(unpaired.gaps.size(), 1u);
    EXPECT_EQ(unpaired.gaps[0].household_id, empty);
    EXPECT_EQ(unpaired.areas[0].households, 3) << "the counts are the area's whatever is listed";
    const auto uncontacted = reviewer.sandaohu("", year, 200, "contact");
    EXPECT_EQ(uncontacted.gaps_total, 2);
    refused([&] { reviewer.sandaohu("", year, 200, "helper"); }, 422, "invalid_value");
}

INSTANTIATE_TEST_SUITE_P(backends, assistance, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
