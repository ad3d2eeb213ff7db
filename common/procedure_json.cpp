#include "common/procedure_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "common/verdict_reason_json.hpp"

namespace fupin::common {
namespace {

using nlohmann::json;
using namespace json_fields;

json optional_int(const std::optional<int>& v) { return v ? json(*v) : json(nullptr); }
json optional_id(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }

// Reads the members of a response object; unknown keys are skipped (a newer server may add fields).
template <class F>
void each(const json& j, const std::string& path, F&& f) {
    for (const auto& [key, v] : object_at(j, path).items()) f(key, v, join(path, key));
}


}  // namespace

json to_json(const application_step& s) {
    json details = json::parse(s.details.empty() ? "{}" : s.details, nullptr, false);
    if (details.is_discarded()) details = json::object();
    return {{"seq", s.seq},           {"action", s.action},     {"from_state", s.from_state},
            {"to_state", s.to_state}, {"at", format_utc_ms(s.at_ms)}, {"username", s.username},
            {"role", s.role},         {"note", s.note},         {"reason", s.reason},
            {"details", details}};
}

json to_json(const application& a) {
    json steps = json::array();
    for (const auto& s : a.steps) steps.push_back(to_json(s));
    return {{"id", a.id},
            {"household_id", a.household_id},
            {"kind", a.kind},
            {"year", a.year},
            {"state", a.state},
            {"version", a.version},
            {"township_code", a.township_code},
            {"township_name", a.township_name},
            {"village_code", a.village_code},
            {"village_name", a.village_name},
            {"group_code", a.group_code},
            {"group_name", a.group_name},
            {"head_name", a.head_name},
            {"household_size", a.household_size},
            {"per_capita_net_income", fen_to_json(a.per_capita_net_income)},
            {"main_cause", a.main_cause},
            {"open_objections", a.open_objections},
            {"posting_id", optional_id(a.posting_id)},
            {"appraisal_rank", optional_int(a.appraisal_rank)},
            {"created_at", format_utc_ms(a.created_at_ms)},
            {"updated_at", format_utc_ms(a.updated_at_ms)},
            {"steps", steps}};
}

json to_json(const posting_entry& e) {
    return {{"application_id", e.application_id},
            {"position", e.position},
            {"head_name", e.head_name},
            {"village_code", e.village_code},
            {"village_name", e.village_name},
            {"group_code", e.group_code},
            {"group_name", e.group_name},
            {"household_size", e.household_size},
            {"per_capita_net_income", fen_to_json(e.per_capita_net_income)},
            {"main_cause", e.main_cause},
            {"appraisal_rank", optional_int(e.appraisal_rank)}};
}

json to_json(const posting& p) {
    json entries = json::array();
    for (const auto& e : p.entries) entries.push_back(to_json(e));
    return {{"id", p.id},
            {"level", p.level},
            {"area_code", p.area_code},
            {"area_name", p.area_name},
            {"year", p.year},
            {"published_on", p.published_on},
            {"days", p.days},
            {"last_day", p.last_day},
            {"next_step_on", p.next_step_on},
            {"published_at", format_utc_ms(p.published_at_ms)},
            {"published_by", p.published_by},
            {"entries", entries}};
}

json to_json(const objection& o) {
    return {{"id", o.id},
            {"application_id", o.application_id},
            {"posting_id", o.posting_id},
            {"objector_name", o.objector_name},
            {"objector_contact", o.objector_contact},
            {"grounds", o.grounds},
            {"objected_on", o.objected_on},
            {"recorded_by", o.recorded_by},
            {"recorded_at", format_utc_ms(o.recorded_at_ms)},
            {"state", o.state},
            {"answer", o.answer},
            {"consequence", o.consequence},
            {"answered_by", o.answered_by},
            {"answered_at", utc_ms_or_null(o.answered_at_ms)}};
}

json to_json(const appraisal& a) {
    json results = json::array();
    for (const auto& r : a.results)
        results.push_back({{"application_id", r.application_id},
                           {"proposed_rank", r.proposed_rank},
                           {"final_rank", r.final_rank},
                           {"votes_for", r.votes_for},
                           {"votes_against", r.votes_against},
                           {"votes_abstain", r.votes_abstain}});
    return {{"id", a.id},
            {"village_code", a.village_code},
            {"year", a.year},
            {"meeting_date", a.meeting_date},
            {"panel", a.panel},
            {"results", results},
            {"recorded_by", a.recorded_by},
            {"recorded_at", utc_ms_or_null(a.recorded_at_ms)}};
}

json to_json(const ranking_entry& e) {
    return {{"application_id", e.application_id},
            {"head_name", e.head_name},
            {"rank", e.rank},
            {"priorities", e.priorities},
            {"per_capita_net_income", fen_to_json(e.per_capita_net_income)},
            {"per_capita_assets", fen_to_json(e.per_capita_assets)},
            {"consumption_level", e.consumption_level},
            {"labourers", e.labourers}};
}

json to_json(const quota& q) {
    return {{"year", q.year},           {"area_code", q.area_code}, {"area_name", q.area_name},
            {"level", q.level},         {"parent_code", q.parent_code}, {"quota", q.places},
            {"used", q.used},           {"allocated", q.allocated}, {"set_by", q.set_by},
            {"set_at", utc_ms_or_null(q.set_at_ms)}};
}

json to_json(const poverty_line& l) {
    return {{"year", l.year},
            {"amount", fen_to_json(l.amount)},
            {"set_by", l.set_by},
            {"set_at", utc_ms_or_null(l.set_at_ms)}};
}

json to_json(const identification_verdict& v) {
    return {{"eligible", v.eligible},
            {"below_line", v.below_line},
            {"line", fen_to_json(v.line)},
            {"per_capita_net_income", fen_to_json(v.per_capita_net_income)},
            {"priorities", v.priorities},
            {"exclusions", v.exclusions},
            {"reasons", to_json(v.reasons)}};
}

application application_from_json(const json& j) {
    application a;
    each(j, "", [&](const std::string& k, const json& v, const std::string& p) {
        if (k == "id") a.id = int64_at(v, p);
        else if (k == "household_id") a.household_id = int64_at(v, p);
        else if (k == "kind") a.kind = string_at(v, p);
        else if (k == "year") a.year = int_at(v, p);
        else if (k == "state") a.state = string_at(v, p);
        else if (k == "version") a.version = int64_at(v, p);
        else if (k == "township_code") a.township_code = string_at(v, p);
        else if (k == "township_name") a.township_name = string_at(v, p);
        else if (k == "village_code") a.village_code = string_at(v, p);
        else if (k == "village_name") a.village_name = string_at(v, p);
        else if (k == "group_code") a.group_code = string_at(v, p);
        else if (k == "group_name") a.group_name = string_at(v, p);
        else if (k == "head_name") a.head_name = string_at(v, p);
        else if (k == "household_size") a.household_size = int_at(v, p);
        else if (k == "per_capita_net_income") a.per_capita_net_income = fen_from_json(v, p);
        else if (k == "main_cause") a.main_cause = string_at(v, p);
        else if (k == "open_objections") a.open_objections = int_at(v, p);
        else if (k == "posting_id") { if (!v.is_null()) a.posting_id = int64_at(v, p); }
        else if (k == "appraisal_rank") { if (!v.is_null()) a.appraisal_rank = int_at(v, p); }
        else if (k == "created_at") a.created_at_ms = utc_ms_or_zero_at(v, p);
        else if (k == "updated_at") a.updated_at_ms = utc_ms_or_zero_at(v, p);
        else if (k == "steps") {
            if (!v.is_array()) wrong_type(p, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) {
                application_step s;
                each(v[i], index(p, i), [&](const std::string& sk, const json& sv, const std::string& sp) {
                    if (sk == "seq") s.seq = int_at(sv, sp);
                    else if (sk == "action") s.action = string_at(sv, sp);
                    else if (sk == "from_state") s.from_state = string_at(sv, sp);
                    else if (sk == "to_state") s.to_state = string_at(sv, sp);
                    else if (sk == "at") s.at_ms = utc_ms_or_zero_at(sv, sp);
                    else if (sk == "username") s.username = string_at(sv, sp);
                    else if (sk == "role") s.role = string_at(sv, sp);
                    else if (sk == "note") s.note = string_at(sv, sp);
                    else if (sk == "reason") s.reason = string_at(sv, sp);
                    else if (sk == "details") s.details = object_at(sv, sp).dump();
                });
                a.steps.push_back(std::move(s));
            }
        }
    });
    return a;
}

posting posting_from_json(const json& j) {
    posting p;
    each(j, "", [&](const std::string& k, const json& v, const std::string& path) {
        if (k == "id") p.id = int64_at(v, path);
        else if (k == "level") p.level = string_at(v, path);
        else if (k == "area_code") p.area_code = string_at(v, path);
        else if (k == "area_name") p.area_name = string_at(v, path);
        else if (k == "year") p.year = int_at(v, path);
        else if (k == "published_on") p.published_on = string_at(v, path);
        else if (k == "days") p.days = int_at(v, path);
        else if (k == "last_day") p.last_day = string_at(v, path);
        else if (k == "next_step_on") p.next_step_on = string_at(v, path);
        else if (k == "published_at") p.published_at_ms = utc_ms_or_zero_at(v, path);
        else if (k == "published_by") p.published_by = string_at(v, path);
        else if (k == "entries") {
            if (!v.is_array()) wrong_type(path, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) {
                posting_entry e;
                each(v[i], index(path, i), [&](const std::string& ek, const json& ev, const std::string& ep) {
                    if (ek == "application_id") e.application_id = int64_at(ev, ep);
                    else if (ek == "position") e.position = int_at(ev, ep);
                    else if (ek == "head_name") e.head_name = string_at(ev, ep);
                    else if (ek == "village_code") e.village_code = string_at(ev, ep);
                    else if (ek == "village_name") e.village_name = string_at(ev, ep);
                    else if (ek == "group_code") e.group_code = string_at(ev, ep);
                    else if (ek == "group_name") e.group_name = string_at(ev, ep);
                    else if (ek == "household_size") e.household_size = int_at(ev, ep);
                    else if (ek == "per_capita_net_income") e.per_capita_net_income = fen_from_json(ev, ep);
                    else if (ek == "main_cause") e.main_cause = string_at(ev, ep);
                    else if (ek == "appraisal_rank") { if (!ev.is_null()) e.appraisal_rank = int_at(ev, ep); }
                });
                p.entries.push_back(std::move(e));
            }
        }
    });
    return p;
}

objection objection_from_json(const json& j) {
    objection o;
    each(j, "", [&](const std::string& k, const json& v, const std::string& p) {
        if (k == "id") o.id = int64_at(v, p);
        else if (k == "application_id") o.application_id = int64_at(v, p);
        else if (k == "posting_id") o.posting_id = int64_at(v, p);
        else if (k == "objector_name") o.objector_name = string_at(v, p);
        else if (k == "objector_contact") o.objector_contact = string_at(v, p);
        else if (k == "grounds") o.grounds = string_at(v, p);
        else if (k == "objected_on") o.objected_on = string_at(v, p);
        else if (k == "recorded_by") o.recorded_by = string_at(v, p);
        else if (k == "recorded_at") o.recorded_at_ms = utc_ms_or_zero_at(v, p);
        else if (k == "state") o.state = string_at(v, p);
        else if (k == "answer") o.answer = string_at(v, p);
        else if (k == "consequence") o.consequence = string_at(v, p);
        else if (k == "answered_by") o.answered_by = string_at(v, p);
        else if (k == "answered_at") o.answered_at_ms = utc_ms_or_zero_at(v, p);
    });
    return o;
}

appraisal appraisal_from_json(const json& j) {
    appraisal a;
    each(j, "", [&](const std::string& k, const json& v, const std::string& p) {
        if (k == "id") a.id = int64_at(v, p);
        else if (k == "village_code") a.village_code = string_at(v, p);
        else if (k == "year") a.year = int_at(v, p);
        else if (k == "meeting_date") a.meeting_date = string_at(v, p);
        else if (k == "panel") a.panel = string_array_at(v, p);
        else if (k == "recorded_by") a.recorded_by = string_at(v, p);
        else if (k == "recorded_at") a.recorded_at_ms = utc_ms_or_zero_at(v, p);
        else if (k == "results") {
            if (!v.is_array()) wrong_type(p, "数组", "an array");
            for (std::size_t i = 0; i < v.size(); ++i) {
                appraisal_result r;
                each(v[i], index(p, i), [&](const std::string& rk, const json& rv, const std::string& rp) {
                    if (rk == "application_id") r.application_id = int64_at(rv, rp);
                    else if (rk == "proposed_rank") r.proposed_rank = int_at(rv, rp);
                    else if (rk == "final_rank") r.final_rank = int_at(rv, rp);
                    else if (rk == "votes_for") r.votes_for = int_at(rv, rp);
                    else if (rk == "votes_against") r.votes_against = int_at(rv, rp);
                    else if (rk == "votes_abstain") r.votes_abstain = int_at(rv, rp);
                });
                a.results.push_back(r);
            }
        }
    });
    return a;
}

ranking_entry ranking_entry_from_json(const json& j) {
    ranking_entry e;
    each(j, "", [&](const std::string& k, const json& v, const std::string& p) {
        if (k == "application_id") e.application_id = int64_at(v, p);
        else if (k == "head_name") e.head_name = string_at(v, p);
        else if (k == "rank") e.rank = int_at(v, p);
        else if (k == "priorities") e.priorities = int_at(v, p);
        else if (k == "per_capita_net_income") e.per_capita_net_income = fen_from_json(v, p);
        else if (k == "per_capita_assets") e.per_capita_assets = fen_from_json(v, p);
        else if (k == "consumption_level") e.consumption_level = string_at(v, p);
        else if (k == "labourers") e.labourers = int_at(v, p);
    });
    return e;
}

quota quota_from_json(const json& j) {
    quota q;
    each(j, "", [&](const std::string& k, const json& v, const std::string& p) {
        if (k == "year") q.year = int_at(v, p);
        else if (k == "area_code") q.area_code = string_at(v, p);
        else if (k == "area_name") q.area_name = string_at(v, p);
        else if (k == "level") q.level = string_at(v, p);
        else if (k == "parent_code") q.parent_code = string_at(v, p);
        else if (k == "quota") q.places = int_at(v, p);
        else if (k == "used") q.used = int_at(v, p);
        else if (k == "allocated") q.allocated = int_at(v, p);
        else if (k == "set_by") q.set_by = string_at(v, p);
        else if (k == "set_at") q.set_at_ms = utc_ms_or_zero_at(v, p);
    });
    return q;
}

poverty_line poverty_line_from_json(const json& j) {
    poverty_line l;
    each(j, "", [&](const std::string& k, const json& v, const std::string& p) {
        if (k == "year") l.year = int_at(v, p);
        else if (k == "amount") l.amount = fen_from_json(v, p);
        else if (k == "set_by") l.set_by = string_at(v, p);
        else if (k == "set_at") l.set_at_ms = utc_ms_or_zero_at(v, p);
    });
    return l;
}

identification_verdict verdict_from_json(const json& j) {
    identification_verdict v;
    each(j, "", [&](const std::string& k, const json& x, const std::string& p) {
        if (k == "eligible") v.eligible = bool_at(x, p);
        else if (k == "below_line") v.below_line = bool_at(x, p);
        else if (k == "line") v.line = fen_from_json(x, p);
        else if (k == "per_capita_net_income") v.per_capita_net_income = fen_from_json(x, p);
        else if (k == "priorities") v.priorities = string_array_at(x, p);
        else if (k == "exclusions") v.exclusions = string_array_at(x, p);
        else if (k == "reasons") v.reasons = verdict_reasons_from_json(x, p);
    });
    return v;
}

}  // namespace fupin::common
