// Checks against other departments (数据比对) end to end over real TLS on both databases: the county imports a
// department's list as CSV (UTF-8 or GB18030); every member of the archive it names raises a flag on the
// household, which its township and the county see; a file with bad rows is refused whole, each row named; a flag
// of an excluding kind (a car, a flat bought, a business, the state payroll) refuses identification and holds a
// registered household in the review round's 疑点 list until a reviewer clears it with a reason.
#include <gtest/gtest.h>

#include <cstdio>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/household_json.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "test_data/id_numbers.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;
using nlohmann::json;

constexpr int year = 2026;

class department_checks : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (HasFatalFailure() || IsSkipped()) return;
        client_as("admin").set_poverty_line(year, 230000);
    }

    common::household new_household(const std::string& group, int seed) {
        const auto clerk = group.starts_with(village_a) ? "clerk_a" : "clerk_b";
        return client_as(clerk).create_household(test_data::sample_household({.group = group, .seed = seed}), "");
    }

    void set_status(std::int64_t id, const std::string& status) {
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        EXPECT_TRUE(server::storage::household_repository(*db).set_status(id, status, 1000));
        tx.commit();
    }

    static std::string csv(const std::vector<std::pair<std::string, std::string>>& people) {
        std::string out = "身份证号,姓名,明细,日期\n";
        for (const auto& [id, detail] : people) out += id + ",某人," + detail + ",2026-03\n";
        return out;
    }

    static json import(client::api_client& c, const std::string& kind, const std::string& body,
                       const std::string& source = "") {
        std::string target = "/api/v1/department-lists?kind=" + kind + "&year=2026&file_name=list.csv";
        if (!source.empty()) target += "&source=" + source;
        return c.request_json(http_method::post, target, body, {{"Content-Type", "text/csv"}});
    }
    static json import(client::api_client&& c, const std::string& kind, const std::string& body) {
        return import(c, kind, body);
    }

    static json get(client::api_client&& c, const std::string& target) { return c.request_json(http_method::get, target); }

    static json apply(client::api_client&& c, std::int64_t household_id) {
        return c.request_json(http_method::post, "/api/v1/applications",
                              json{{"household_id", household_id}, {"year", year}}.dump());
    }

    static json clear(client::api_client&& c, std::int64_t flag_id, const std::string& reason) {
        return c.request_json(http_method::post, "/api/v1/household-flags/" + std::to_string(flag_id) + "/clear",
                              json{{"reason", reason}}.dump());
    }

    long long count_where(const std::string& table, const std::string& condition) {
        auto db = server::sql::connect(database_->url());
        return db->query("SELECT COUNT(*) FROM " + table + " WHERE " + condition).at(0).get_int64(0);
    }
};

TEST_P(department_checks, a_list_flags_the_households_whose_members_it_names_and_each_area_sees_its_own) {
    const auto a = new_household(group_a, 10);
    const auto b = new_household(group_b, 11);
    const auto untouched = new_household(group_a, 12);
    const auto outsider = test_data::demo_id_number("19700101", 991);  // on the list, in no household
    const auto body = csv({{a.members[0].id_number, "轿车一辆"}, {b.members[0].id_number, "货车一辆"}, {outsider, "轿车"}});

    refused([&] { import(client_as("clerk_a"), "vehicle", body); }, 403, "access_denied");
    refused([&] { import(client_as("reviewer_a"), "vehicle", body); }, 403, "access_denied");
    auto admin = client_as("admin");
    const auto list = import(admin, "vehicle", body);
    EXPECT_EQ(list["kind"], "vehicle");
    EXPECT_EQ(list["source"], "公安车管");  // the kind's department when none is named
    EXPECT_EQ(list["rows"], 3);
    EXPECT_EQ(list["flagged_households"], 2);
    EXPECT_EQ(list["encoding"], "utf-8");
    EXPECT_EQ(list["imported_by"], "admin");
    EXPECT_EQ(get(client_as("clerk_b"), "/api/v1/department-lists")["items"].size(), 1u);

    // Each township sees its own households' flags, the county all of them.
    const auto own = get(client_as("reviewer_a"), "/api/v1/household-flags");
    ASSERT_EQ(own["items"].size(), 1u) << own.dump();
    const auto& flag = own["items"][0];
    EXPECT_EQ(flag["household_id"], a.id);
    EXPECT_EQ(flag["excluding"], true);
    EXPECT_EQ(flag["reason"]["zh"], "成员" + a.members[0].name + "名下有机动车：轿车一辆（公安车管，2026-03）");
    EXPECT_EQ(get(client_as("supervisor"), "/api/v1/household-flags")["items"].size(), 2u);
    refused([&] { get(client_as("reviewer_a"), "/api/v1/household-flags?area=" + township_b); }, 403, "area_forbidden");
    refused([&] { get(client_as("reviewer_a"), "/api/v1/households/" + std::to_string(b.id) + "/flags"); }, 403,
            "area_forbidden");
    EXPECT_EQ(get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(a.id) + "/flags")["items"].size(), 1u);
    EXPECT_TRUE(get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(untouched.id) + "/flags")["items"].empty());

    EXPECT_EQ(count_where("audit_log", "action = 'department_list.import'"), 1);
    EXPECT_EQ(count_where("events", "kind = 'households.flagged'"), 2);  // one per village
    EXPECT_EQ(count_where("events", "kind = 'department_list.imported'"), 1);

    // A second list naming the same person raises a flag of its own; a list of a kind that informs does not
    // exclude.
    import(admin, "dibao", csv({{a.members[0].id_number, "低保二类"}}));
    const auto both = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(a.id) + "/flags");
    ASSERT_EQ(both["items"].size(), 2u);
    EXPECT_EQ(both["items"][1]["excluding"], false);
    EXPECT_EQ(both["items"][1]["source"], "民政");
}

