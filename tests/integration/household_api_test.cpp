// The household file over the wire: round trips with Chinese text, refusals that change nothing, one person in
// one household, areas, versions, idempotent creates and paged lists, on SQLite and on MariaDB.
#include <thread>

#include "common/household_json.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;
using client::error_kind;
using client::http_method;

class household_api : public archive_test {
protected:
    // Sends a raw body and returns the answer, for inputs the typed client would never produce.
    client::http_result post_raw(const std::string& body, const std::string& content_type = "application/json") {
        auto client = client_for(township_a);
        return client.request(http_method::post, "/api/v1/households", body, {{"Content-Type", content_type}});
    }

    // The refused request left no trace.
    void expect_nothing_stored() {
        EXPECT_EQ(count_rows("households"), 0);
        EXPECT_EQ(count_rows("members"), 0);
    }

    static nlohmann::json error_of(const client::http_result& result) {
        auto body = nlohmann::json::parse(result.body);
        EXPECT_TRUE(body.contains("error")) << result.body;
        return body["error"];
    }
};

TEST_P(household_api, create_read_update_list_round_trip_with_chinese_text) {
    auto client = client_for(township_a);
    auto input = test_data::sample_household({.group = group_a, .seed = 1});
    input.address = "青峰镇城关村一组𠀀号(旧粮站旁)";
    input.conditions.assets_note = "耕牛1头、摩托车1辆";

    auto created = client.create_household(input, "");
    EXPECT_GT(created.id, 0);
    EXPECT_EQ(created.version, 1);
    EXPECT_EQ(created.status, "pending");
    EXPECT_EQ(created.address, input.address);
    EXPECT_EQ(created.head_name, "王大山");
    EXPECT_EQ(created.township_name, "青峰镇");
    EXPECT_EQ(created.members.size(), 3u);
    EXPECT_EQ(created.members[0].sex, "male");
    EXPECT_EQ(created.members[0].birth_date, "1965-03-12");
    // (1200 + 1000.50 - 200 + 300) yuan / 3 people = 766.83 yuan, rounded down to the fen.
    EXPECT_EQ(created.per_capita_net_income, 76683);

    auto read = client.get_household(created.id);
    EXPECT_EQ(common::to_json(read), common::to_json(created));

    read.address = "青峰镇城关村一组8号";
    read.members.pop_back();
    auto updated = client.update_household(read);
    EXPECT_EQ(updated.version, 2);
    EXPECT_EQ(updated.address, "青峰镇城关村一组8号");
    EXPECT_EQ(updated.members.size(), 2u);
    EXPECT_EQ(updated.per_capita_net_income, 115025);
    EXPECT_EQ(count_rows("members"), 2);

    common::household_filter filter;
    filter.village_code = village_a;
    auto page = client.list_households(filter);
    ASSERT_EQ(page.items.size(), 1u);
    EXPECT_EQ(page.items[0].id, created.id);
    EXPECT_EQ(page.items[0].address, "青峰镇城关村一组8号");
}

// The clients choose a village or a group from the office's areas: its own, then those below it.
TEST_P(household_api, an_office_reads_its_own_area_and_those_below_it) {
    const auto areas = client_as("reviewer_a").list_areas();
    ASSERT_FALSE(areas.empty());
    EXPECT_EQ(areas.front().code, township_a);
    EXPECT_EQ(areas.front().level, "township");
    bool has_group = false;
    for (const auto& a : areas) {
        EXPECT_EQ(a.code.rfind(township_a, 0), 0u) << a.code;
        has_group = has_group || a.code == group_a;
    }
    EXPECT_TRUE(has_group);
    const auto village = client_as("clerk_a").list_areas();
    EXPECT_EQ(village.front().code, village_a);
    for (const auto& a : village) EXPECT_EQ(a.code.rfind(village_a, 0), 0u) << a.code;
    // And the search box: a member's ID number within the area, or a part of the head's name.
    auto reviewer = client_as("reviewer_a");
    const auto created = reviewer.create_household(test_data::sample_household({.group = group_a, .seed = 31}), "");
    common::household_filter f;
    f.search = created.members.at(1).id_number;
    ASSERT_EQ(reviewer.list_households(f).items.size(), 1u);
    f.search = created.head_name.substr(0, 3);  // the first character
    EXPECT_FALSE(reviewer.list_households(f).items.empty());
    f.search = std::string(51, 'a');
    refused([&] { reviewer.list_households(f); }, 400, "invalid_parameter");
    f = {};
    f.main_cause = "no_such_cause";
    refused([&] { reviewer.list_households(f); }, 400, "invalid_parameter");
}

TEST_P(household_api, malformed_json_is_refused_and_changes_nothing) {
    auto result = post_raw("{\"township_code\": \"529901100\", ");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(error_of(result)["code"], "invalid_json");
    EXPECT_FALSE(error_of(result)["message"].get<std::string>().empty());
    expect_nothing_stored();
}

