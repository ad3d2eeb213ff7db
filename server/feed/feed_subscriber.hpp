#pragma once
// What the change feed's hub hands to its subscribers, and what it needs of them (server/feed/event_hub.hpp).
#include <chrono>
#include <cstdint>
#include <string>
#include <vector>

#include "common/record_key.hpp"

namespace fupin::server::feed {

// One outbox row, with the two messages a subscriber may get, rendered once for all.
struct feed_event {
    std::int64_t seq = 0;
    std::string area_code;       // its village, else its township, else "" (the county)
    std::string full_message;    // JSON text, visibility "full"
    std::string public_message;  // JSON text, visibility "public"; "" when the event is not public
    // What the event makes stale in a server's household file cache: its record, and the household its summary
    // names (a case's steps; registration changes the file's status).
    std::vector<common::record_key> changed_records;
    // The file's version after a household.created or household.updated event (its summary's), else 0: a cache
    // that holds that version already keeps it.
    std::int64_t household_version = 0;
};

// What the hub needs of a subscriber. Called from any thread.
class feed_subscriber {
public:
    virtual ~feed_subscriber() = default;
    virtual void wake() = 0;                  // events after its cursor have arrived
    virtual void cut_off() = 0;               // it fell too far behind: close it (slow_consumer)
    virtual std::int64_t cursor() const = 0;  // the last seq it has passed
    // When its cursor last moved, or it last found nothing to send.
    virtual std::chrono::steady_clock::time_point last_progress() const = 0;
};

}  // namespace fupin::server::feed