TEST_P(department_checks, a_file_with_bad_rows_is_refused_whole_naming_each_row) {
    const auto a = new_household(group_a, 20);
    auto admin = client_as("admin");
    const auto body = "身份证号,姓名,明细,日期\n" + a.members[0].id_number + ",某,轿车,2026-03\n" +
                      "52990119800101123,某,轿车,2026-03\n" + a.members[0].id_number + ",某,轿车,2026-13\n";
    const auto e = refused([&] { import(admin, "vehicle", body); }, 422, "list_malformed");
    ASSERT_TRUE(e.details().contains("problems")) << e.details().dump();
    ASSERT_EQ(e.details()["problems"].size(), 2u);
    EXPECT_EQ(e.details()["problem_count"], 2);
    EXPECT_EQ(e.details()["problems"][0]["line"], 3);
    EXPECT_EQ(e.details()["problems"][1]["line"], 4);
    EXPECT_EQ(e.details()["problems"][1]["column"], "date");
    EXPECT_EQ(count_where("department_lists", "1 = 1"), 0);
    EXPECT_EQ(count_where("department_list_rows", "1 = 1"), 0);
    EXPECT_EQ(count_where("household_flags", "1 = 1"), 0);

    // What the request itself gets wrong.
    EXPECT_EQ(admin.request(http_method::post, "/api/v1/department-lists?kind=vehicle&year=2026", "x").status, 415);
    EXPECT_EQ(admin.request(http_method::post, "/api/v1/department-lists?kind=boat&year=2026", "x",
                            {{"Content-Type", "text/csv"}}).status, 422);
    EXPECT_EQ(admin.request(http_method::post, "/api/v1/department-lists?kind=vehicle", "x",
                            {{"Content-Type", "text/csv"}}).status, 400);

    // The same person in GB18030, as Excel on a Chinese Windows saves it.
    const std::string gb_header = "\xC9\xED\xB7\xDD\xD6\xA4\xBA\xC5\x2C\xC3\xF7\xCF\xB8\r\n";  // 身份证号,明细
    const auto list = import(admin, "business", gb_header + a.members[0].id_number + ",\xBD\xCE\xB3\xB5\r\n");
    EXPECT_EQ(list["encoding"], "gb18030");
    EXPECT_EQ(list["flagged_households"], 1);
    const auto flags = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(a.id) + "/flags");
    EXPECT_EQ(flags["items"][0]["detail"], "轿车");
}

