#pragma once
// The one door services use to publish a change event (the outbox; the change feed serves it). Call it inside
// the change's own write transaction, before the audit entry, so the event commits with the change or not at
// all. summary: what users of the event's area may see; public_summary: what every township may see, or null
// for an event that is not public. Neither may hold a full ID number, a bank account or a password.
#include <cstdint>
#include <string>

#include <vector>

#include <nlohmann/json.hpp>

#include "server/storage/event_repository.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

struct event_scope {
    std::string township_code;  // "" for county-wide
    std::string village_code;   // "" when not about one village

    // The scope of an event about an area (the county, a township or a village).
    static event_scope of_area(const std::string& area_code);
};

class event_outbox {
public:
    static void append(sql::connection& db, std::string kind, std::string record, const event_scope& scope,
                       const nlohmann::json& summary, const nlohmann::json& public_summary, std::int64_t now_ms);

    // append() in two halves, for a batch of writes: make() renders an event without a database, append_all()
    // appends several with consecutive seqs in vector order.
    static storage::change_event make(std::string kind, std::string record, const event_scope& scope,
                                      const nlohmann::json& summary, const nlohmann::json& public_summary,
                                      std::int64_t now_ms);
    static void append_all(sql::connection& db, const std::vector<storage::change_event>& events);
};

}  // namespace fupin::server::service
