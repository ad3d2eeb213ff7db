#pragma once
// Household files as GET /api/v1/households/{id} answers them, kept in memory so that a read asks the database
// nothing: on this 2-core machine the database's own read rate is a quarter of what the network carries
// (docs/performance.md), so a read that asks it cannot be faster than that.
//
// The cache must never answer a file older than one this process has already answered or written. So:
// - Every change of a file names it, after its transaction has ended, to this cache (the database connections'
//   change observer, set by county_server: household_repository names "household/<id>", area_repository
//   "areas", since a file shows its areas' names). It is forgotten then, before the writer's answer is sent.
// - A reader takes a ticket before it reads the database and stores what it read with that ticket; a file
//   forgotten in between is not stored (a reader that fetched the old row before a commit must not put it back
//   after the forget). Tickets are per stripe of ids, so a write elsewhere rarely spoils a store.
// - Changes made by another process on the same database reach this one through the outbox that the change
//   feed follows (event_hub polls it every poll interval): such a change is seen here up to one poll later.
// - A file is kept for max_age at most: a change that bypasses the server and its outbox (SQL typed by hand)
//   is read within that.
// The access policy is applied to every answer, cached or not (the cached file keeps its village code).
#include <array>
#include <chrono>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace fupin::server::service {

class household_file_cache {
public:
    struct file {
        std::string village_code;                 // what the access policy checks
        std::shared_ptr<const std::string> json;  // the file as a read answers it
    };
    using ticket = std::uint64_t;

    // capacity: files kept (the least recently read go first); 0 turns the cache off.
    explicit household_file_cache(std::size_t capacity,
                                  std::chrono::milliseconds max_age = std::chrono::seconds(60));

    bool enabled() const { return capacity_ > 0; }

    // Taken before the database read whose result is then stored.
    ticket before_read(std::int64_t id) const;
    std::optional<file> find(std::int64_t id);
    void store(std::int64_t id, file f, ticket taken_before_read);

    void forget(std::int64_t id);
    void forget_all();
    // A changed record's name: "household/<id>" forgets that file, "areas" every file, anything else nothing.
    void changed(const std::string& record);

    std::size_t size() const;

private:
    static constexpr std::size_t stripes = 256;
    static std::size_t stripe_of(std::int64_t id) { return static_cast<std::size_t>(id) % stripes; }

    using clock = std::chrono::steady_clock;
    struct slot {
        file value;
        clock::time_point stored_at;
        std::list<std::int64_t>::iterator position;  // in recency_
    };

    const std::size_t capacity_;
    const std::chrono::milliseconds max_age_;
    mutable std::mutex mutex_;
    std::unordered_map<std::int64_t, slot> entries_;
    std::list<std::int64_t> recency_;  // the most recently read first
    std::array<std::uint64_t, stripes> generations_{};
};

}  // namespace fupin::server::service
