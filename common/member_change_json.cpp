#include "common/member_change_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using nlohmann::json;
using namespace json_fields;

member_change_request member_change_request_from_json(const json& j) {
    member_change_request r;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "kind") r.kind = string_at(v, key);
        else if (key == "effective_on") r.effective_on = string_at(v, key);
        else if (key == "reason") r.reason = string_at(v, key);
        else if (key == "member") r.added = member_from_json(v, key);
        else if (key == "id_number") r.id_number = string_at(v, key);
        else if (key == "new_id_number") r.new_id_number = string_at(v, key);
        else if (key == "new_head_id_number") r.new_head_id_number = string_at(v, key);
    }
    return r;
}

json to_json(const member_change_request& r) {
    json j{{"kind", r.kind}, {"effective_on", r.effective_on}, {"reason", r.reason}};
    if (r.added) j["member"] = to_json(*r.added);
    if (!r.id_number.empty()) j["id_number"] = r.id_number;
    if (!r.new_id_number.empty()) j["new_id_number"] = r.new_id_number;
    if (!r.new_head_id_number.empty()) j["new_head_id_number"] = r.new_head_id_number;
    return j;
}

json to_json(const member_change& c) {
    return {{"id", c.id},
            {"household_id", c.household_id},
            {"kind", c.kind},
            {"effective_on", c.effective_on},
            {"reason", c.reason},
            {"name", c.name},
            {"id_number", c.id_number},
            {"new_id_number", c.new_id_number},
            {"new_head_name", c.new_head_name},
            {"size_before", c.size_before},
            {"size_after", c.size_after},
            {"income_removed", fen_to_json(c.income_removed)},
            {"recorded_by", c.recorded_by},
            {"recorded_at", utc_ms_or_null(c.recorded_at_ms)}};
}

member_change member_change_from_json(const json& j) {
    member_change c;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") c.id = int64_at(v, key);
        else if (key == "household_id") c.household_id = int64_at(v, key);
        else if (key == "kind") c.kind = string_at(v, key);
        else if (key == "effective_on") c.effective_on = string_at(v, key);
        else if (key == "reason") c.reason = string_at(v, key);
        else if (key == "name") c.name = string_at(v, key);
        else if (key == "id_number") c.id_number = string_at(v, key);
        else if (key == "new_id_number") c.new_id_number = string_at(v, key);
        else if (key == "new_head_name") c.new_head_name = string_at(v, key);
        else if (key == "size_before") c.size_before = int_at(v, key);
        else if (key == "size_after") c.size_after = int_at(v, key);
        else if (key == "income_removed") c.income_removed = fen_from_json(v, key);
        else if (key == "recorded_by") c.recorded_by = string_at(v, key);
        else if (key == "recorded_at") c.recorded_at_ms = utc_ms_or_zero_at(v, key);
    }
    return c;
}

}  // namespace fupin::common
