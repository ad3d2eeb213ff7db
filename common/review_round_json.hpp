#pragma once
// JSON of half-yearly review rounds (docs/protocol.md, "Review rounds"): the server writes them, the client reads
// the server's answers back.
#include <nlohmann/json.hpp>

#include "common/review_round.hpp"

namespace fupin::common {

nlohmann::json to_json(const review_round& r);
nlohmann::json to_json(const review_entry& e);
nlohmann::json to_json(const review_progress& p);

review_round review_round_from_json(const nlohmann::json& j);
review_entry review_entry_from_json(const nlohmann::json& j);
review_progress review_progress_from_json(const nlohmann::json& j);

}  // namespace fupin::common