TEST_P(department_checks, an_excluding_flag_refuses_apply_until_a_reviewer_clears_it_with_a_reason) {
    const auto car = new_household(group_a, 30);
    const auto allowance = new_household(group_a, 31);
    auto admin = client_as("admin");
    import(admin, "vehicle", csv({{car.members[0].id_number, "轿车一辆"}}));
    import(admin, "dibao", csv({{allowance.members[0].id_number, ""}}));

    auto e = refused([&] { apply(client_as("clerk_a"), car.id); }, 409, "department_flag");
    EXPECT_NE(e.message().find("名下有机动车"), std::string::npos) << e.message();
    EXPECT_EQ(apply(client_as("clerk_a"), allowance.id)["state"], "applied");  // 低保 informs, does not exclude

    const auto flag_id = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(car.id) + "/flags")["items"][0]["id"]
                             .get<std::int64_t>();
    refused([&] { clear(client_as("clerk_a"), flag_id, "已核实"); }, 403, "access_denied");
    refused([&] { clear(client_as("reviewer_b"), flag_id, "已核实"); }, 403, "area_forbidden");
    EXPECT_EQ(client_as("reviewer_a").request(http_method::post,
                                              "/api/v1/household-flags/" + std::to_string(flag_id) + "/clear",
                                              json{{"reason", ""}}.dump()).status, 422);
    const auto cleared = clear(client_as("reviewer_a"), flag_id, "车辆已于2026年5月过户他人，经车管所核实");
    EXPECT_EQ(cleared["cleared_by"], "reviewer_a");
    EXPECT_EQ(cleared["clear_reason"], "车辆已于2026年5月过户他人，经车管所核实");
    refused([&] { clear(client_as("approver"), flag_id, "again"); }, 409, "flag_cleared");
    EXPECT_EQ(count_where("audit_log", "action = 'household_flag.clear'"), 1);

    EXPECT_EQ(apply(client_as("clerk_a"), car.id)["state"], "applied");
    // The flag stays on the file, cleared.
    const auto flags = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(car.id) + "/flags");
    ASSERT_EQ(flags["items"].size(), 1u);
    EXPECT_EQ(flags["items"][0]["cleared_by"], "reviewer_a");
    // Open in the township: only the 低保 fact, which nobody needs to clear for the household to go on.
    const auto open = get(client_as("reviewer_a"), "/api/v1/household-flags");
    ASSERT_EQ(open["items"].size(), 1u);
    EXPECT_EQ(open["items"][0]["household_id"], allowance.id);
    EXPECT_EQ(get(client_as("reviewer_a"), "/api/v1/household-flags?state=all")["items"].size(), 2u);
}

TEST_P(department_checks, a_household_made_after_the_list_came_is_matched_when_it_applies) {
    const auto person = test_data::demo_id_number("19750505", 771);
    import(client_as("admin"), "state_payroll", csv({{person, "县教育局在编"}}));
    auto h = test_data::sample_household({.group = group_a, .seed = 40});
    h.members[0].id_number = person;
    const auto stored = client_as("clerk_a").create_household(h, "");
    EXPECT_TRUE(get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(stored.id) + "/flags")["items"].empty());
    // Another village's clerk is refused and leaves nothing behind.
    refused([&] { apply(client_as("clerk_b"), stored.id); }, 403, "area_forbidden");
    EXPECT_EQ(count_where("household_flags", "1 = 1"), 0);
    refused([&] { apply(client_as("clerk_a"), stored.id); }, 409, "department_flag");
    // Raised at the gate and kept although the application was refused.
    const auto flags = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(stored.id) + "/flags");
    ASSERT_EQ(flags["items"].size(), 1u);
    EXPECT_EQ(flags["items"][0]["kind"], "state_payroll");
    EXPECT_EQ(count_where("events", "kind = 'households.flagged'"), 1);
    refused([&] { apply(client_as("clerk_a"), stored.id); }, 409, "department_flag");
    EXPECT_EQ(count_where("household_flags", "1 = 1"), 1);  // not raised twice
}

TEST_P(department_checks, a_registered_household_with_an_open_flag_stays_in_the_round_s_flagged_list_until_cleared) {
    const auto held = new_household(group_a, 50);
    const auto plain = new_household(group_a, 51);
    set_status(held.id, "registered");
    set_status(plain.id, "registered");
    auto admin = client_as("admin");
    import(admin, "commercial_housing", csv({{held.members[0].id_number, "县城商品房一套 98㎡"}}));
    const auto round = admin.request_json(http_method::post, "/api/v1/review-rounds",
                                          json{{"year", year}, {"half", 2}, {"deadline", server_day(10)}}.dump());
    const auto entries = "/api/v1/review-rounds/" + round["id"].dump() + "/entries";

    // Not entered yet, and already in the 疑点 list with the flag's reason.
    auto flagged = get(client_as("reviewer_a"), entries + "?outcome=flagged");
    ASSERT_EQ(flagged["items"].size(), 1u) << flagged.dump();
    EXPECT_EQ(flagged["items"][0]["household_id"], held.id);
    EXPECT_EQ(flagged["items"][0]["held_by_flag"], true);
    EXPECT_EQ(flagged["items"][0]["reasons"][0]["code"], "department_flag");
    EXPECT_EQ(get(client_as("reviewer_a"), entries + "?outcome=outstanding")["items"].size(), 2u);

    // Entered by the village: judged as it stands, still 疑点 while the flag is open.
    auto clerk = client_as("clerk_a");
    auto file = clerk.get_household(held.id);
    file.income.year = year;
    auto entry = clerk.request_json(http_method::put,
                                    "/api/v1/review-rounds/" + round["id"].dump() + "/households/" + std::to_string(held.id),
                                    json{{"household", common::to_json(file)}, {"note", ""}}.dump());
    EXPECT_EQ(entry["outcome"], "flagged") << entry.dump();
    EXPECT_EQ(entry["held_by_flag"], true);
    auto progress = get(client_as("reviewer_a"), "/api/v1/review-rounds/" + round["id"].dump() + "/progress");
    EXPECT_EQ(progress["items"].back()["flagged"], 1);
    EXPECT_EQ(progress["items"].back()["stays"], 0);
    EXPECT_TRUE(get(client_as("reviewer_a"), entries + "?outcome=stays")["items"].empty());

    const auto flag_id = get(client_as("reviewer_a"), "/api/v1/household-flags")["items"][0]["id"].get<std::int64_t>();
    clear(client_as("approver"), flag_id, "该房屋为子女购买，已分户，经住建局核实");
    flagged = get(client_as("reviewer_a"), entries + "?outcome=flagged");
    EXPECT_TRUE(flagged["items"].empty()) << flagged.dump();
    const auto stays = get(client_as("reviewer_a"), entries + "?outcome=stays");
    ASSERT_EQ(stays["items"].size(), 1u);
    EXPECT_EQ(stays["items"][0]["held_by_flag"], false);
    progress = get(client_as("reviewer_a"), "/api/v1/review-rounds/" + round["id"].dump() + "/progress");
    EXPECT_EQ(progress["items"].back()["flagged"], 0);
    EXPECT_EQ(progress["items"].back()["stays"], 1);
}

