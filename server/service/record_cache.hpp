#pragma once
// What a cache of the archive's records hears so that it never answers what the archive no longer holds. The
// caches do not listen for themselves: change_broadcast tells each of them every change, from this process's
// writes (as they happen) and from the outbox (changes committed by any process).
#include <cstdint>

#include "common/record_key.hpp"

namespace fupin::server::service {

class record_cache {
public:
    virtual ~record_cache() = default;

    // A write of this process is changing `record` and has not ended: forget it, and keep nothing read of it
    // until changed(record), since what a reader fetches now may be about to become old.
    virtual void changing(const common::record_key& record) noexcept = 0;
    // That write has ended (committed or rolled back; a commit whose answer was lost may still have happened).
    virtual void changed(const common::record_key& record) noexcept = 0;

    // Whether the cache keeps records that the outbox names, and so needs it followed.
    virtual bool follows_outbox() const { return false; }
    // A change committed by this or another process, seen in the outbox. version: the record's version after the
    // change, 0 when not known.
    virtual void changed_elsewhere(const common::record_key& /*record*/, std::int64_t /*version*/) noexcept {}
    // The outbox has not been followed for a while: anything it names may have changed.
    virtual void outbox_lost() noexcept {}
};

}  // namespace fupin::server::service
