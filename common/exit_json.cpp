#include "common/exit_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "common/verdict_reason_json.hpp"

namespace fupin::common {

using nlohmann::json;
using namespace json_fields;

json to_json(const exit_standard& s) {
    return {{"year", s.year},
            {"income_line", fen_to_json(s.income_line)},
            {"transition_years", s.transition_years},
            {"set_by", s.set_by},
            {"set_at", utc_ms_or_null(s.set_at_ms)}};
}

exit_standard exit_standard_from_json(const json& j) {
    exit_standard s;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "year") s.year = int_at(v, key);
        else if (key == "income_line") s.income_line = fen_from_json(v, key);
        else if (key == "transition_years") s.transition_years = int_at(v, key);
        else if (key == "set_by") s.set_by = string_at(v, key);
        else if (key == "set_at") s.set_at_ms = utc_ms_or_zero_at(v, key);
    }
    return s;
}

json to_json(const exit_verdict& v) {
    return {{"meets", v.meets},
            {"income_line", fen_to_json(v.income_line)},
            {"per_capita_net_income", fen_to_json(v.per_capita_net_income)},
            {"shortfalls", to_json(v.shortfalls)}};
}

exit_verdict exit_verdict_from_json(const json& j) {
    exit_verdict v;
    for (const auto& [key, x] : object_at(j, "").items()) {
        if (key == "meets") v.meets = bool_at(x, key);
        else if (key == "income_line") v.income_line = fen_from_json(x, key);
        else if (key == "per_capita_net_income") v.per_capita_net_income = fen_from_json(x, key);
        else if (key == "shortfalls") v.shortfalls = verdict_reasons_from_json(x, key);
    }
    return v;
}

}  // namespace fupin::common