TEST_P(household_api, deep_nesting_under_any_key_is_refused_and_the_server_lives) {
    // ~100,000 levels under an output-only key the codec does not keep: once enough to overflow the stack when
    // the body was serialised for its Idempotency-Key.
    const std::string deep = "{\"id\":" + std::string(100'000, '[') + std::string(100'000, ']') + "}";
    auto result = post_raw(deep);
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(error_of(result)["code"], "json_too_complex");
    expect_nothing_stored();

    // An output-only key echoed back must still be of its type.
    auto body = common::to_json(test_data::sample_household({.group = group_a, .seed = 2}));
    body["id"] = nlohmann::json::array({1, 2});
    result = post_raw(body.dump());
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(error_of(result)["code"], "invalid_type");
    EXPECT_EQ(error_of(result)["field"], "id");
    expect_nothing_stored();
    EXPECT_EQ(client_for(township_a).health()["status"], "ok");
}

TEST_P(household_api, wrong_types_are_refused_naming_the_field) {
    auto body = common::to_json(test_data::sample_household({.group = group_a, .seed = 2}));
    body["members"][1]["migrant_work_months"] = "三个月";
    auto result = post_raw(body.dump());
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(error_of(result)["code"], "invalid_type");
    EXPECT_EQ(error_of(result)["field"], "members[1].migrant_work_months");

    body = common::to_json(test_data::sample_household({.group = group_a, .seed = 2}));
    body["income"]["wages"] = "1200";
    result = post_raw(body.dump());
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(error_of(result)["field"], "income.wages");
    expect_nothing_stored();
}

TEST_P(household_api, a_body_that_is_not_json_or_too_large_is_refused) {
    auto body = common::to_json(test_data::sample_household({.group = group_a, .seed = 3}));
    auto result = post_raw(body.dump(), "text/plain");
    EXPECT_EQ(result.status, 415);
    EXPECT_EQ(error_of(result)["code"], "unsupported_media_type");

    body["address"] = std::string(2 * 1024 * 1024, 'a');
    result = post_raw(body.dump());
    EXPECT_EQ(result.status, 413);
    EXPECT_EQ(error_of(result)["code"], "body_too_large");
    expect_nothing_stored();

    // The server is still there for the next request.
    EXPECT_EQ(client_for(township_a).health()["status"], "ok");
}

TEST_P(household_api, a_bad_check_digit_is_refused_in_chinese_or_english) {
    auto input = test_data::sample_household({.group = group_a, .seed = 4});
    auto& id = input.members[2].id_number;
    id.back() = id.back() == '1' ? '2' : '1';
    auto body = common::to_json(input).dump();

    auto result = post_raw(body);
    EXPECT_EQ(result.status, 422);
    EXPECT_EQ(error_of(result)["code"], "invalid_id_number");
    EXPECT_EQ(error_of(result)["field"], "members[2].id_number");
    EXPECT_NE(error_of(result)["message"].get<std::string>().find("校验"), std::string::npos) << result.body;

    auto english = client_for(township_a, common::language::en);
    auto en = english.request(http_method::post, "/api/v1/households", body);
    EXPECT_EQ(en.status, 422);
    EXPECT_NE(error_of(en)["message"].get<std::string>().find("check"), std::string::npos) << en.body;
    expect_nothing_stored();
}

TEST_P(household_api, a_person_belongs_to_one_household_and_the_refusal_says_where) {
    auto first = client_for(township_a).create_household(test_data::sample_household({.group = group_a, .seed = 5}), "");

    // Another township registers the same person: told the township and village, not the file number.
    auto other = test_data::sample_household({.group = group_b, .seed = 6});
    test_data::renumber(other.members[1], first.members[0].id_number);
    try {
        client_for(township_b).create_household(other, "");
        ADD_FAILURE() << "a second registration of one person was accepted";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 409);
        EXPECT_EQ(e.code(), "person_already_registered");
        EXPECT_EQ(e.field(), "members[1].id_number");
        EXPECT_EQ(e.details()["township_code"], township_a);
        EXPECT_EQ(e.details()["village_name"], "城关村");
        EXPECT_FALSE(e.details().contains("household_id"));
    }

    // Within the same township the file number is given.
    auto same = test_data::sample_household({.group = group_a, .seed = 7});
    same.members[2].id_number = first.members[0].id_number;
    try {
        client_for(township_a).create_household(same, "");
        ADD_FAILURE() << "a second registration of one person was accepted";
    } catch (const client_error& e) {
        EXPECT_EQ(e.code(), "person_already_registered");
        EXPECT_EQ(e.details()["household_id"], std::to_string(first.id));
    }
    EXPECT_EQ(count_rows("households"), 1);
}

