#include "common/assistance_json.hpp"

#include <set>

#include "common/api_error.hpp"
#include "common/household_validation.hpp"
#include "common/json_fields.hpp"
#include "common/posting_period.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

using nlohmann::json;
using namespace json_fields;

json id_or_null(std::int64_t id) { return id ? json(id) : json(nullptr); }
std::int64_t id_at(const json& v, const std::string& p) { return v.is_null() ? 0 : int64_at(v, p); }

void check_year(int year, const std::string& field) {
    if (year < 2000 || year > 2100)
        throw api_error::invalid_field(field, "invalid_value", "年度应在2000至2100之间", field + " must be 2000-2100");
}

// A date "YYYY-MM-DD" that exists, or empty when allowed.
void check_date(const std::string& date, const std::string& field, bool required) {
    if (date.empty() && !required) return;
    if (!parse_date(date))
        throw api_error::invalid_field(field, date.empty() ? "missing_field" : "invalid_value",
                                       "字段 " + field + " 应为日期 YYYY-MM-DD", field + " must be a date YYYY-MM-DD");
}

void check_money(money_fen fen, const std::string& field) {
    if (fen < 0 || fen > max_money_fen)
        throw api_error::invalid_field(field, "invalid_value", "金额应在0至10000000元之间",
                                       field + " must be 0 to 10,000,000 yuan");
}

// Keys a request may carry back from a response, ignored.
bool output_only(const std::string& key, std::initializer_list<const char*> keys) {
    for (const char* k : keys)
        if (key == k) return true;
    return false;
}

json funds_json(const std::vector<measure_fund>& funds) {
    json out = json::array();
    for (const auto& f : funds)
        out.push_back({{"source", f.source}, {"planned", fen_to_json(f.planned)}, {"paid", fen_to_json(f.paid)}});
    return out;
}

std::vector<measure_fund> funds_at(const json& v, const std::string& path, json_source source) {
    if (!v.is_array()) wrong_type(path, "数组", "an array");
    std::vector<measure_fund> out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto p = index(path, i);
        measure_fund f;
        for (const auto& [key, fv] : object_at(v[i], p).items()) {
            const auto fp = join(p, key);
            if (key == "source") f.source = string_at(fv, fp);
            else if (key == "planned") f.planned = fen_from_json(fv, fp);
            else if (key == "paid") f.paid = fen_from_json(fv, fp);
            else if (source == json_source::request) unknown_field(fp);
        }
        out.push_back(f);
    }
    return out;
}

}  // namespace

json to_json(const measure& m) {
    return json{{"id", m.id},
                {"household_id", m.household_id},
                {"village_code", m.village_code},
                {"category", m.category},
                {"plan_year", m.plan_year},
                {"content", m.content},
                {"helper_id", id_or_null(m.helper_id)},
                {"helper_name", m.helper_name},
                {"project_id", id_or_null(m.project_id)},
                {"project_name", m.project_name},
                {"status", m.status},
                {"cancel_reason", m.cancel_reason},
                {"start_date", m.start_date},
                {"end_date", m.end_date},
                {"funds", funds_json(m.funds)},
                {"planned_total", fen_to_json(planned_total(m))},
                {"paid_total", fen_to_json(paid_total(m))},
                {"version", m.version},
                {"updated_by", m.updated_by},
                {"updated_at", utc_ms_or_null(m.updated_at_ms)}};
}

json to_json(const project& p) {
    return json{{"id", p.id},
                {"name", p.name},
                {"category", p.category},
                {"year", p.year},
                {"area_code", p.area_code},
                {"content", p.content},
                {"households", p.households},
                {"planned", fen_to_json(p.planned)},
                {"paid", fen_to_json(p.paid)},
                {"version", p.version},
                {"created_at", utc_ms_or_null(p.created_at_ms)}};
}

