#include "common/campaign_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using json = nlohmann::json;
using namespace json_fields;

namespace {

std::vector<campaign_phase> phases_of(const json& list) {
    std::vector<campaign_phase> out;
    for (const auto& ph : list)
        out.push_back({string_at(ph.at("phase"), "phase"), string_at(ph.at("starts_on"), "starts_on"),
                       string_at(ph.at("ends_on"), "ends_on")});
    return out;
}

json phases_json(const std::vector<campaign_phase>& phases) {
    json out = json::array();
    for (const auto& p : phases) out.push_back({{"phase", p.phase}, {"starts_on", p.starts_on}, {"ends_on", p.ends_on}});
    return out;
}

}  // namespace

json to_json(const campaign& c) {
    return {{"year", c.year}, {"phases", phases_json(c.phases)}, {"set_by", c.set_by}, {"set_at", utc_ms_or_null(c.set_at_ms)}};
}

campaign campaign_from_json(const json& j) {
    campaign c;
    c.year = int_at(j.at("year"), "year");
    c.phases = phases_of(j.at("phases"));
    c.set_by = string_at(j.at("set_by"), "set_by");
    c.set_at_ms = utc_ms_or_zero_at(j.at("set_at"), "set_at");
    return c;
}

std::vector<campaign_phase> campaign_phases_from_json(const json& j) {
    std::vector<campaign_phase> out;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key != "phases") unknown_field(key);
        if (!v.is_array() || v.size() > 10) invalid_value("phases", "应为阶段的数组", "must be an array of phases");
        for (std::size_t i = 0; i < v.size(); ++i) {
            const auto at = index("phases", i);
            campaign_phase p;
            for (const auto& [k, pv] : object_at(v[i], at).items()) {
                if (k == "phase") p.phase = string_at(pv, join(at, k));
                else if (k == "starts_on") p.starts_on = string_at(pv, join(at, k));
                else if (k == "ends_on") p.ends_on = string_at(pv, join(at, k));
                else unknown_field(join(at, k));
            }
            out.push_back(std::move(p));
        }
    }
    return out;
}

json to_json(const campaign_progress& p) {
    json townships = json::array();
    for (const auto& t : p.townships)
        townships.push_back({{"township_code", t.township_code},
                             {"township_name", t.township_name},
                             {"households", t.households},
                             {"cases", t.cases},
                             {"cases_open", t.cases_open},
                             {"cases_registered", t.cases_registered},
                             {"cases_refused", t.cases_refused},
                             {"cases_overdue", t.cases_overdue},
                             {"registered", t.registered},
                             {"complete_files", t.complete_files},
                             {"with_helper", t.with_helper},
                             {"with_plan", t.with_plan}});
    return {{"year", p.year},
            {"as_of", p.as_of},
            {"current_phase", p.current_phase},
            {"phases", phases_json(p.phases)},
            {"townships", townships}};
}

campaign_progress campaign_progress_from_json(const json& j) {
    campaign_progress p;
    p.year = int_at(j.at("year"), "year");
    p.as_of = string_at(j.at("as_of"), "as_of");
    p.current_phase = string_at(j.at("current_phase"), "current_phase");
    p.phases = phases_of(j.at("phases"));
    for (const auto& t : j.at("townships")) {
        township_progress tp;
        tp.township_code = string_at(t.at("township_code"), "township_code");
        tp.township_name = string_at(t.at("township_name"), "township_name");
        tp.households = int64_at(t.at("households"), "households");
        tp.cases = int64_at(t.at("cases"), "cases");
        tp.cases_open = int64_at(t.at("cases_open"), "cases_open");
        tp.cases_registered = int64_at(t.at("cases_registered"), "cases_registered");
        tp.cases_refused = int64_at(t.at("cases_refused"), "cases_refused");
        tp.cases_overdue = int64_at(t.at("cases_overdue"), "cases_overdue");
        tp.registered = int64_at(t.at("registered"), "registered");
        tp.complete_files = int64_at(t.at("complete_files"), "complete_files");
        tp.with_helper = int64_at(t.at("with_helper"), "with_helper");
        tp.with_plan = int64_at(t.at("with_plan"), "with_plan");
        p.townships.push_back(std::move(tp));
    }
    return p;
}

}  // namespace fupin::common
