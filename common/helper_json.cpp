#include "common/helper_json.hpp"

#include "common/api_error.hpp"
#include "common/household_validation.hpp"
#include "common/json_fields.hpp"
#include "common/procedure_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::common {
namespace {

using nlohmann::json;
using namespace json_fields;

// The area a unit of each level belongs to: the county's code, or a township's or a village's.
std::size_t area_digits_of_level(const std::string& level) {
    if (level == "township") return 9;
    if (level == "village") return 12;
    return 6;
}

}  // namespace

json to_json(const helper_unit& u) {
    return json{{"id", u.id},           {"name", u.name},
                {"level", u.level},     {"area_code", u.area_code},
                {"version", u.version}, {"created_at", utc_ms_or_null(u.created_at_ms)},
                {"updated_at", utc_ms_or_null(u.updated_at_ms)}};
}

json to_json(const helper& h) {
    return json{{"id", h.id},
                {"unit_id", h.unit_id},
                {"unit_name", h.unit_name},
                {"unit_level", h.unit_level},
                {"name", h.name},
                {"post", h.post},
                {"phone", h.phone},
                {"active", h.active},
                {"volunteer_background", h.volunteer_background},
                {"team_leader", h.team_leader},
                {"households", h.households},
                {"username", h.username.empty() ? json(nullptr) : json(h.username)},
                {"version", h.version},
                {"created_at", utc_ms_or_null(h.created_at_ms)},
                {"updated_at", utc_ms_or_null(h.updated_at_ms)}};
}

json to_json(const pairing& p) {
    return json{{"id", p.id},
                {"household_id", p.household_id},
                {"village_code", p.village_code},
                {"head_name", p.head_name},
                {"helper_id", p.helper_id},
                {"helper_name", p.helper_name},
                {"helper_post", p.helper_post},
                {"helper_phone", p.helper_phone},
                {"unit_name", p.unit_name},
                {"started_at", utc_ms_or_null(p.started_at_ms)},
                {"started_by", p.started_by},
                {"start_reason", p.start_reason},
                {"ended_at", utc_ms_or_null(p.ended_at_ms)},
                {"ended_by", p.ended_by},
                {"end_reason", p.end_reason},
                {"replaced_by", p.replaced_by ? json(p.replaced_by) : json(nullptr)}};
}

json to_json(const household_helpers& h) {
    json current = json::array(), history = json::array();
    for (const auto& p : h.current) current.push_back(to_json(p));
    for (const auto& p : h.history) history.push_back(to_json(p));
    return json{{"household_id", h.household_id}, {"current", current}, {"history", history}};
}

void check_helper_unit(const helper_unit& u) {
    checked_text(u.name, "name", max_unit_name_chars, true);
    require_code(vocabulary::helper_unit_levels, u.level, "level", true);
    const auto digits = area_digits_of_level(u.level);
    if (u.area_code.size() != digits || u.area_code.find_first_not_of("0123456789") != std::string::npos)
        throw api_error::invalid_field("area_code", "invalid_value",
                                       "该级别的帮扶单位应填" + std::to_string(digits) + "位区划代码",
                                       "a unit of this level needs a division code of " + std::to_string(digits) +
                                           " digits");
}

void check_helper(const helper& h) {
    if (h.unit_id <= 0)
        throw api_error::invalid_field("unit_id", "missing_field", "请填写帮扶单位", "unit_id is required");
    checked_text(h.name, "name", max_name_chars, true);
    checked_text(h.post, "post", max_helper_post_chars, false);
    if (h.phone.empty())
        throw api_error::invalid_field("phone", "missing_field", "请填写帮扶责任人的联系电话(联系到人)",
                                       "the helper's phone is required: the household must reach its helper");
    if (h.phone.size() > max_phone_chars || !well_formed_phone(h.phone))
        throw api_error::invalid_field("phone", "invalid_value", "联系电话只能含数字、+ 和 -,最多20个字符",
                                       "phone may contain only digits, + and -, at most 20 characters");
    require_code(vocabulary::volunteer_backgrounds, h.volunteer_background, "volunteer_background", false);
    if (h.team_leader && h.volunteer_background.empty())
        throw api_error::invalid_field("team_leader", "invalid_value", "只有志愿服务队队员才能担任队长",
                                       "only a member of the volunteer team can lead it");
}

