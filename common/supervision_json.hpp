#pragma once
// JSON of the supervision's weights, notes and ranking.
#include <nlohmann/json.hpp>

#include "common/supervision.hpp"

namespace fupin::common {

nlohmann::json to_json(const supervision_weights& w);
supervision_weights supervision_weights_from_json(const nlohmann::json& j);
// {"progress","completeness","objections","spot_checks"} as a request sends them: strict (unknown keys 400, each
// of the four required: 422 missing_field); the service checks them (validate_supervision_weights) after the
// caller's role.
supervision_weights supervision_weights_request(const nlohmann::json& j, int year);

nlohmann::json to_json(const supervision_note& n);
supervision_note supervision_note_from_json(const nlohmann::json& j);
// {"township_code","kind","text"} as a request sends them: strict; the service checks the note
// (validate_supervision_note) after the caller's role.
supervision_note supervision_note_request(const nlohmann::json& j, int year);

nlohmann::json to_json(const supervision_ranking& r);
supervision_ranking supervision_ranking_from_json(const nlohmann::json& j);

}  // namespace fupin::common