// A county's list is megabytes: the import alone may send more than an ordinary request's 1 MiB.
TEST_P(department_checks, a_list_larger_than_an_ordinary_request_is_taken_and_nothing_else_is) {
    const auto a = new_household(group_a, 60);
    std::string body = "身份证号,姓名,明细,日期\n" + a.members[0].id_number + ",某人,轿车一辆,2026-03\n";
    for (int i = 0; body.size() < 1'500'000; ++i) {
        char digits[32];
        std::snprintf(digits, sizeof digits, "110101%04d0101%03d", 1950 + i / 1000 % 50, i % 1000);
        body += test_data::with_check_digit(digits) + ",外县人员,小型普通客车一辆,2026-03\n";
    }
    auto admin = client_as("admin");
    const auto list = import(admin, "vehicle", body);
    EXPECT_GT(list["rows"].get<int>(), 20000);
    EXPECT_EQ(list["flagged_households"], 1);
    // Any other request that large is refused as before, and so is the upload with a township's certificate.
    EXPECT_EQ(admin.request(http_method::post, "/api/v1/households", std::string(1'500'000, ' ')).status, 413);
    EXPECT_EQ(client_as("reviewer_a").request(http_method::post, "/api/v1/department-lists?kind=vehicle&year=2026",
                                              body, {{"Content-Type", "text/csv"}}).status,
              413);
    // The same file again is refused: it would flag every household twice.
    refused([&] { import(admin, "vehicle", body); }, 409, "list_exists");
}

// A member who leaves the household takes the hold with him: the flag stays on record, open, and holds nothing.
TEST_P(department_checks, a_member_who_moves_out_takes_the_hold_with_him) {
    auto h = test_data::sample_household({.group = group_a, .seed = 70, .size = 3});
    auto clerk = client_as("clerk_a");
    const auto stored = clerk.create_household(h, "");
    const auto son = stored.members[2];
    import(client_as("admin"), "vehicle", csv({{son.id_number, "轿车一辆"}}));
    refused([&] { apply(client_as("clerk_a"), stored.id); }, 409, "department_flag");
    auto flags = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(stored.id) + "/flags");
    EXPECT_EQ(flags["items"][0]["holds"], true);

    clerk.request_json(http_method::post, "/api/v1/households/" + std::to_string(stored.id) + "/member-changes",
                       json{{"kind", "move_out"},
                            {"effective_on", server_day()},
                            {"reason", "分户另立，迁往县城"},
                            {"version", clerk.get_household(stored.id).version},
                            {"id_number", son.id_number}}
                           .dump());
    flags = get(client_as("clerk_a"), "/api/v1/households/" + std::to_string(stored.id) + "/flags");
    ASSERT_EQ(flags["items"].size(), 1u);
    EXPECT_EQ(flags["items"][0]["holds"], false);
    EXPECT_EQ(flags["items"][0]["cleared_at"], nullptr);
    EXPECT_EQ(apply(client_as("clerk_a"), stored.id)["state"], "applied");
}

INSTANTIATE_TEST_SUITE_P(backends, department_checks, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
