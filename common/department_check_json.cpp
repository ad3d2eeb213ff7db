#include "common/department_check_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using nlohmann::json;
using namespace json_fields;

json to_json(const department_list& l) {
    return {{"id", l.id},
            {"kind", l.kind},
            {"year", l.year},
            {"source", l.source},
            {"file_name", l.file_name},
            {"encoding", l.encoding},
            {"rows", l.rows},
            {"flagged_households", l.flagged_households},
            {"imported_by", l.imported_by},
            {"imported_at", utc_ms_or_null(l.imported_at_ms)}};
}

json to_json(const household_flag& f) {
    return {{"id", f.id},
            {"household_id", f.household_id},
            {"township_code", f.township_code},
            {"village_code", f.village_code},
            {"village_name", f.village_name},
            {"head_name", f.head_name},
            {"list_id", f.list_id},
            {"kind", f.kind},
            {"year", f.year},
            {"source", f.source},
            {"line", f.line},
            {"member_name", f.member_name},
            {"detail", f.detail},
            {"recorded_on", f.recorded_on},
            {"excluding", f.excluding},
            {"holds", f.holds},
            {"reason", {{"zh", flag_reason(f, language::zh)}, {"en", flag_reason(f, language::en)}}},
            {"raised_at", utc_ms_or_null(f.raised_at_ms)},
            {"cleared_by", f.cleared_by},
            {"cleared_at", utc_ms_or_null(f.cleared_at_ms)},
            {"clear_reason", f.clear_reason}};
}

json to_json(const department_list_problem& p) {
    return {{"line", p.line}, {"column", p.column}, {"zh", p.zh}, {"en", p.en}};
}

department_list department_list_from_json(const json& j) {
    department_list l;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") l.id = int64_at(v, key);
        else if (key == "kind") l.kind = string_at(v, key);
        else if (key == "year") l.year = int_at(v, key);
        else if (key == "source") l.source = string_at(v, key);
        else if (key == "file_name") l.file_name = string_at(v, key);
        else if (key == "encoding") l.encoding = string_at(v, key);
        else if (key == "rows") l.rows = int_at(v, key);
        else if (key == "flagged_households") l.flagged_households = int_at(v, key);
        else if (key == "imported_by") l.imported_by = string_at(v, key);
        else if (key == "imported_at") l.imported_at_ms = utc_ms_or_zero_at(v, key);
    }
    return l;
}

household_flag household_flag_from_json(const json& j) {
    household_flag f;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") f.id = int64_at(v, key);
        else if (key == "household_id") f.household_id = int64_at(v, key);
        else if (key == "township_code") f.township_code = string_at(v, key);
        else if (key == "village_code") f.village_code = string_at(v, key);
        else if (key == "village_name") f.village_name = string_at(v, key);
        else if (key == "head_name") f.head_name = string_at(v, key);
        else if (key == "list_id") f.list_id = int64_at(v, key);
        else if (key == "kind") f.kind = string_at(v, key);
        else if (key == "year") f.year = int_at(v, key);
        else if (key == "source") f.source = string_at(v, key);
        else if (key == "line") f.line = int_at(v, key);
        else if (key == "member_name") f.member_name = string_at(v, key);
        else if (key == "detail") f.detail = string_at(v, key);
        else if (key == "recorded_on") f.recorded_on = string_at(v, key);
        else if (key == "excluding") f.excluding = bool_at(v, key);
        else if (key == "holds") f.holds = bool_at(v, key);
        else if (key == "raised_at") f.raised_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "cleared_by") f.cleared_by = string_at(v, key);
        else if (key == "cleared_at") f.cleared_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "clear_reason") f.clear_reason = string_at(v, key);
    }
    return f;
}

department_list_problem department_list_problem_from_json(const json& j) {
    department_list_problem p;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "line") p.line = int_at(v, key);
        else if (key == "column") p.column = string_at(v, key);
        else if (key == "zh") p.zh = string_at(v, key);
        else if (key == "en") p.en = string_at(v, key);
    }
    return p;
}

}  // namespace fupin::common
