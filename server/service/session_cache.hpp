#pragma once
// What the last look-up of a session token found, kept for a short while so that a burst of requests on one
// session asks the database once instead of once per request (the query was a third of a household read on
// MariaDB).
//
// Within one server process the cache is exact: logging out, disabling a user, changing a user's role or area
// and resetting a password forget the entries after their transaction commits, and a look-up that raced with
// such a change is not stored (the generation check below). Changes made elsewhere (another county-server on
// the same MariaDB, or `county-server admin user disable` on the server machine) reach this process when its
// entries age out: after `ttl` at most (server_config::session_cache_ttl, 1 s by default; 0 turns the cache
// off). A refusal is never answered from the cache: session_service looks again in the database first.
#include <chrono>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

#include "server/service/monotonic_clock.hpp"
#include "server/storage/session_repository.hpp"

namespace fupin::server::service {

class session_cache {
public:
    using entry = storage::session_repository::session_with_user;

    explicit session_cache(std::chrono::milliseconds ttl, std::size_t capacity = 20'000,
                           monotonic_clock now = steady_monotonic_clock());

    bool enabled() const { return ttl_.count() > 0; }

    // Taken before the database look-up whose answer is then stored: a forget() in between makes store() drop it.
    std::uint64_t generation() const;
    std::optional<entry> find(const std::string& token_hash) const;
    void store(const entry& found, std::uint64_t generation_before_lookup);
    // Keeps last_seen in step after session_service touched the row.
    void touched(const std::string& token_hash, std::int64_t last_seen_ms);

    void forget(const std::string& token_hash);
    void forget_user(std::int64_t user_id);

private:
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

// Forgets a user's cached sessions when it goes out of scope, if a user was named by then (user_id != 0) and
// there is a cache: put before a transaction that ends a user's sessions, it forgets them after the transaction
// however it ended (a commit whose answer was lost may still have happened).
struct session_cache_forget {
    session_cache* cache;
    const std::int64_t& user_id;
    ~session_cache_forget() {
        if (cache && user_id != 0) cache->forget_user(user_id);
    }
};

}  // namespace fupin::server::service
