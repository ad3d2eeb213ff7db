// The year's campaign end to end on both databases: the county sets its four phases, every official reads them,
// and each township's progress is counted against them: cases by state and overdue once identification is over,
// registered files complete, with a helper, with the year's plan.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/campaign_json.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

// Identification ends on `identification_ends`; registration runs from the day after to 2099.
nlohmann::json phases(const std::string& identification_ends, const std::string& registration_starts) {
    return {{"phases",
             {{{"phase", "preparation"}, {"starts_on", "2020-01-01"}, {"ends_on", "2020-01-31"}},
              {{"phase", "identification"}, {"starts_on", "2020-02-01"}, {"ends_on", identification_ends}},
              {{"phase", "registration"}, {"starts_on", registration_starts}, {"ends_on", "2099-06-30"}},
              {{"phase", "summary"}, {"starts_on", "2099-07-01"}, {"ends_on", "2099-12-31"}}}}};
}


class campaign : public archive_test {
protected:
    static const common::township_progress& of(const common::campaign_progress& p, const std::string& code) {
        for (const auto& t : p.townships)
            if (t.township_code == code) return t;
        static const common::township_progress none;
        ADD_FAILURE() << "no township " << code;
        return none;
    }
    common::campaign_progress progress(client::api_client& c, const std::string& area = "") {
        return common::campaign_progress_from_json(c.request_json(
            http_method::get, "/api/v1/campaigns/2026/progress" + (area.empty() ? "" : "?area=" + area)));
    }
};

TEST_P(campaign, EachTownshipsProgressIsCountedAgainstThePhases) {
    auto admin = client_as("admin");
    refused([&] { admin.request_json(http_method::get, "/api/v1/campaigns/2026"); }, 404, "campaign_not_set");
    admin.request_json(http_method::put, "/api/v1/campaigns/2026", phases("2098-12-31", "2099-01-01").dump());
    admin.set_poverty_line(2026, 230000);

    // Township A: a registered file with everything, one registered file lacking its documents, one case open.
    auto clerk = client_as("clerk_a");
    const auto complete = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 71}), "");
    const auto lacking = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 72}), "");
    const auto applying = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 73}), "");
    clerk.create_application(applying.id, 2026, "本人申请");
    mark_registered(complete.id);
    mark_registered(lacking.id);
    for (const char* kind : {"application", "appraisal_minutes", "house_photo"}) attach_pdf(clerk, complete.id, kind);
    const auto unit = admin.create_helper_unit({0, "县农业农村局", "county", county_code}).id;
    common::helper helper;
    helper.unit_id = unit;
    helper.name = "李帮扶";
    helper.phone = "13900000001";
    client_as("reviewer_a").pair_helper(complete.id, admin.create_helper(helper).id, "结对");
    common::assistance_plan plan;
    plan.year = 2026;
    plan.expected_income_effect = 100000;
    clerk.save_plan(complete.id, plan);
    // Township B: one file, nothing more.
    client_as("clerk_b").create_household(test_data::sample_household({.group = group_b, .seed = 74}), "");

    auto p = progress(admin);
    EXPECT_EQ(p.current_phase, "identification");
    EXPECT_EQ(p.phases.size(), 4u);
    const auto& a = of(p, township_a);
    EXPECT_EQ(a.households, 3);
    EXPECT_EQ(a.cases, 1);
    EXPECT_EQ(a.cases_open, 1);
    EXPECT_EQ(a.cases_overdue, 0) << "identification is not over";
    EXPECT_EQ(a.registered, 2);
    EXPECT_EQ(a.complete_files, 1);
    EXPECT_EQ(a.with_helper, 1);
    EXPECT_EQ(a.with_plan, 1);
    const auto& b = of(p, township_b);
    EXPECT_EQ(b.households, 1);
    EXPECT_EQ(b.cases, 0);

    // Identification over: the open case is overdue, and the phase now is registration.
    admin.request_json(http_method::put, "/api/v1/campaigns/2026", phases("2020-12-31", "2021-01-01").dump());
    p = progress(admin);
    EXPECT_EQ(p.current_phase, "registration");
    EXPECT_EQ(of(p, township_a).cases_overdue, 1);

    // A township sees its own; a village's office none, and a village is no township; the county's admin sets the phases, no one else.
    auto reviewer = client_as("reviewer_a");
    const auto own = progress(reviewer);
    ASSERT_EQ(own.townships.size(), 1u);
    EXPECT_EQ(own.townships[0].township_code, township_a);
    refused([&] { progress(reviewer, township_b); }, 403, "area_forbidden");
    refused([&] { progress(clerk); }, 403, "access_denied");
    refused([&] { progress(admin, village_a); }, 400, "invalid_parameter");
    refused([&] { reviewer.request_json(http_method::put, "/api/v1/campaigns/2026", phases("2020-12-31", "2021-01-01").dump()); },
            403, "access_denied");
    // Overlapping phases are refused, naming the phase.
    const auto overlapping = refused(
        [&] { admin.request_json(http_method::put, "/api/v1/campaigns/2026", phases("2021-06-30", "2021-01-01").dump()); },
        422, "invalid_value");
    EXPECT_EQ(overlapping.field(), "phases[2].starts_on");
}

INSTANTIATE_TEST_SUITE_P(backends, campaign, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
