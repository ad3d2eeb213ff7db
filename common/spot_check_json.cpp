#include "common/spot_check_json.hpp"

#include "common/api_error.hpp"
#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using nlohmann::json;
using namespace json_fields;

namespace {

spot_check_finding finding_from_json(const json& j, const std::string& path, bool strict) {
    spot_check_finding f;
    if (strict && !object_at(j, path).contains("correct"))
        throw api_error::invalid_field(path + ".correct", "missing_field", "应写明该项是否属实", "say whether it was found right");
    for (const auto& [key, v] : object_at(j, path).items()) {
        const auto p = path + "." + key;
        if (key == "field") f.field = string_at(v, p);
        else if (key == "correct") f.correct = bool_at(v, p);
        else if (key == "found") f.found = v.is_null() ? std::string() : string_at(v, p);
        else if (strict) unknown_field(p);
    }
    return f;
}

spot_check_result result_from_json(const json& j, const std::string& path, bool strict) {
    spot_check_result r;
    for (const auto& [key, v] : object_at(j, path).items()) {
        const auto p = path.empty() ? key : path + "." + key;
        if (key == "checked_on") r.checked_on = string_at(v, p);
        else if (key == "method") r.method = string_at(v, p);
        else if (key == "verdict") r.verdict = string_at(v, p);
        else if (key == "follow_up") r.follow_up = string_at(v, p);
        else if (key == "note") r.note = v.is_null() ? std::string() : string_at(v, p);
        else if (key == "findings") {
            if (!v.is_array()) wrong_type(p, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) r.findings.push_back(finding_from_json(v[i], index(p, i), strict));
        } else if (strict) unknown_field(p);
        else if (key == "checked_by") r.checked_by = string_at(v, p);
        else if (key == "recorded_at") r.recorded_at_ms = utc_ms_or_zero_at(v, p);
        else if (key == "household_version") r.household_version = int64_at(v, p);
    }
    return r;
}

}  // namespace

json to_json(const spot_check_result& r) {
    json findings = json::array();
    for (const auto& f : r.findings) findings.push_back({{"field", f.field}, {"correct", f.correct}, {"found", f.found}});
    return {{"checked_on", r.checked_on}, {"method", r.method},       {"findings", findings},
            {"verdict", r.verdict},       {"follow_up", r.follow_up}, {"note", r.note},
            {"checked_by", r.checked_by}, {"recorded_at", utc_ms_or_null(r.recorded_at_ms)},
            {"household_version", r.household_version}};
}

json to_json(const spot_check_item& i) {
    return {{"household_id", i.household_id}, {"township_code", i.township_code}, {"village_code", i.village_code},
            {"village_name", i.village_name}, {"head_name", i.head_name},         {"standing", i.standing},
            {"result", i.result ? to_json(*i.result) : json(nullptr)},            {"follow_up_done", i.follow_up_done}};
}

json to_json(const spot_check& c) {
    json strata = json::array();
    for (const auto& s : c.strata)
        strata.push_back({{"township_code", s.township_code}, {"township_name", s.township_name},
                          {"standing", s.standing}, {"population", s.population}, {"drawn", s.drawn}});
    json out{{"id", c.id},
             {"year", c.plan.year},
             {"share_percent", c.plan.share_percent},
             {"minimum", c.plan.minimum},
             {"seed", c.plan.seed},
             {"drawn_by", c.drawn_by},
             {"drawn_at", utc_ms_or_null(c.drawn_at_ms)},
             {"households", c.households},
             {"checked", c.checked},
             {"strata", strata}};
    if (!c.items.empty()) {
        json items = json::array();
        for (const auto& i : c.items) items.push_back(to_json(i));
        out["items"] = items;
    }
    return out;
}

json to_json(const spot_check_accuracy& a) {
    return {{"township_code", a.township_code},
            {"township_name", a.township_name},
            {"sampled", a.sampled},
            {"checked", a.checked},
            {"accurate", a.accurate},
            {"inaccurate", a.inaccurate},
            {"should_exit", a.should_exit},
            {"should_enter", a.should_enter},
            {"accuracy_per_mille", a.accuracy_per_mille ? json(*a.accuracy_per_mille) : json(nullptr)}};
}

spot_check_result spot_check_result_from_request(const json& j) { return result_from_json(j, "", true); }

spot_check spot_check_from_json(const json& j) {
    spot_check c;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") c.id = int64_at(v, key);
        else if (key == "year") c.plan.year = int_at(v, key);
        else if (key == "share_percent") c.plan.share_percent = int_at(v, key);
        else if (key == "minimum") c.plan.minimum = int_at(v, key);
        else if (key == "seed") c.plan.seed = string_at(v, key);
        else if (key == "drawn_by") c.drawn_by = string_at(v, key);
        else if (key == "drawn_at") c.drawn_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "households") c.households = int_at(v, key);
        else if (key == "checked") c.checked = int_at(v, key);
        else if (key == "strata") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            for (std::size_t n = 0; n < v.size(); ++n) {
                const auto p = index(key, n);
                spot_check_stratum s;
                for (const auto& [k, sv] : object_at(v[n], p).items()) {
                    if (k == "township_code") s.township_code = string_at(sv, p + "." + k);
                    else if (k == "township_name") s.township_name = string_at(sv, p + "." + k);
                    else if (k == "standing") s.standing = string_at(sv, p + "." + k);
                    else if (k == "population") s.population = int_at(sv, p + "." + k);
                    else if (k == "drawn") s.drawn = int_at(sv, p + "." + k);
                }
                c.strata.push_back(std::move(s));
            }
        } else if (key == "items") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            for (std::size_t n = 0; n < v.size(); ++n) {
                const auto p = index(key, n);
                spot_check_item i;
                for (const auto& [k, iv] : object_at(v[n], p).items()) {
                    if (k == "household_id") i.household_id = int64_at(iv, p + "." + k);
                    else if (k == "township_code") i.township_code = string_at(iv, p + "." + k);
                    else if (k == "village_code") i.village_code = string_at(iv, p + "." + k);
                    else if (k == "village_name") i.village_name = string_at(iv, p + "." + k);
                    else if (k == "head_name") i.head_name = string_at(iv, p + "." + k);
                    else if (k == "standing") i.standing = string_at(iv, p + "." + k);
                    else if (k == "follow_up_done") i.follow_up_done = bool_at(iv, p + "." + k);
                    else if (k == "result" && !iv.is_null()) i.result = result_from_json(iv, p + "." + k, false);
                }
                c.items.push_back(std::move(i));
            }
        }
    }
    return c;
}

spot_check_accuracy spot_check_accuracy_from_json(const json& j) {
    spot_check_accuracy a;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "township_code") a.township_code = string_at(v, key);
        else if (key == "township_name") a.township_name = string_at(v, key);
        else if (key == "sampled") a.sampled = int_at(v, key);
        else if (key == "checked") a.checked = int_at(v, key);
        else if (key == "accurate") a.accurate = int_at(v, key);
        else if (key == "inaccurate") a.inaccurate = int_at(v, key);
        else if (key == "should_exit") a.should_exit = int_at(v, key);
        else if (key == "should_enter") a.should_enter = int_at(v, key);
        else if (key == "accuracy_per_mille" && !v.is_null()) a.accuracy_per_mille = int_at(v, key);
    }
    return a;
}

}  // namespace fupin::common
