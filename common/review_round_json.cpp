#include "common/review_round_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "common/verdict_reason_json.hpp"

namespace fupin::common {

using nlohmann::json;
using namespace json_fields;

json to_json(const review_round& r) {
    return {{"id", r.id},
            {"year", r.year},
            {"half", r.half},
            {"deadline", r.deadline},
            {"opened_by", r.opened_by},
            {"opened_at", utc_ms_or_null(r.opened_at_ms)},
            {"households", r.households},
            {"entered", r.entered}};
}

json to_json(const review_entry& e) {
    return {{"round_id", e.round_id},
            {"household_id", e.household_id},
            {"township_code", e.township_code},
            {"village_code", e.village_code},
            {"village_name", e.village_name},
            {"head_name", e.head_name},
            {"size_before", e.size_before},
            {"per_capita_before", fen_to_json(e.per_capita_before)},
            {"outcome", e.outcome.empty() ? json(nullptr) : json(e.outcome)},
            {"reasons", to_json(e.reasons)},
            {"size_after", e.entered_at_ms ? json(e.size_after) : json(nullptr)},
            {"per_capita_after", e.entered_at_ms ? fen_to_json(e.per_capita_after) : json(nullptr)},
            {"note", e.note},
            {"entered_by", e.entered_by},
            {"entered_at", utc_ms_or_null(e.entered_at_ms)},
            {"held_by_flag", e.held_by_flag}};
}

json to_json(const review_progress& p) {
    return {{"area_code", p.area_code}, {"area_name", p.area_name},     {"households", p.households},
            {"entered", p.entered},     {"outstanding", p.outstanding}, {"overdue", p.overdue},
            {"stays", p.stays},         {"proposed_exit", p.proposed_exit}, {"flagged", p.flagged}};
}

review_round review_round_from_json(const json& j) {
    review_round r;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") r.id = int64_at(v, key);
        else if (key == "year") r.year = int_at(v, key);
        else if (key == "half") r.half = int_at(v, key);
        else if (key == "deadline") r.deadline = string_at(v, key);
        else if (key == "opened_by") r.opened_by = string_at(v, key);
        else if (key == "opened_at") r.opened_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "households") r.households = int_at(v, key);
        else if (key == "entered") r.entered = int_at(v, key);
    }
    return r;
}

review_entry review_entry_from_json(const json& j) {
    review_entry e;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "round_id") e.round_id = int64_at(v, key);
        else if (key == "household_id") e.household_id = int64_at(v, key);
        else if (key == "township_code") e.township_code = string_at(v, key);
        else if (key == "village_code") e.village_code = string_at(v, key);
        else if (key == "village_name") e.village_name = string_at(v, key);
        else if (key == "head_name") e.head_name = string_at(v, key);
        else if (key == "size_before") e.size_before = int_at(v, key);
        else if (key == "per_capita_before") e.per_capita_before = fen_from_json(v, key);
        else if (key == "outcome" && !v.is_null()) e.outcome = string_at(v, key);
        else if (key == "size_after" && !v.is_null()) e.size_after = int_at(v, key);
        else if (key == "per_capita_after" && !v.is_null()) e.per_capita_after = fen_from_json(v, key);
        else if (key == "note") e.note = string_at(v, key);
        else if (key == "entered_by") e.entered_by = string_at(v, key);
        else if (key == "entered_at") e.entered_at_ms = utc_ms_or_zero_at(v, key);
        else if (key == "reasons") e.reasons = verdict_reasons_from_json(v, key);
        else if (key == "held_by_flag") e.held_by_flag = bool_at(v, key);
    }
    return e;
}

review_progress review_progress_from_json(const json& j) {
    review_progress p;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "area_code") p.area_code = string_at(v, key);
        else if (key == "area_name") p.area_name = string_at(v, key);
        else if (key == "households") p.households = int_at(v, key);
        else if (key == "entered") p.entered = int_at(v, key);
        else if (key == "outstanding") p.outstanding = int_at(v, key);
        else if (key == "overdue") p.overdue = int_at(v, key);
        else if (key == "stays") p.stays = int_at(v, key);
        else if (key == "proposed_exit") p.proposed_exit = int_at(v, key);
        else if (key == "flagged") p.flagged = int_at(v, key);
    }
    return p;
}

}  // namespace fupin::common
