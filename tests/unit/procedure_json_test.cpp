#include "common/procedure_json.hpp"

#include <functional>

#include <gtest/gtest.h>

#include "common/household_json.hpp"
#include "common/household_validation.hpp"
#include "test_data/sample_household.hpp"

namespace {

using namespace fupin::common;
using nlohmann::json;

constexpr std::int64_t t0 = 1795946400000;  // 2026-11-29T10:00:00.000Z

// Runs `read` on `j` and expects a refusal with this status, code and field.
void expect_refused(const std::function<void(const json&)>& read, const json& j, int status, const std::string& code,
                    const std::string& field) {
    try {
        read(j);
        ADD_FAILURE() << "accepted " << j.dump();
    } catch (const api_error& e) {
        EXPECT_EQ(e.status(), status) << j.dump();
        EXPECT_EQ(e.code(), code) << j.dump() << ": " << e.message(language::en);
        EXPECT_EQ(e.field(), field) << j.dump();
    }
}
void expect_invalid_type(const std::function<void(const json&)>& read, const json& j, const std::string& field) {
    expect_refused(read, j, 400, "invalid_type", field);
}

// True if `key` appears as an object key anywhere in j.
bool has_key_anywhere(const json& j, const std::string& key) {
    if (j.is_object())
        for (const auto& [k, v] : j.items())
            if (k == key || has_key_anywhere(v, key)) return true;
    if (j.is_array())
        for (const auto& v : j)
            if (has_key_anywhere(v, key)) return true;
    return false;
}

application sample_application() {
    application a;
    a.id = 41;
    a.household_id = 12;
    a.year = 2026;
    a.state = "village_posted";
    a.version = 6;
    a.township_code = "529901101";
    a.township_name = "石门镇";
    a.village_code = "529901101201";
    a.village_name = "岩脚村";
    a.group_name = "三组";
    a.head_name = "王大山";
    a.household_size = 3;
    a.per_capita_net_income = 210050;
    a.main_cause = "illness";
    a.open_objections = 1;
    a.posting_id = 5;
    a.appraisal_rank = 2;
    a.created_at_ms = t0;
    a.updated_at_ms = t0 + 86400123;
    application_step s1;
    s1.seq = 1;
    s1.action = "apply";
    s1.from_state = "";
    s1.to_state = "applied";
    s1.at_ms = t0;
    s1.username = "clerk01";
    s1.role = "village_clerk";
    s1.note = "本人申请";
    s1.details = R"({"verdict":{"eligible":true,"reasons":[{"code":"below_line"}]}})";
    application_step s2;
    s2.seq = 2;
    s2.action = "return";
    s2.from_state = "group_appraised";
    s2.to_state = "applied";
    s2.at_ms = t0 + 1000;
    s2.username = "clerk01";
    s2.role = "village_clerk";
    s2.reason = "收入核实有误「需重算」";
    s2.details = R"({"quota":{"places":10,"used":3}})";
    a.steps = {s1, s2};
    return a;
}

TEST(procedure_json, application_shape) {
    const json j = to_json(sample_application());
    EXPECT_EQ(j.at("id"), 41);
    EXPECT_EQ(j.at("state"), "village_posted");
    EXPECT_EQ(j.at("per_capita_net_income").dump(), "2100.5");  // money in yuan
    EXPECT_EQ(j.at("posting_id"), 5);
    EXPECT_EQ(j.at("appraisal_rank"), 2);
    EXPECT_EQ(j.at("created_at"), "2026-11-29T10:00:00.000Z");
    ASSERT_EQ(j.at("steps").size(), 2u);
    EXPECT_EQ(j.at("steps")[0].at("at"), "2026-11-29T10:00:00.000Z");
    EXPECT_EQ(j.at("steps")[0].at("from_state"), "");
    // Details are an embedded object, not a string of JSON.
    ASSERT_TRUE(j.at("steps")[0].at("details").is_object());
    EXPECT_EQ(j.at("steps")[0].at("details").at("verdict").at("eligible"), true);
    EXPECT_EQ(j.at("steps")[1].at("details").at("quota").at("places"), 10);

    application none;
    const json n = to_json(none);
    EXPECT_TRUE(n.at("posting_id").is_null());
    EXPECT_TRUE(n.at("appraisal_rank").is_null());
    EXPECT_TRUE(n.at("steps").is_array());
    EXPECT_TRUE(n.at("steps").empty());
}

TEST(procedure_json, application_round_trip_with_steps_and_details) {
    const application a = sample_application();
    const json j = json::parse(to_json(a).dump());
    const application b = application_from_json(j);
    EXPECT_EQ(to_json(b), to_json(a));
    EXPECT_EQ(b.id, 41);
    EXPECT_EQ(b.household_id, 12);
    EXPECT_EQ(b.year, 2026);
    EXPECT_EQ(b.state, "village_posted");
    EXPECT_EQ(b.version, 6);
    EXPECT_EQ(b.township_code, "529901101");
    EXPECT_EQ(b.township_name, "石门镇");
    EXPECT_EQ(b.village_code, "529901101201");
    EXPECT_EQ(b.village_name, "岩脚村");
    EXPECT_EQ(b.group_name, "三组");
    EXPECT_EQ(b.head_name, "王大山");
    EXPECT_EQ(b.household_size, 3);
    EXPECT_EQ(b.per_capita_net_income, 210050);
    EXPECT_EQ(b.main_cause, "illness");
    EXPECT_EQ(b.open_objections, 1);
    EXPECT_EQ(b.posting_id, std::optional<std::int64_t>(5));
    EXPECT_EQ(b.appraisal_rank, std::optional<int>(2));
    EXPECT_EQ(b.created_at_ms, t0);
    EXPECT_EQ(b.updated_at_ms, t0 + 86400123);
    ASSERT_EQ(b.steps.size(), 2u);
    for (std::size_t i = 0; i < 2; ++i) {
        const auto& x = a.steps[i];
        const auto& y = b.steps[i];
        EXPECT_EQ(y.seq, x.seq);
        EXPECT_EQ(y.action, x.action);
        EXPECT_EQ(y.from_state, x.from_state);
        EXPECT_EQ(y.to_state, x.to_state);
        EXPECT_EQ(y.at_ms, x.at_ms);
        EXPECT_EQ(y.username, x.username);
        EXPECT_EQ(y.role, x.role);
        EXPECT_EQ(y.note, x.note);
        EXPECT_EQ(y.reason, x.reason);
        EXPECT_EQ(json::parse(y.details), json::parse(x.details));
    }
    EXPECT_EQ(b.steps[1].reason, "收入核实有误「需重算」");

    // Without a posting or a rank: null both ways.
    application c = a;
    c.posting_id.reset();
    c.appraisal_rank.reset();
    c.steps.clear();
    const application d = application_from_json(json::parse(to_json(c).dump()));
    EXPECT_FALSE(d.posting_id);
    EXPECT_FALSE(d.appraisal_rank);
    EXPECT_TRUE(d.steps.empty());
}

TEST(procedure_json, a_step_without_details_writes_an_empty_object) {
    application_step s;
    s.action = "group_appraise";
    EXPECT_EQ(to_json(s).at("details"), json::object());
    s.details = "not json";
    EXPECT_EQ(to_json(s).at("details"), json::object());
}

posting sample_posting() {
    posting p;
    p.id = 5;
    p.level = "village";
    p.area_code = "529901101201";
    p.area_name = "岩脚村";
    p.year = 2026;
    p.published_on = "2026-06-01";
    p.days = 7;
    p.last_day = "2026-06-07";
    p.next_step_on = "2026-06-08";
    p.published_at_ms = t0;
    p.published_by = "clerk01";
    posting_entry e1;
    e1.application_id = 41;
    e1.position = 1;
    e1.head_name = "王大山";
    e1.village_code = "529901101201";
    e1.village_name = "岩脚村";
    e1.group_code = "529901101201003";
    e1.group_name = "三组";
    e1.household_size = 3;
    e1.per_capita_net_income = 210050;
    e1.main_cause = "illness";
    e1.appraisal_rank = 1;
    posting_entry e2 = e1;
    e2.application_id = 42;
    e2.position = 2;
    e2.head_name = "张老四";
    e2.household_size = 1;
    e2.per_capita_net_income = 90000;
    e2.main_cause = "disability";
    e2.appraisal_rank.reset();
    p.entries = {e1, e2};
    return p;
}

TEST(procedure_json, posting_round_trip_with_entries) {
    const posting p = sample_posting();
    const json j = json::parse(to_json(p).dump());
    EXPECT_EQ(j.at("published_on"), "2026-06-01");
    EXPECT_EQ(j.at("last_day"), "2026-06-07");
    EXPECT_EQ(j.at("next_step_on"), "2026-06-08");
    EXPECT_EQ(j.at("entries")[0].at("per_capita_net_income").dump(), "2100.5");
    EXPECT_TRUE(j.at("entries")[1].at("appraisal_rank").is_null());
    const posting b = posting_from_json(j);
    EXPECT_EQ(to_json(b), to_json(p));
    EXPECT_EQ(b.id, 5);
    EXPECT_EQ(b.level, "village");
    EXPECT_EQ(b.area_code, "529901101201");
    EXPECT_EQ(b.area_name, "岩脚村");
    EXPECT_EQ(b.year, 2026);
    EXPECT_EQ(b.days, 7);
    EXPECT_EQ(b.published_at_ms, t0);
    EXPECT_EQ(b.published_by, "clerk01");
    ASSERT_EQ(b.entries.size(), 2u);
    EXPECT_EQ(b.entries[0].application_id, 41);
    EXPECT_EQ(b.entries[0].position, 1);
    EXPECT_EQ(b.entries[0].head_name, "王大山");
    EXPECT_EQ(b.entries[0].group_code, "529901101201003");
    EXPECT_EQ(b.entries[0].group_name, "三组");
    EXPECT_EQ(b.entries[0].household_size, 3);
    EXPECT_EQ(b.entries[0].per_capita_net_income, 210050);
    EXPECT_EQ(b.entries[0].appraisal_rank, std::optional<int>(1));
    EXPECT_EQ(b.entries[1].head_name, "张老四");
    EXPECT_EQ(b.entries[1].per_capita_net_income, 90000);
    EXPECT_EQ(b.entries[1].main_cause, "disability");
    EXPECT_FALSE(b.entries[1].appraisal_rank);
}

TEST(procedure_json, a_posting_never_carries_an_id_number) {
    const json j = to_json(sample_posting());
    EXPECT_FALSE(has_key_anywhere(j, "id_number"));
    EXPECT_EQ(j.dump().find("id_number"), std::string::npos);
    // Nor the head's ID number under another name: the public form is exactly these fields.
    EXPECT_EQ(j.at("entries")[0].size(), 11u);
    for (const auto& [k, v] : j.at("entries")[0].items())
        EXPECT_TRUE(k == "application_id" || k == "position" || k == "head_name" || k == "village_code" ||
                    k == "village_name" || k == "group_code" || k == "group_name" || k == "household_size" ||
                    k == "per_capita_net_income" || k == "main_cause" || k == "appraisal_rank")
            << k;
    // The head's ID number of the sample household appears nowhere.
    EXPECT_EQ(j.dump().find(fupin::test_data::sample_household().members[0].id_number), std::string::npos);
}

TEST(procedure_json, objection_round_trip) {
    objection o;
    o.id = 3;
    o.application_id = 41;
    o.posting_id = 5;
    o.objector_name = "赵六";
    o.objector_contact = "13900000000";
    o.grounds = "该户有砖房两栋";
    o.objected_on = "2026-06-03";
    o.recorded_by = "clerk01";
    o.recorded_at_ms = t0;
    const json open = json::parse(to_json(o).dump());
    EXPECT_EQ(open.at("state"), "open");
    EXPECT_TRUE(open.at("answered_at").is_null());
    const objection b = objection_from_json(open);
    EXPECT_EQ(to_json(b), to_json(o));
    EXPECT_EQ(b.objector_name, "赵六");
    EXPECT_EQ(b.grounds, "该户有砖房两栋");
    EXPECT_EQ(b.objected_on, "2026-06-03");
    EXPECT_EQ(b.recorded_at_ms, t0);
    EXPECT_EQ(b.answered_at_ms, 0);

    o.state = "upheld";
    o.answer = "核实属实";
    o.consequence = "return";
    o.answered_by = "reviewer01";
    o.answered_at_ms = t0 + 3600000;
    const objection c = objection_from_json(json::parse(to_json(o).dump()));
    EXPECT_EQ(to_json(c), to_json(o));
    EXPECT_EQ(c.state, "upheld");
    EXPECT_EQ(c.answer, "核实属实");
    EXPECT_EQ(c.consequence, "return");
    EXPECT_EQ(c.answered_by, "reviewer01");
    EXPECT_EQ(c.answered_at_ms, t0 + 3600000);
    EXPECT_EQ(c.application_id, 41);
    EXPECT_EQ(c.posting_id, 5);
}

TEST(procedure_json, appraisal_round_trip) {
    appraisal a;
    a.id = 2;
    a.village_code = "529901101201";
    a.year = 2026;
    a.meeting_date = "2026-05-20";
    for (int i = 1; i <= 9; ++i) a.panel.push_back("评议员" + std::to_string(i));
    a.results = {{41, 1, 2, 7, 1, 1}, {42, 2, 1, 9, 0, 0}};
    a.recorded_by = "clerk01";
    a.recorded_at_ms = t0;
    const appraisal b = appraisal_from_json(json::parse(to_json(a).dump()));
    EXPECT_EQ(to_json(b), to_json(a));
    EXPECT_EQ(b.id, 2);
    EXPECT_EQ(b.meeting_date, "2026-05-20");
    EXPECT_EQ(b.panel, a.panel);
    ASSERT_EQ(b.results.size(), 2u);
    EXPECT_EQ(b.results[0].application_id, 41);
    EXPECT_EQ(b.results[0].proposed_rank, 1);
    EXPECT_EQ(b.results[0].final_rank, 2);
    EXPECT_EQ(b.results[0].votes_for, 7);
    EXPECT_EQ(b.results[0].votes_against, 1);
    EXPECT_EQ(b.results[0].votes_abstain, 1);
    EXPECT_EQ(b.results[1].final_rank, 1);
    EXPECT_EQ(b.recorded_at_ms, t0);
    EXPECT_EQ(b.recorded_by, "clerk01");
}

TEST(procedure_json, ranking_entry_round_trip) {
    ranking_entry e;
    e.application_id = 41;
    e.head_name = "王大山";
    e.rank = 3;
    e.priorities = 1;
    e.per_capita_net_income = 210050;
    e.per_capita_assets = 100001;
    e.consumption_level = "low";
    e.labourers = 1;
    const json j = to_json(e);
    EXPECT_EQ(j.at("per_capita_assets").dump(), "1000.01");
    const ranking_entry b = ranking_entry_from_json(json::parse(j.dump()));
    EXPECT_EQ(to_json(b), j);
    EXPECT_EQ(b.per_capita_assets, 100001);
    EXPECT_EQ(b.rank, 3);
}

TEST(procedure_json, quota_round_trip) {
    quota q;
    q.year = 2026;
    q.area_code = "529901101";
    q.area_name = "石门镇";
    q.level = "township";
    q.parent_code = "529901";
    q.places = 120;
    q.used = 17;
    q.allocated = 110;
    q.set_by = "admin";
    q.set_at_ms = t0;
    const json j = json::parse(to_json(q).dump());
    EXPECT_EQ(j.at("quota"), 120);  // "quota" on the wire, places in the struct
    const quota b = quota_from_json(j);
    EXPECT_EQ(to_json(b), to_json(q));
    EXPECT_EQ(b.places, 120);
    EXPECT_EQ(b.used, 17);
    EXPECT_EQ(b.allocated, 110);
    EXPECT_EQ(b.level, "township");
    EXPECT_EQ(b.parent_code, "529901");
    EXPECT_EQ(b.set_at_ms, t0);
    quota unset;
    EXPECT_TRUE(to_json(unset).at("set_at").is_null());
    EXPECT_EQ(quota_from_json(to_json(unset)).set_at_ms, 0);
}

TEST(procedure_json, poverty_line_in_yuan) {
    const poverty_line l = poverty_line_from_json(json::parse(R"({"year":2026,"amount":2300})"));
    EXPECT_EQ(l.year, 2026);
    EXPECT_EQ(l.amount, 230000);
    EXPECT_EQ(poverty_line_from_json(json::parse(R"({"year":2027,"amount":2800})")).amount, 280000);
    EXPECT_EQ(poverty_line_from_json(json::parse(R"({"year":2027,"amount":2736.5})")).amount, 273650);
    poverty_line m{2026, 230000, "admin", t0};
    const json j = to_json(m);
    EXPECT_EQ(j.at("amount").dump(), "2300");
    EXPECT_EQ(j.at("set_at"), "2026-11-29T10:00:00.000Z");
    const poverty_line b = poverty_line_from_json(json::parse(j.dump()));
    EXPECT_EQ(to_json(b), j);
    EXPECT_EQ(b.amount, 230000);
    EXPECT_EQ(b.set_by, "admin");
    EXPECT_EQ(b.set_at_ms, t0);
    expect_refused([](const json& x) { poverty_line_from_json(x); }, json::parse(R"({"amount":2300.123})"), 422,
                   "invalid_value", "amount");
}

TEST(procedure_json, verdict_round_trip) {
    household h = fupin::test_data::sample_household();
    h.income = {};
    h.income.year = 2026;
    h.income.wages = 600000;  // 2,000 yuan a head
    h.identification.elderly_parents_of_only_child = true;
    h.poverty_type = "minimum_allowance";
    derive(h);
    const auto v = identification_rules::judge(h, 230000);
    const json j = json::parse(to_json(v).dump());
    EXPECT_EQ(j.at("eligible"), false);
    EXPECT_EQ(j.at("below_line"), true);
    EXPECT_EQ(j.at("line").dump(), "2300");
    EXPECT_EQ(j.at("per_capita_net_income").dump(), "2000");
    EXPECT_EQ(j.at("exclusions"), json::array({"minimum_allowance"}));
    EXPECT_EQ(j.at("priorities"), json::array({"priority_elderly_only_child"}));
    EXPECT_EQ(j.at("reasons")[0].at("code"), "minimum_allowance");
    const auto b = verdict_from_json(j);
    EXPECT_EQ(to_json(b), to_json(v));
    EXPECT_EQ(b.eligible, v.eligible);
    EXPECT_EQ(b.below_line, v.below_line);
    EXPECT_EQ(b.line, 230000);
    EXPECT_EQ(b.per_capita_net_income, 200000);
    EXPECT_EQ(b.priorities, v.priorities);
    EXPECT_EQ(b.exclusions, v.exclusions);
    ASSERT_EQ(b.reasons.size(), v.reasons.size());
    for (std::size_t i = 0; i < v.reasons.size(); ++i) {
        EXPECT_EQ(b.reasons[i].code, v.reasons[i].code);
        EXPECT_EQ(b.reasons[i].zh, v.reasons[i].zh);
        EXPECT_EQ(b.reasons[i].en, v.reasons[i].en);
    }
}

TEST(procedure_json, unknown_response_fields_are_skipped) {
    json j = to_json(sample_application());
    j["added_by_a_newer_server"] = 1;
    j["steps"][0]["also_new"] = "x";
    EXPECT_EQ(to_json(application_from_json(j)), to_json(sample_application()));
}

TEST(procedure_json, wrong_types_are_refused_with_the_path) {
    auto app = [](const json& x) { application_from_json(x); };
    auto post = [](const json& x) { posting_from_json(x); };
    auto obj = [](const json& x) { objection_from_json(x); };
    auto appr = [](const json& x) { appraisal_from_json(x); };
    auto rank = [](const json& x) { ranking_entry_from_json(x); };
    auto quo = [](const json& x) { quota_from_json(x); };
    auto line = [](const json& x) { poverty_line_from_json(x); };
    auto verd = [](const json& x) { verdict_from_json(x); };

    const json a = to_json(sample_application());
    auto with = [](json j, const std::string& ptr, const json& v) {
        j[json::json_pointer(ptr)] = v;
        return j;
    };
    expect_invalid_type(app, with(a, "/id", "41"), "id");
    expect_invalid_type(app, with(a, "/year", 2026.5), "year");
    expect_invalid_type(app, with(a, "/state", 3), "state");
    expect_invalid_type(app, with(a, "/posting_id", "5"), "posting_id");
    expect_invalid_type(app, with(a, "/per_capita_net_income", "2100.5"), "per_capita_net_income");
    expect_invalid_type(app, with(a, "/steps", json::object()), "steps");
    expect_invalid_type(app, with(a, "/steps/1", "apply"), "steps[1]");
    expect_invalid_type(app, with(a, "/steps/0/seq", "1"), "steps[0].seq");
    expect_invalid_type(app, with(a, "/steps/1/details", "{}"), "steps[1].details");
    expect_invalid_type(app, with(a, "/steps/0/at", 1795946400000), "steps[0].at");
    expect_invalid_type(app, json::array(), "");
    expect_invalid_type(app, json("x"), "");
    expect_refused(app, with(a, "/created_at", "2026-11-29 10:00"), 422, "invalid_value", "created_at");

    const json p = to_json(sample_posting());
    expect_invalid_type(post, with(p, "/days", "7"), "days");
    expect_invalid_type(post, with(p, "/published_on", 20260601), "published_on");
    expect_invalid_type(post, with(p, "/entries", "none"), "entries");
    expect_invalid_type(post, with(p, "/entries/1/household_size", "1"), "entries[1].household_size");
    expect_invalid_type(post, with(p, "/entries/0/appraisal_rank", true), "entries[0].appraisal_rank");

    expect_invalid_type(obj, json{{"grounds", 5}}, "grounds");
    expect_invalid_type(obj, json{{"answered_at", 5}}, "answered_at");
    expect_invalid_type(appr, json{{"panel", "张三"}}, "panel");
    expect_invalid_type(appr, json{{"panel", json::array({"张三", 4})}}, "panel[1]");
    expect_invalid_type(appr, json{{"results", json::array({json{{"votes_for", "7"}}})}}, "results[0].votes_for");
    expect_invalid_type(rank, json{{"labourers", false}}, "labourers");
    expect_invalid_type(quo, json{{"quota", "120"}}, "quota");
    expect_invalid_type(line, json{{"amount", "2300"}}, "amount");
    expect_invalid_type(line, json{{"year", nullptr}}, "year");
    expect_invalid_type(verd, json{{"eligible", 1}}, "eligible");
    expect_invalid_type(verd, json{{"exclusions", "five_guarantee"}}, "exclusions");
    expect_invalid_type(verd, json{{"reasons", json::array({json{{"code", 1}}})}}, "reasons[0].code");
    expect_invalid_type(verd, json{{"reasons", json::object()}}, "reasons");
}

}  // namespace
