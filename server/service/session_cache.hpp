#pragma once
// What the last look-up of a session token found, kept for a short while so that a burst of requests on one
// session asks the database once instead of once per request (the query was a third of a household read on
// MariaDB).
//
// Within one server process the cache is exact: every write to a user account or its sessions (logging out,
// disabling a user, changing a user's role or area, resetting a password) is named by its repository as the
// account's record, and the cache (a record_cache, told by change_broadcast) forgets that user's entries when
// the write begins and again when its transaction ends; a look-up that raced with such a change is not stored
// (the ticket below). Changes made elsewhere (another county-server on the same MariaDB, or `county-server admin
// user disable` on the server machine) are not in the outbox: they reach this process when its entries age
// out, after `ttl` at most (server_config::session_cache_ttl, 1 s by default; 0 turns the cache off). A refusal
// is never answered from the cache: session_service looks again in the database first.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/service/monotonic_clock.hpp"
#include "server/service/record_cache.hpp"
#include "server/storage/session_repository.hpp"

namespace fupin::server::service {

class session_cache final : public record_cache {
public:
    using entry = storage::session_repository::session_with_user;
    using ticket = std::uint64_t;

    explicit session_cache(std::chrono::milliseconds ttl, std::size_t capacity = 20'000,
                           monotonic_clock now = steady_monotonic_clock());

    bool enabled() const { return ttl_.count() > 0; }

    // Taken before the database look-up whose answer is then stored: a change in between makes store() drop it.
    ticket before_read() const;
    std::optional<entry> find(const std::string& token_hash) const;
    void store(const entry& found, ticket taken_before_read);
    // Keeps last_seen in step after session_service touched the row.
    void touched(const std::string& token_hash, std::int64_t last_seen_ms);

    // record_cache: an account's record forgets its user's sessions.
    void changing(const common::record_key& record) noexcept override;
    void changed(const common::record_key& record) noexcept override;

private:
    void forget_user(std::int64_t user_id) noexcept;

    using clock = std::chrono::steady_clock;
    struct slot {
        entry value;
        clock::time_point stored_at;
    };

    const std::chrono::milliseconds ttl_;
    const std::size_t capacity_;
    const monotonic_clock now_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, slot> entries_;
    std::uint64_t generation_ = 0;
};

}  // namespace fupin::server::service
