#include "common/supervision_json.hpp"

#include "common/api_error.hpp"
#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using json = nlohmann::json;
using namespace json_fields;

namespace {

json optional_json(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }

std::optional<int> optional_at(const json& j, const std::string& path) {
    if (j.is_null()) return std::nullopt;
    return int_at(j, path);
}

}  // namespace

json to_json(const supervision_weights& w) {
    return {{"year", w.year},
            {"progress", w.progress},
            {"completeness", w.completeness},
            {"objections", w.objections},
            {"spot_checks", w.spot_checks},
            {"set_by", w.set_by},
            {"set_at", utc_ms_or_null(w.set_at_ms)}};
}

supervision_weights supervision_weights_from_json(const json& j) {
    supervision_weights w;
    w.year = int_at(j.at("year"), "year");
    w.progress = int_at(j.at("progress"), "progress");
    w.completeness = int_at(j.at("completeness"), "completeness");
    w.objections = int_at(j.at("objections"), "objections");
    w.spot_checks = int_at(j.at("spot_checks"), "spot_checks");
    w.set_by = string_at(j.at("set_by"), "set_by");
    w.set_at_ms = utc_ms_or_zero_at(j.at("set_at"), "set_at");
    return w;
}

supervision_weights supervision_weights_request(const json& j, int year) {
    supervision_weights w;
    w.year = year;
    const auto& body = object_at(j, "");
    for (const auto& [key, v] : body.items())
        if (key != "progress" && key != "completeness" && key != "objections" && key != "spot_checks") unknown_field(key);
    for (const auto& [key, target] : {std::pair{"progress", &w.progress}, std::pair{"completeness", &w.completeness},
                                      std::pair{"objections", &w.objections}, std::pair{"spot_checks", &w.spot_checks}}) {
        if (!body.contains(key))
            throw api_error::invalid_field(key, "missing_field", "缺少该项权重", "this weight is required");
        *target = int_at(body.at(key), key);
    }
    return w;
}

json to_json(const supervision_note& n) {
    return {{"id", n.id},
            {"year", n.year},
            {"township_code", n.township_code},
            {"kind", n.kind},
            {"text", n.text},
            {"written_by", n.written_by},
            {"written_at", utc_ms_or_null(n.written_at_ms)}};
}

supervision_note supervision_note_from_json(const json& j) {
    supervision_note n;
    n.id = int64_at(j.at("id"), "id");
    n.year = int_at(j.at("year"), "year");
    n.township_code = string_at(j.at("township_code"), "township_code");
    n.kind = string_at(j.at("kind"), "kind");
    n.text = string_at(j.at("text"), "text");
    n.written_by = string_at(j.at("written_by"), "written_by");
    n.written_at_ms = utc_ms_or_zero_at(j.at("written_at"), "written_at");
    return n;
}

supervision_note supervision_note_request(const json& j, int year) {
    supervision_note n;
    n.year = year;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "township_code") n.township_code = string_at(v, key);
        else if (key == "kind") n.kind = string_at(v, key);
        else if (key == "text") n.text = string_at(v, key);
        else unknown_field(key);
    }
    return n;
}

json to_json(const supervision_ranking& r) {
    json townships = json::array();
    for (const auto& t : r.townships) {
        const auto& f = t.figures;
        const auto& i = t.indicators;
        json notes = json::array();
        for (const auto& n : t.notes) notes.push_back(to_json(n));
        townships.push_back({{"township_code", t.township_code},
                             {"township_name", t.township_name},
                             {"figures",
                              {{"cases", f.cases},
                               {"cases_overdue", f.cases_overdue},
                               {"cases_posted_by_county", f.cases_posted_by_county},
                               {"cases_with_objection", f.cases_with_objection},
                               {"registered", f.registered},
                               {"complete_files", f.complete_files},
                               {"checked", f.checked},
                               {"accurate", f.accurate}}},
                             {"indicators",
                              {{"progress", optional_json(i.progress)},
                               {"completeness", optional_json(i.completeness)},
                               {"objections", optional_json(i.objections)},
                               {"spot_checks", optional_json(i.spot_checks)}}},
                             {"score", optional_json(t.score)},
                             {"rank", optional_json(t.rank)},
                             {"notes", notes}});
    }
    return {{"year", r.year},
            {"area_code", r.area_code},
            {"as_of", r.as_of},
            {"weights", to_json(r.weights)},
            {"townships_ranked", r.townships_ranked},
            {"townships", townships}};
}

supervision_ranking supervision_ranking_from_json(const json& j) {
    supervision_ranking r;
    r.year = int_at(j.at("year"), "year");
    r.area_code = string_at(j.at("area_code"), "area_code");
    r.as_of = string_at(j.at("as_of"), "as_of");
    r.weights = supervision_weights_from_json(j.at("weights"));
    r.townships_ranked = int_at(j.at("townships_ranked"), "townships_ranked");
    for (const auto& t : j.at("townships")) {
        township_standing s;
        s.township_code = string_at(t.at("township_code"), "township_code");
        s.township_name = string_at(t.at("township_name"), "township_name");
        const auto& f = t.at("figures");
        s.figures.cases = int64_at(f.at("cases"), "cases");
        s.figures.cases_overdue = int64_at(f.at("cases_overdue"), "cases_overdue");
        s.figures.cases_posted_by_county = int64_at(f.at("cases_posted_by_county"), "cases_posted_by_county");
        s.figures.cases_with_objection = int64_at(f.at("cases_with_objection"), "cases_with_objection");
        s.figures.registered = int64_at(f.at("registered"), "registered");
        s.figures.complete_files = int64_at(f.at("complete_files"), "complete_files");
        s.figures.checked = int64_at(f.at("checked"), "checked");
        s.figures.accurate = int64_at(f.at("accurate"), "accurate");
        const auto& i = t.at("indicators");
        s.indicators.progress = optional_at(i.at("progress"), "progress");
        s.indicators.completeness = optional_at(i.at("completeness"), "completeness");
        s.indicators.objections = optional_at(i.at("objections"), "objections");
        s.indicators.spot_checks = optional_at(i.at("spot_checks"), "spot_checks");
        s.score = optional_at(t.at("score"), "score");
        s.rank = optional_at(t.at("rank"), "rank");
        for (const auto& n : t.at("notes")) s.notes.push_back(supervision_note_from_json(n));
        r.townships.push_back(std::move(s));
    }
    return r;
}

}  // namespace fupin::common
