#pragma once
// The identification procedure's records as JSON, in the shape of docs/protocol.md ("Identification").
// to_json writes what the server sends; *_from_json reads it back (the client), refusing wrong types with
// the field's path. Request bodies are read by the server's handlers with common/json_fields.hpp.
#include <nlohmann/json.hpp>

#include "common/identification_rules.hpp"
#include "common/procedure.hpp"

namespace fupin::common {

nlohmann::json to_json(const application_step& s);
nlohmann::json to_json(const application& a);
nlohmann::json to_json(const posting_entry& e);
nlohmann::json to_json(const posting& p);
nlohmann::json to_json(const objection& o);
nlohmann::json to_json(const appraisal& a);
nlohmann::json to_json(const ranking_entry& e);
nlohmann::json to_json(const quota& q);
nlohmann::json to_json(const poverty_line& l);
nlohmann::json to_json(const identification_verdict& v);

application application_from_json(const nlohmann::json& j);
posting posting_from_json(const nlohmann::json& j);
objection objection_from_json(const nlohmann::json& j);
appraisal appraisal_from_json(const nlohmann::json& j);
ranking_entry ranking_entry_from_json(const nlohmann::json& j);
quota quota_from_json(const nlohmann::json& j);
poverty_line poverty_line_from_json(const nlohmann::json& j);
identification_verdict verdict_from_json(const nlohmann::json& j);

}  // namespace fupin::common