json to_json(const assistance_plan& p) {
    json measures = json::array();
    for (const auto& m : p.measures) measures.push_back(to_json(m));
    return json{{"household_id", p.household_id},
                {"year", p.year},
                {"expected_income_effect", fen_to_json(p.expected_income_effect)},
                {"acknowledged_on", p.acknowledged_on},
                {"note", p.note},
                {"measures", measures},
                {"version", p.version},
                {"updated_by", p.updated_by},
                {"updated_at", utc_ms_or_null(p.updated_at_ms)}};
}

json to_json(const visit& v) {
    return json{{"id", v.id},
                {"household_id", v.household_id},
                {"village_code", v.village_code},
                {"helper_id", id_or_null(v.helper_id)},
                {"helper_name", v.helper_name},
                {"kind", v.kind},
                {"visited_on", v.visited_on},
                {"done", v.done},
                {"situation", v.situation},
                {"follow_up", v.follow_up},
                {"recorded_by", v.recorded_by},
                {"recorded_at", utc_ms_or_null(v.recorded_at_ms)}};
}

json to_json(const category_suggestion& s) {
    return json{{"category", s.category}, {"because", s.because}, {"main_cause", s.main_cause}};
}

void check_measure(const measure& m) {
    require_code(vocabulary::measure_categories, m.category, "category", true);
    check_year(m.plan_year, "plan_year");
    checked_text(m.content, "content", max_measure_text_chars, true);
    require_code(vocabulary::measure_statuses, m.status, "status", true);
    if (m.status == "cancelled") checked_text(m.cancel_reason, "cancel_reason", max_measure_text_chars, true);
    else if (!m.cancel_reason.empty())
        throw api_error::invalid_field("cancel_reason", "invalid_value", "只有取消的措施才有取消理由",
                                       "only a cancelled measure has a cancel reason");
    check_date(m.start_date, "start_date", false);
    check_date(m.end_date, "end_date", false);
    if (!m.start_date.empty() && !m.end_date.empty() && m.end_date < m.start_date)
        throw api_error::invalid_field("end_date", "invalid_value", "结束日期不能早于开始日期",
                                       "end_date is before start_date");
    if (m.helper_id < 0 || m.project_id < 0)
        throw api_error::invalid_field(m.helper_id < 0 ? "helper_id" : "project_id", "invalid_value", "编号无效",
                                       "not a valid id");
    std::set<std::string> sources;
    for (std::size_t i = 0; i < m.funds.size(); ++i) {
        const auto& f = m.funds[i];
        const auto p = "funds[" + std::to_string(i) + "]";
        require_code(vocabulary::fund_sources, f.source, p + ".source", true);
        if (!sources.insert(f.source).second)
            throw api_error::invalid_field(p + ".source", "invalid_value", "同一资金来源只能填写一次",
                                           "each source of funds once");
        check_money(f.planned, p + ".planned");
        check_money(f.paid, p + ".paid");
    }
}

void check_project(const project& p) {
    checked_text(p.name, "name", max_project_name_chars, true);
    require_code(vocabulary::measure_categories, p.category, "category", true);
    check_year(p.year, "year");
    if ((p.area_code.size() != 9 && p.area_code.size() != 12) ||
        p.area_code.find_first_not_of("0123456789") != std::string::npos)
        throw api_error::invalid_field("area_code", "invalid_value", "项目所在区划应为9位乡镇或12位村代码",
                                       "a project serves a township (9 digits) or a village (12)");
    checked_text(p.content, "content", max_measure_text_chars, false);
}

void check_assistance_plan(const assistance_plan& p) {
    check_year(p.year, "year");
    check_money(p.expected_income_effect, "expected_income_effect");
    check_date(p.acknowledged_on, "acknowledged_on", false);
    checked_text(p.note, "note", max_measure_text_chars, false);
}

void check_visit(const visit& v) {
    require_code(vocabulary::visit_kinds, v.kind, "kind", true);
    check_date(v.visited_on, "visited_on", true);
    checked_text(v.done, "done", max_measure_text_chars, true);
    checked_text(v.situation, "situation", max_measure_text_chars, false);
    checked_text(v.follow_up, "follow_up", max_measure_text_chars, false);
    if (v.helper_id < 0) throw api_error::invalid_field("helper_id", "invalid_value", "编号无效", "not a valid id");
}