TEST_P(household_api, a_township_reaches_only_its_own_files_and_the_county_all) {
    auto mine = client_for(township_a).create_household(test_data::sample_household({.group = group_a, .seed = 8}), "");
    try {
        client_for(township_b).get_household(mine.id);
        ADD_FAILURE() << "another township read the file";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 403);
        EXPECT_EQ(e.code(), "area_forbidden");
    }
    try {
        client_for(township_b).create_household(test_data::sample_household({.group = group_a, .seed = 9}), "");
        ADD_FAILURE() << "a township registered a household of another township";
    } catch (const client_error& e) {
        EXPECT_EQ(e.code(), "area_forbidden");
    }
    EXPECT_EQ(client_for(county_code).get_household(mine.id).id, mine.id);
    EXPECT_TRUE(client_for(township_b).list_households({}).items.empty());
    EXPECT_EQ(client_for(county_code).list_households({}).items.size(), 1u);
}

TEST_P(household_api, unknown_areas_and_ids_are_refused) {
    auto input = test_data::sample_household({.group = group_a, .seed = 10});
    input.group_code = village_a + "099";
    try {
        client_for(township_a).create_household(input, "");
        ADD_FAILURE();
    } catch (const client_error& e) {
        EXPECT_EQ(e.code(), "unknown_area");
        EXPECT_EQ(e.field(), "group_code");
    }
    auto result = client_for(township_a).request(http_method::get, "/api/v1/households/999999");
    EXPECT_EQ(result.status, 404);
    result = client_for(township_a).request(http_method::get, "/api/v1/households/abc");
    EXPECT_EQ(result.status, 404);
    result = client_for(township_a).request(http_method::delete_, "/api/v1/households/1");
    EXPECT_EQ(result.status, 405);
    result = client_for(township_a).request(http_method::get, "/api/v1/households?page_size=5000");
    EXPECT_EQ(result.status, 400);
    EXPECT_EQ(error_of(result)["field"], "page_size");
    expect_nothing_stored();
}

TEST_P(household_api, an_update_naming_an_old_version_is_refused) {
    auto client = client_for(township_a);
    auto created = client.create_household(test_data::sample_household({.group = group_a, .seed = 11}), "");
    auto first = created;
    first.phone = "13900000001";
    client.update_household(first);

    auto stale = created;
    stale.phone = "13900000002";
    try {
        client.update_household(stale);
        ADD_FAILURE() << "a stale update overwrote the file";
    } catch (const client_error& e) {
        EXPECT_EQ(e.status(), 409);
        EXPECT_EQ(e.code(), "version_conflict");
        EXPECT_EQ(e.details()["current_version"], "2");
    }
    EXPECT_EQ(client.get_household(created.id).phone, "13900000001");
}

TEST_P(household_api, a_retried_create_with_the_same_idempotency_key_makes_one_household) {
    auto client = client_for(township_a);
    auto input = test_data::sample_household({.group = group_a, .seed = 12});
    auto first = client.create_household(input, "retry-key-12");
    EXPECT_FALSE(client.last_was_replayed());
    auto again = client.create_household(input, "retry-key-12");
    EXPECT_TRUE(client.last_was_replayed());
    EXPECT_EQ(again.id, first.id);
    EXPECT_EQ(count_rows("households"), 1);

    auto different = input;
    different.phone = "13700000000";
    try {
        client.create_household(different, "retry-key-12");
        ADD_FAILURE() << "a reused key with another body was accepted";
    } catch (const client_error& e) {
        EXPECT_EQ(e.code(), "idempotency_key_reused");
    }
    EXPECT_EQ(count_rows("households"), 1);
}

TEST_P(household_api, lists_page_newest_change_first_with_filters) {
    auto client = client_for(township_a);
    std::vector<std::int64_t> ids;
    for (int i = 0; i < 7; ++i)
        ids.push_back(client.create_household(test_data::sample_household({.group = group_a, .seed = 20 + i, .size = 1}), "").id);
    // Touch the oldest: it becomes the newest change (a later millisecond than every create).
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    auto oldest = client.get_household(ids[0]);
    oldest.phone = "13600000000";
    client.update_household(oldest);

    common::household_filter filter;
    filter.village_code = village_a;
    filter.page_size = 3;
    std::vector<std::int64_t> seen;
    for (int pages = 0; pages < 10; ++pages) {
        auto page = client.list_households(filter);
        for (auto& h : page.items) seen.push_back(h.id);
        if (page.next_page_token.empty()) break;
        filter.page_token = page.next_page_token;
    }
    ASSERT_EQ(seen.size(), 7u);
    EXPECT_EQ(seen.front(), ids[0]);
    EXPECT_EQ(seen[1], ids[6]);

    filter = {};
    filter.status = "registered";
    EXPECT_TRUE(client.list_households(filter).items.empty());
    filter.status = "pending";
    filter.group_code = group_a;
    EXPECT_EQ(client.list_households(filter).items.size(), 7u);
}

INSTANTIATE_TEST_SUITE_P(backends, household_api, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
