#pragma once
// The change event of a household file (household.created, household.updated): within the file's area only
// (a file's contents are never public), without ID numbers.
#include <cstdint>

#include <nlohmann/json.hpp>

#include "common/household.hpp"
#include "server/service/event_outbox.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::service {

inline storage::change_event household_event(const char* kind, const common::household& h, std::int64_t now_ms) {
    const nlohmann::json summary{{"household_id", h.id},         {"version", h.version},
                                 {"status", h.status},           {"head_name", h.head_name},
                                 {"household_size", h.members.size()}, {"township_code", h.township_code},
                                 {"village_code", h.village_code}, {"village_name", h.village_name}};
    return event_outbox::make(kind, storage::household_repository::record_of(h.id).text(), {h.township_code, h.village_code},
                              summary, nullptr, now_ms);
}

}  // namespace fupin::server::service