measure measure_from_json(const json& j, json_source source) {
    measure m;
    const bool request = source == json_source::request;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "category") m.category = string_at(v, key);
        else if (key == "plan_year") m.plan_year = int_at(v, key);
        else if (key == "content") m.content = string_at(v, key);
        else if (key == "helper_id") m.helper_id = id_at(v, key);
        else if (key == "project_id") m.project_id = id_at(v, key);
        else if (key == "status") m.status = string_at(v, key);
        else if (key == "cancel_reason") m.cancel_reason = string_at(v, key);
        else if (key == "start_date") m.start_date = string_at(v, key);
        else if (key == "end_date") m.end_date = string_at(v, key);
        else if (key == "funds") m.funds = funds_at(v, key, source);
        else if (key == "version") m.version = int64_at(v, key);
        else if (request) {
            if (!output_only(key, {"id", "household_id", "village_code", "helper_name", "project_name", "planned_total",
                                   "paid_total", "updated_by", "updated_at"}))
                unknown_field(key);
        } else if (key == "id") m.id = int64_at(v, key);
        else if (key == "household_id") m.household_id = int64_at(v, key);
        else if (key == "village_code") m.village_code = string_at(v, key);
        else if (key == "helper_name") m.helper_name = string_at(v, key);
        else if (key == "project_name") m.project_name = string_at(v, key);
        else if (key == "updated_by") m.updated_by = string_at(v, key);
        else if (key == "updated_at") m.updated_at_ms = utc_ms_or_zero_at(v, key);
    }
    if (request) check_measure(m);
    return m;
}

project project_from_json(const json& j, json_source source) {
    project p;
    const bool request = source == json_source::request;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "name") p.name = string_at(v, key);
        else if (key == "category") p.category = string_at(v, key);
        else if (key == "year") p.year = int_at(v, key);
        else if (key == "area_code") p.area_code = string_at(v, key);
        else if (key == "content") p.content = string_at(v, key);
        else if (request) {
            if (!output_only(key, {"id", "households", "planned", "paid", "version", "created_at"})) unknown_field(key);
        } else if (key == "id") p.id = int64_at(v, key);
        else if (key == "households") p.households = int_at(v, key);
        else if (key == "planned") p.planned = fen_from_json(v, key);
        else if (key == "paid") p.paid = fen_from_json(v, key);
        else if (key == "version") p.version = int64_at(v, key);
        else if (key == "created_at") p.created_at_ms = utc_ms_or_zero_at(v, key);
    }
    if (request) check_project(p);
    return p;
}

assistance_plan assistance_plan_from_json(const json& j, json_source source) {
    assistance_plan p;
    const bool request = source == json_source::request;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "year") p.year = int_at(v, key);
        else if (key == "expected_income_effect") p.expected_income_effect = fen_from_json(v, key);
        else if (key == "acknowledged_on") p.acknowledged_on = string_at(v, key);
        else if (key == "note") p.note = string_at(v, key);
        else if (key == "version") p.version = int64_at(v, key);
        else if (request) {
            if (!output_only(key, {"household_id", "measures", "updated_by", "updated_at"})) unknown_field(key);
        } else if (key == "household_id") p.household_id = int64_at(v, key);
        else if (key == "updated_by") p.updated_by = string_at(v, key);
        else if (key == "updated_at") p.updated_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "measures") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            for (const auto& m : v) p.measures.push_back(measure_from_json(m, json_source::response));
        }
    }
    if (request) check_assistance_plan(p);
    return p;
}

