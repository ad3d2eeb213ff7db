#include "common/helper_json.hpp"

#include <gtest/gtest.h>

#include "common/api_error.hpp"
#include "tests/unit/refusal.hpp"

namespace {

using namespace fupin::common;
using nlohmann::json;

using fupin::test::refusal;

json good_helper() {
    return {{"unit_id", 3}, {"name", "李帮扶"}, {"post", "副局长"}, {"phone", "13900000001"}};
}

TEST(helper_json, a_unit_is_read_and_checked) {
    const auto u = helper_unit_from_json(json{{"name", "县农业农村局"}, {"level", "county"}, {"area_code", "529901"}});
    EXPECT_EQ(u.name, "县农业农村局");
    EXPECT_EQ(u.level, "county");
    EXPECT_EQ(helper_unit_from_json(json{{"name", "岩脚村委会"}, {"level", "village"}, {"area_code", "529901101201"}})
                  .area_code,
              "529901101201");
    const auto unit = [](json j) { return refusal([&] { helper_unit_from_json(j); }); };
    EXPECT_EQ(unit({{"name", "x"}, {"level", "district"}, {"area_code", "529901"}}),
              std::make_pair(std::string("invalid_value"), std::string("level")));
    EXPECT_EQ(unit({{"name", "x"}, {"area_code", "529901"}}).first, "missing_field");
    EXPECT_EQ(unit({{"name", "x"}, {"level", "township"}, {"area_code", "529901"}}).second, "area_code");
    EXPECT_EQ(unit({{"name", "x"}, {"level", "county"}, {"area_code", "52990A"}}).second, "area_code");
    EXPECT_EQ(unit({{"name", std::string(101, 'x')}, {"level", "county"}, {"area_code", "529901"}}).second, "name");
    EXPECT_EQ(unit({{"name", "x"}, {"level", "county"}, {"area_code", "529901"}, {"boss", "y"}}),
              std::make_pair(std::string("unknown_field"), std::string("boss")));
    EXPECT_EQ(unit({{"name", 5}, {"level", "county"}, {"area_code", "529901"}}).first, "invalid_type");
}

TEST(helper_json, a_helper_is_read_and_checked) {
    auto h = helper_from_json(good_helper());
    EXPECT_EQ(h.phone, "13900000001");
    EXPECT_TRUE(h.active);
    const auto with = [](const char* key, json value) {
        auto j = good_helper();
        j[key] = std::move(value);
        return refusal([&] { helper_from_json(j); });
    };
    EXPECT_EQ(with("phone", ""), std::make_pair(std::string("missing_field"), std::string("phone")));
    EXPECT_EQ(with("phone", "139-0000-0001").first, "");
    EXPECT_EQ(with("phone", "+86 139").first, "invalid_value");
    EXPECT_EQ(with("phone", "139-").first, "invalid_value");
    EXPECT_EQ(with("name", "").first, "missing_field");
    EXPECT_EQ(with("unit_id", 0).second, "unit_id");
    EXPECT_EQ(with("volunteer_background", "student").second, "volunteer_background");
    EXPECT_EQ(with("volunteer_background", "technician").first, "");
    EXPECT_EQ(with("team_leader", true).second, "team_leader");
    EXPECT_EQ(with("active", "yes").first, "invalid_type");
    EXPECT_EQ(with("username", "wang_bf").first, "");
    EXPECT_EQ(with("username", nullptr).first, "");  // no account: as a response says it
    EXPECT_EQ(with("username", 5).first, "invalid_type");
    EXPECT_EQ(with("salary", 1).first, "unknown_field");
    // What a response carries may come back in an edited copy of it, and is ignored.
    EXPECT_EQ(with("households", 4).first, "");
    EXPECT_EQ(helper_from_json([] {
                  auto j = good_helper();
                  j["households"] = 4;
                  return j;
              }()).households,
              0);
}

TEST(helper_json, responses_round_trip) {
    helper h;
    h.id = 7;
    h.unit_id = 3;
    h.unit_name = "县农业农村局";
    h.unit_level = "county";
    h.name = "赵志愿";
    h.phone = "0851-5550123";
    h.volunteer_background = "technician";
    h.team_leader = true;
    h.households = 2;
    h.username = "zhao_zy";
    h.version = 4;
    h.created_at_ms = 1795946400000;
    h.updated_at_ms = 1795946400001;
    EXPECT_EQ(to_json(helper_from_json(to_json(h), json_source::response)), to_json(h));
    h.username.clear();
    EXPECT_TRUE(to_json(h)["username"].is_null());
    EXPECT_EQ(to_json(helper_from_json(to_json(h), json_source::response)), to_json(h));

    pairing p;
    p.id = 9;
    p.household_id = 12;
    p.village_code = "529901101201";
    p.head_name = "王大山";
    p.helper_id = 7;
    p.helper_name = "赵志愿";
    p.helper_phone = "0851-5550123";
    p.started_at_ms = 1795946400000;
    p.started_by = "reviewer_a";
    p.start_reason = "结对";
    p.ended_at_ms = 1795946500000;
    p.ended_by = "head_a";
    p.end_reason = "调离";
    p.replaced_by = 10;
    EXPECT_EQ(to_json(pairing_from_json(to_json(p))), to_json(p));
    EXPECT_FALSE(pairing_from_json(to_json(p)).current());
    household_helpers hh{12, {}, {p}};
    const auto back = household_helpers_from_json(to_json(hh));
    EXPECT_EQ(back.household_id, 12);
    EXPECT_TRUE(back.current.empty());
    ASSERT_EQ(back.history.size(), 1u);
    EXPECT_EQ(back.history[0].replaced_by, 10);
    pairing holding = p;
    holding.ended_at_ms = 0;
    holding.replaced_by = 0;
    EXPECT_TRUE(to_json(holding).at("ended_at").is_null());
    EXPECT_TRUE(pairing_from_json(to_json(holding)).current());
}

}  // namespace