helper_unit helper_unit_from_json(const json& j, json_source source) {
    helper_unit u;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "name") u.name = string_at(v, key);
        else if (key == "level") u.level = string_at(v, key);
        else if (key == "area_code") u.area_code = string_at(v, key);
        else if (key == "version") u.version = int64_at(v, key);
        else if (source == json_source::request) {
            if (key != "id" && key != "created_at" && key != "updated_at") unknown_field(key);
        } else if (key == "id") u.id = int64_at(v, key);
        else if (key == "created_at") u.created_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "updated_at") u.updated_at_ms = utc_ms_or_zero_at(v, key);
    }
    if (source == json_source::request) check_helper_unit(u);
    return u;
}

helper helper_from_json(const json& j, json_source source) {
    helper h;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "unit_id") h.unit_id = int64_at(v, key);
        else if (key == "name") h.name = string_at(v, key);
        else if (key == "post") h.post = string_at(v, key);
        else if (key == "phone") h.phone = string_at(v, key);
        else if (key == "active") h.active = bool_at(v, key);
        else if (key == "volunteer_background") h.volunteer_background = string_at(v, key);
        else if (key == "team_leader") h.team_leader = bool_at(v, key);
        else if (key == "username") h.username = v.is_null() ? std::string() : string_at(v, key);
        else if (key == "version") h.version = int64_at(v, key);
        else if (source == json_source::request) {
            // What the server fills on read may come back in an edited copy of a response; it is ignored.
            static const char* const output_only[] = {"id", "unit_name", "unit_level", "households", "created_at",
                                                      "updated_at"};
            bool known = false;
            for (const char* k : output_only) known = known || key == k;
            if (!known) unknown_field(key);
        } else if (key == "id") h.id = int64_at(v, key);
        else if (key == "unit_name") h.unit_name = string_at(v, key);
        else if (key == "unit_level") h.unit_level = string_at(v, key);
        else if (key == "households") h.households = int_at(v, key);
        else if (key == "created_at") h.created_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "updated_at") h.updated_at_ms = utc_ms_or_zero_at(v, key);
    }
    if (source == json_source::request) check_helper(h);
    return h;
}

pairing pairing_from_json(const json& j) {
    pairing p;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") p.id = int64_at(v, key);
        else if (key == "household_id") p.household_id = int64_at(v, key);
        else if (key == "village_code") p.village_code = string_at(v, key);
        else if (key == "head_name") p.head_name = string_at(v, key);
        else if (key == "helper_id") p.helper_id = int64_at(v, key);
        else if (key == "helper_name") p.helper_name = string_at(v, key);
        else if (key == "helper_post") p.helper_post = string_at(v, key);
        else if (key == "helper_phone") p.helper_phone = string_at(v, key);
        else if (key == "unit_name") p.unit_name = string_at(v, key);
        else if (key == "started_at") p.started_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "started_by") p.started_by = string_at(v, key);
        else if (key == "start_reason") p.start_reason = string_at(v, key);
        else if (key == "ended_at") p.ended_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "ended_by") p.ended_by = string_at(v, key);
        else if (key == "end_reason") p.end_reason = string_at(v, key);
        else if (key == "replaced_by") p.replaced_by = v.is_null() ? 0 : int64_at(v, key);
    }
    return p;
}

household_helpers household_helpers_from_json(const json& j) {
    household_helpers h;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "household_id") h.household_id = int64_at(v, key);
        else if (key == "current" || key == "history") {
            if (!v.is_array()) wrong_type(key, "数组", "an array");
            auto& into = key == "current" ? h.current : h.history;
            for (const auto& p : v) into.push_back(pairing_from_json(p));
        }
    }
    return h;
}

}  // namespace fupin::common