visit visit_from_json(const json& j, json_source source) {
    visit v;
    const bool request = source == json_source::request;
    for (const auto& [key, x] : object_at(j, "").items()) {
        if (key == "helper_id") v.helper_id = id_at(x, key);
        else if (key == "kind") v.kind = string_at(x, key);
        else if (key == "visited_on") v.visited_on = string_at(x, key);
        else if (key == "done") v.done = string_at(x, key);
        else if (key == "situation") v.situation = string_at(x, key);
        else if (key == "follow_up") v.follow_up = string_at(x, key);
        else if (request) {
            if (!output_only(key, {"id", "household_id", "village_code", "helper_name", "recorded_by", "recorded_at"}))
                unknown_field(key);
        } else if (key == "id") v.id = int64_at(x, key);
        else if (key == "household_id") v.household_id = int64_at(x, key);
        else if (key == "village_code") v.village_code = string_at(x, key);
        else if (key == "helper_name") v.helper_name = string_at(x, key);
        else if (key == "recorded_by") v.recorded_by = string_at(x, key);
        else if (key == "recorded_at") v.recorded_at_ms = utc_ms_or_zero_at(x, key);
    }
    if (request) check_visit(v);
    return v;
}

category_suggestion category_suggestion_from_json(const json& j) {
    category_suggestion s;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "category") s.category = string_at(v, key);
        else if (key == "because") s.because = string_at(v, key);
        else if (key == "main_cause") s.main_cause = bool_at(v, key);
    }
    return s;
}

json to_json(const sandaohu_report& r) {
    json areas = json::array(), gaps = json::array();
    for (const auto& a : r.areas) {
        json j{{"area_code", a.area_code}, {"area_name", a.area_name}, {"level", a.level},
               {"households", a.households}, {"complete", a.complete}};
        each_sandaohu_answer(a, [&](const char* key, int n) { j[key] = n; });
        areas.push_back(std::move(j));
    }
    for (const auto& h : r.gaps) {
        json j{{"household_id", h.household_id}, {"head_name", h.head_name}, {"village_code", h.village_code}};
        each_sandaohu_answer(h, [&](const char* key, bool b) { j[key] = b; });
        gaps.push_back(std::move(j));
    }
    return json{{"year", r.year}, {"area_code", r.area_code}, {"since", r.since},
                {"areas", areas}, {"gaps", gaps}, {"gaps_total", r.gaps_total}};
}

sandaohu_report sandaohu_report_from_json(const json& j) {
    sandaohu_report r;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "year") r.year = int_at(v, key);
        else if (key == "area_code") r.area_code = string_at(v, key);
        else if (key == "since") r.since = string_at(v, key);
        else if (key == "gaps_total") r.gaps_total = int_at(v, key);
        else if (key == "areas") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) {
                const auto p = index(key, i);
                sandaohu_area a;
                const auto& o = object_at(v[i], p);
                if (o.contains("area_code")) a.area_code = string_at(o["area_code"], join(p, "area_code"));
                if (o.contains("area_name")) a.area_name = string_at(o["area_name"], join(p, "area_name"));
                if (o.contains("level")) a.level = string_at(o["level"], join(p, "level"));
                if (o.contains("households")) a.households = int_at(o["households"], join(p, "households"));
                if (o.contains("complete")) a.complete = int_at(o["complete"], join(p, "complete"));
                each_sandaohu_answer(a, [&](const char* k, int& n) {
                    if (o.contains(k)) n = int_at(o[k], join(p, k));
                });
                r.areas.push_back(std::move(a));
            }
        } else if (key == "gaps") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) {
                const auto p = index(key, i);
                sandaohu_household h;
                const auto& o = object_at(v[i], p);
                if (o.contains("household_id")) h.household_id = int64_at(o["household_id"], join(p, "household_id"));
                if (o.contains("head_name")) h.head_name = string_at(o["head_name"], join(p, "head_name"));
                if (o.contains("village_code")) h.village_code = string_at(o["village_code"], join(p, "village_code"));
                each_sandaohu_answer(h, [&](const char* k, bool& b) {
                    if (o.contains(k)) b = bool_at(o[k], join(p, k));
                });
                r.gaps.push_back(std::move(h));
            }
        }
    }
    return r;
}

}  // namespace fupin::common
