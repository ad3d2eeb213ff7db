#pragma once
// Household files as GET /api/v1/households/{id} answers them, kept in memory so that a read asks the database
// nothing: on this 2-core machine the database's own read rate is a quarter of what the network carries
// (docs/performance.md), so a read that asks it cannot be faster than that.
//
// The cache must never answer a file older than one this process has already answered or written. So:
// - It hears every write of this process's database connections (change_broadcast): household_repository
//   names the household and area_repository the areas (a file shows its areas' names) as soon as a write
//   changes them. changing() forgets the file at once and, until changed() (the write's transaction has ended,
//   before its answer is sent), nothing read of it is stored: a reader that fetched the row while the write was
//   open may hold what the commit is about to make old.
// - A reader takes a ticket before it reads the database and stores what it read with that ticket; a file
//   forgotten in between is not stored. Tickets and open writes are counted per stripe of ids, so a write of
//   one file rarely spoils the store of another.
// - A stored file never replaces a newer version of itself (two readers racing with a write can finish in
//   either order).
// - Changes made by another process on the same database reach this one through the outbox that the change
//   feed follows (feed::event_hub polls it every poll interval while the cache is on, and the cache is emptied
//   when the hub has not caught up with the outbox for a few intervals): seen here within about one poll.
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

#include "server/service/monotonic_clock.hpp"
#include "server/service/record_cache.hpp"

namespace fupin::server::service {

class household_file_cache final : public record_cache {
public:
    struct file {
        std::int64_t version = 0;
        std::string village_code;                 // what the access policy checks
        std::shared_ptr<const std::string> json;  // the file as a read answers it
    };
    using ticket = std::uint64_t;

    // capacity: files kept (the least recently read go first); 0 turns the cache off.
    explicit household_file_cache(std::size_t capacity,
                                  std::chrono::milliseconds max_age = std::chrono::seconds(60),
                                  monotonic_clock now = steady_monotonic_clock());

    bool enabled() const { return capacity_ > 0; }

    // Taken before the database read whose result is then stored.
    ticket before_read(std::int64_t id) const;
    std::optional<file> find(std::int64_t id);
    void store(std::int64_t id, file f, ticket taken_before_read);

    void forget(std::int64_t id);
    void forget_all();

    // record_cache. A changed record: a household forgets that file, the areas every file, a name it cannot
    // read every file (too much rather than too little), anything else nothing.
    void changing(const common::record_key& record) noexcept override;
    void changed(const common::record_key& record) noexcept override;
    bool follows_outbox() const override { return enabled(); }
    // version: the file's version after the change (the event of a household write says it). A file held at
    // that version or a newer one is kept: this process's own writes are seen in the outbox too, after they
    // have already forgotten the file and a read has stored it again.
    void changed_elsewhere(const common::record_key& record, std::int64_t version) noexcept override;
    void outbox_lost() noexcept override;

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
    // What a record names: a household id, all files (the areas, or a name not understood), or nothing.
    struct target {
        enum { nothing, one, all } what = nothing;
        std::int64_t id = 0;
    };
    static target target_of(const common::record_key& record) noexcept;

    // With mutex_ held.
    void erase_locked(std::int64_t id);
    void bump_locked(const target& t);

    const std::size_t capacity_;
    const std::chrono::milliseconds max_age_;
    const monotonic_clock now_;
    mutable std::mutex mutex_;
    std::unordered_map<std::int64_t, slot> entries_;
    std::list<std::int64_t> recency_;  // the most recently read first
    std::array<std::uint64_t, stripes> generations_{};
    std::array<int, stripes> open_writes_{};  // changing() without changed() yet, per stripe
    int open_writes_of_all_ = 0;              // the same for the areas
};

}  // namespace fupin::server::service
