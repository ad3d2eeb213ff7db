#include "common/household_json.hpp"

#include <cmath>

#include <gtest/gtest.h>

#include "common/household_validation.hpp"
#include "test_data/sample_household.hpp"

namespace {

using namespace fupin::common;
using fupin::test_data::sample_household;
using nlohmann::json;

// Runs household_from_json on `text` and expects a refusal with this status, code and field.
void expect_refused(const std::string& text, int status, const std::string& code, const std::string& field) {
    try {
        household_from_json(json::parse(text));
        ADD_FAILURE() << "accepted " << text;
    } catch (const api_error& e) {
        EXPECT_EQ(e.status(), status) << text;
        EXPECT_EQ(e.code(), code) << text;
        EXPECT_EQ(e.field(), field) << text;
    }
}

// A valid request body, then one key replaced.
std::string body_with(const std::string& key, const json& value) {
    json j = to_json(sample_household());
    j[key] = value;
    return j.dump();
}

TEST(household_json, shape_follows_the_protocol) {
    household h = sample_household();
    h.id = 12;
    h.version = 3;
    h.created_at_ms = 1795946400000;  // 2026-11-29T10:00:00.000Z
    h.updated_at_ms = 1795946700123;
    derive(h);
    const json j = to_json(h);
    EXPECT_EQ(j.at("id"), 12);
    EXPECT_EQ(j.at("status"), "pending");
    EXPECT_EQ(j.at("created_at"), "2026-11-29T10:00:00.000Z");
    EXPECT_EQ(j.at("updated_at"), "2026-11-29T10:05:00.123Z");
    EXPECT_EQ(j.at("head_name"), "王大山");
    EXPECT_EQ(j.at("members").at(0).at("sex"), "male");
    EXPECT_EQ(j.at("causes").dump(), R"({"main":"illness","others":["lack_of_labour"]})");
    // Money in yuan: whole amounts as integers, others with their decimals and nothing more.
    EXPECT_EQ(j.at("income").dump(),
              R"({"production_business":1000.5,"production_expenses":200,"property":0,"support":0,"total":2300.5,)"
              R"("transfers":{"ecological_compensation":100,"extreme_support":0,"family_planning":0,)"
              R"("minimum_allowance":0,"other":0,"pension":200,"total":300},"wages":1200,"year":2026})");
    EXPECT_EQ(j.at("per_capita_net_income").dump(), "766.83");
    EXPECT_EQ(j.at("land").dump(),
              R"({"abandoned_mu":0,"contracted_mu":3.5,"forest_mu":10,"fruit_forest_mu":0,"irrigated_mu":1.5,)"
              R"("pasture_mu":0,"returned_to_forest_mu":0,"transferred_mu":0,"water_surface_mu":0})");
    EXPECT_EQ(j.at("conditions").at("drinking_water_difficult").dump(), "true");
    EXPECT_EQ(j.at("conditions").at("housing_danger_grade").dump(), R"("c")");
    EXPECT_EQ(j.at("conditions").at("main_road_distance_km").dump(), "2.5");
    EXPECT_EQ(j.at("conditions").at("assets_value").dump(), "3000");
}

TEST(household_json, money_prints_exactly) {
    EXPECT_EQ(fen_to_json(230050).dump(), "2300.5");
    EXPECT_EQ(fen_to_json(29).dump(), "0.29");
    EXPECT_EQ(fen_to_json(1).dump(), "0.01");
    EXPECT_EQ(fen_to_json(123456789012).dump(), "1234567890.12");
    EXPECT_EQ(fen_to_json(230000).dump(), "2300");
    for (money_fen fen : {0LL, 1LL, 7LL, 10LL, 29LL, 99LL, 101LL, 230050LL, 999999999LL, 123456789012LL})
        EXPECT_EQ(fen_from_json(json::parse(fen_to_json(fen).dump()), "x"), fen) << fen;
}

TEST(household_json, money_with_more_than_two_decimals_is_refused) {
    EXPECT_EQ(fen_from_json(json::parse("2300.5"), "x"), 230050);
    EXPECT_EQ(fen_from_json(json::parse("0.29"), "x"), 29);
    EXPECT_EQ(fen_from_json(json::parse("1.10"), "x"), 110);
    EXPECT_EQ(fen_from_json(json::parse("12"), "x"), 1200);
    EXPECT_EQ(fen_from_json(json::parse("-3.5"), "x"), -350);  // the sign is validation's business
    expect_refused(body_with("income", {{"year", 2026}, {"wages", 1.234}}), 422, "invalid_value", "income.wages");
    expect_refused(body_with("income", {{"year", 2026}, {"wages", 1.005}}), 422, "invalid_value", "income.wages");
    expect_refused(body_with("income", {{"year", 2026}, {"wages", 1e300}}), 422, "invalid_value", "income.wages");
    expect_refused(body_with("income", {{"year", 2026}, {"wages", 99999999999999999ULL}}), 422, "invalid_value",
                   "income.wages");
    expect_refused(body_with("income", {{"year", 2026}, {"wages", "1200"}}), 400, "invalid_type", "income.wages");
    expect_refused(body_with("income", {{"year", 2026}, {"wages", -9223372036854775807LL - 1}}), 422, "invalid_value",
                   "income.wages");
    expect_refused(body_with("income", {{"year", 2026}, {"wages", std::nan("")}}), 400, "invalid_type", "income.wages");
}

TEST(household_json, round_trip_keeps_everything_including_chinese_text) {
    household h = sample_household();
    h.id = 7;
    h.version = 2;
    h.status = "registered";
    h.created_at_ms = 1795946400000;
    h.updated_at_ms = 1795946400001;
    h.township_name = "石门镇";
    h.village_name = "岩脚村";
    h.group_name = "三组";
    h.conditions.assets_note = "耕牛2头、摩托车1辆「旧」";
    h.poverty_type = "extreme_support";
    h.two_daughters_family = true;
    derive(h);
    const household back = household_from_json(json::parse(to_json(h).dump()), json_source::response);
    EXPECT_EQ(to_json(back), to_json(h));
    EXPECT_EQ(back.conditions.assets_note, "耕牛2头、摩托车1辆「旧」");
    EXPECT_EQ(back.members[1].name, "李秀英");
    EXPECT_EQ(back.income.production_business, 100050);
    EXPECT_EQ(back.income.production_expenses, 20000);
    EXPECT_EQ(back.income.transfers.pension, 20000);
    EXPECT_EQ(back.per_capita_net_income, 76683);
    EXPECT_EQ(back.poverty_type, "extreme_support");
    EXPECT_TRUE(back.two_daughters_family);
    EXPECT_EQ(back.national_number, h.national_number);
}

TEST(household_json, requests_ignore_output_only_fields_but_read_version) {
    household h = sample_household();
    h.id = 7;
    h.version = 4;
    h.status = "registered";
    h.township_name = "石门镇";
    h.per_capita_net_income = 999;
    const household in = household_from_json(to_json(h));
    EXPECT_EQ(in.id, 0);
    EXPECT_EQ(in.version, 4);
    EXPECT_EQ(in.status, "pending");
    EXPECT_EQ(in.township_name, "");
    EXPECT_EQ(in.per_capita_net_income, 0);
    EXPECT_EQ(in.members.size(), 3u);
    // Output-only fields are not the client's to set, but they are type-checked: nothing unchecked rides along.
    EXPECT_THROW(household_from_json(json::parse(body_with("created_at", 5))), api_error);
    EXPECT_THROW(household_from_json(json::parse(body_with("id", "seven"))), api_error);
}

TEST(household_json, not_an_object) {
    expect_refused("[1,2]", 400, "invalid_json", "");
    expect_refused("\"household\"", 400, "invalid_json", "");
    expect_refused("null", 400, "invalid_json", "");
}

TEST(household_json, wrong_types_name_the_field) {
    expect_refused(body_with("township_code", 529901101), 400, "invalid_type", "township_code");
    expect_refused(body_with("military_family", "false"), 400, "invalid_type", "military_family");
    expect_refused(body_with("military_family", 0), 400, "invalid_type", "military_family");
    expect_refused(body_with("poverty_type", 1), 400, "invalid_type", "poverty_type");
    expect_refused(body_with("national_number", 5299011), 400, "invalid_type", "national_number");
    expect_refused(body_with("members", json::object()), 400, "invalid_type", "members");
    expect_refused(body_with("land", json::array()), 400, "invalid_type", "land");
    expect_refused(body_with("address", nullptr), 400, "invalid_type", "address");
    expect_refused(body_with("version", 1.5), 400, "invalid_type", "version");
    expect_refused(body_with("causes", {{"main", "illness"}, {"others", "disaster"}}), 400, "invalid_type", "causes.others");
    expect_refused(body_with("causes", {{"main", "illness"}, {"others", {"disaster", 3}}}), 400, "invalid_type",
                   "causes.others[1]");

    json j = to_json(sample_household());
    j["members"][2]["migrant_work_months"] = 2.5;
    expect_refused(j.dump(), 400, "invalid_type", "members[2].migrant_work_months");
    j = to_json(sample_household());
    j["members"][1]["id_number"] = 529901196708150024LL;
    expect_refused(j.dump(), 400, "invalid_type", "members[1].id_number");
    j = to_json(sample_household());
    j["members"][1] = "李秀英";
    expect_refused(j.dump(), 400, "invalid_type", "members[1]");
    j = to_json(sample_household());
    j["income"]["year"] = 4294967296LL;
    expect_refused(j.dump(), 422, "invalid_value", "income.year");
}

TEST(household_json, unknown_fields_name_the_path) {
    expect_refused(body_with("head_id_number", "x"), 400, "unknown_field", "head_id_number");
    json j = to_json(sample_household());
    j["members"][0]["age"] = 61;
    expect_refused(j.dump(), 400, "unknown_field", "members[0].age");
    j = to_json(sample_household());
    j["land"]["orchard_mu"] = 2;
    expect_refused(j.dump(), 400, "unknown_field", "land.orchard_mu");
    j = to_json(sample_household());
    j["conditions"]["drinking_water"] = "safe";  // the one answer the two replaced
    expect_refused(j.dump(), 400, "unknown_field", "conditions.drinking_water");
    j = to_json(sample_household());
    j["causes"]["third"] = "disaster";
    expect_refused(j.dump(), 400, "unknown_field", "causes.third");
}

TEST(household_json, utc_times) {
    EXPECT_EQ(format_utc_ms(0), "1970-01-01T00:00:00.000Z");
    EXPECT_EQ(format_utc_ms(1795946400000), "2026-11-29T10:00:00.000Z");
    EXPECT_EQ(format_utc_ms(951782400999), "2000-02-29T00:00:00.999Z");
    EXPECT_EQ(parse_utc_ms("2026-11-29T10:00:00.000Z", "t"), 1795946400000);
    EXPECT_EQ(parse_utc_ms(format_utc_ms(1234567890123), "t"), 1234567890123);
    EXPECT_THROW(parse_utc_ms("2026-11-29 10:00:00.000Z", "t"), api_error);
    EXPECT_THROW(parse_utc_ms("2026-02-30T10:00:00.000Z", "t"), api_error);
    EXPECT_THROW(parse_utc_ms("2026-11-29T10:00:00Z", "t"), api_error);
}

TEST(household_json, pages) {
    household_page page;
    page.items = {sample_household(), sample_household()};
    page.items[1].id = 9;
    page.next_page_token = "abc";
    const json j = to_json(page);
    EXPECT_EQ(j.at("items").size(), 2u);
    const auto back = household_page_from_json(json::parse(j.dump()));
    ASSERT_EQ(back.items.size(), 2u);
    EXPECT_EQ(back.items[1].id, 9);
    EXPECT_EQ(back.next_page_token, "abc");
    EXPECT_EQ(household_page_from_json(json::parse(R"({"items":[],"next_page_token":""})")).items.size(), 0u);

    json bad = j;
    bad["items"][1]["members"][0]["name"] = 5;
    try {
        household_page_from_json(bad);
        FAIL() << "accepted a number as a name";
    } catch (const api_error& e) {
        EXPECT_EQ(e.code(), "invalid_type");
        EXPECT_EQ(e.field(), "items[1].members[0].name");
    }
    EXPECT_THROW(household_page_from_json(json::array()), api_error);
}

// --- the identification facts (三优先, 三不评) ---

const char* const identification_keys[] = {"elderly_with_disabled_children",   "elderly_parents_of_only_child",
                                           "elderly_in_daughters_only_family", "land_abandoned_refusing_transfer",
                                           "family_planning_violation",        "gambling_drugs_or_crime"};

bool& fact(household& h, int i) {
    auto& f = h.identification;
    bool* all[] = {&f.elderly_with_disabled_children,   &f.elderly_parents_of_only_child,
                   &f.elderly_in_daughters_only_family, &f.land_abandoned_refusing_transfer,
                   &f.family_planning_violation,        &f.gambling_drugs_or_crime};
    return *all[i];
}

TEST(household_json, identification_is_an_object_of_six_booleans) {
    const json j = to_json(sample_household());
    ASSERT_TRUE(j.at("identification").is_object());
    EXPECT_EQ(j.at("identification").size(), 6u);
    for (const char* k : identification_keys) EXPECT_EQ(j.at("identification").at(k), false) << k;
}

TEST(household_json, identification_round_trips_each_fact_alone) {
    for (int i = 0; i < 6; ++i) {
        household h = sample_household();
        fact(h, i) = true;
        const json j = json::parse(to_json(h).dump());
        for (int k = 0; k < 6; ++k)
            EXPECT_EQ(j.at("identification").at(identification_keys[k]), k == i) << identification_keys[k];
        for (auto source : {json_source::request, json_source::response}) {
            household back = household_from_json(j, source);
            for (int k = 0; k < 6; ++k) EXPECT_EQ(fact(back, k), k == i) << identification_keys[k];
        }
    }
    household all = sample_household();
    for (int i = 0; i < 6; ++i) fact(all, i) = true;
    household back = household_from_json(json::parse(to_json(all).dump()));
    for (int k = 0; k < 6; ++k) EXPECT_TRUE(fact(back, k)) << identification_keys[k];
    EXPECT_EQ(to_json(back).at("identification"), to_json(all).at("identification"));
}

TEST(household_json, identification_absent_or_partial_means_false) {
    json j = to_json(sample_household());
    j.erase("identification");
    household h = household_from_json(j);
    for (int k = 0; k < 6; ++k) EXPECT_FALSE(fact(h, k)) << identification_keys[k];
    j["identification"] = json::object();
    h = household_from_json(j);
    for (int k = 0; k < 6; ++k) EXPECT_FALSE(fact(h, k)) << identification_keys[k];
    j["identification"] = {{"family_planning_violation", true}};
    h = household_from_json(j);
    for (int k = 0; k < 6; ++k) EXPECT_EQ(fact(h, k), k == 4) << identification_keys[k];
}

TEST(household_json, identification_refuses_unknown_keys_and_wrong_types) {
    json j = to_json(sample_household());
    j["identification"]["elderly_orphan"] = true;
    expect_refused(j.dump(), 400, "unknown_field", "identification.elderly_orphan");
    j = to_json(sample_household());
    j["identification"]["Gambling_drugs_or_crime"] = false;  // keys are case-sensitive
    expect_refused(j.dump(), 400, "unknown_field", "identification.Gambling_drugs_or_crime");
    j = to_json(sample_household());
    j["identification"]["gambling_drugs_or_crime"] = "yes";
    expect_refused(j.dump(), 400, "invalid_type", "identification.gambling_drugs_or_crime");
    j = to_json(sample_household());
    j["identification"]["elderly_parents_of_only_child"] = 1;
    expect_refused(j.dump(), 400, "invalid_type", "identification.elderly_parents_of_only_child");
    j = to_json(sample_household());
    j["identification"]["land_abandoned_refusing_transfer"] = nullptr;
    expect_refused(j.dump(), 400, "invalid_type", "identification.land_abandoned_refusing_transfer");
    expect_refused(body_with("identification", json::array({true})), 400, "invalid_type", "identification");
    expect_refused(body_with("identification", true), 400, "invalid_type", "identification");
    // The six facts belong inside the object, not at the top level.
    expect_refused(body_with("family_planning_violation", true), 400, "unknown_field", "family_planning_violation");
}

}  // namespace
