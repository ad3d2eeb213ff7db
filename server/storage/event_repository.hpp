#pragma once
// The outbox of change events (the feed serves them). append() runs inside the change's own write
// transaction and takes the next seq from the one event_head row, locked until commit: so commit order is seq
// order and a reader that has seen seq N has seen every event below N (docs/architecture.md, "The outbox").
#include <cstdint>
#include <string>
#include <vector>

#include "server/sql/connection.hpp"

namespace fupin::server::storage {

struct change_event {
    std::int64_t seq = 0;
    std::int64_t at_ms = 0;
    std::string kind;           // "household.created", "application.approve", "posting.published", …
    std::string record;         // "household/12", "application/7", …
    std::string township_code;  // "" for county-wide events
    std::string village_code;   // "" when not about one village
    bool is_public = false;     // other townships may see public_summary
    std::string summary;        // JSON object text
    std::string public_summary; // JSON object text ("{}" when not public)
};

class event_repository {
public:
    explicit event_repository(sql::connection& conn) : conn_(conn) {}

    // Appends e with the next seq (e.seq is ignored). The connection must be inside a write transaction
    // (std::logic_error otherwise).
    void append(const change_event& e);
    // Appends the events with consecutive seqs, in vector order, in two statements however many they are.
    void append_all(const std::vector<change_event>& events);
    // Events after `after_seq`, in seq order, at most `limit`.
    std::vector<change_event> after(std::int64_t after_seq, int limit);
    std::int64_t last_seq();

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
