#pragma once
// Who hears which records a connection's writes change: the server's household file cache
// (service/household_file_cache.hpp). Repositories name each record they change to their connection
// (sql::connection::record_changed); the connection calls these from the thread that uses it.
#include "common/record_key.hpp"

namespace fupin::server::sql {

class change_observer {
public:
    virtual ~change_observer() = default;

    // A write is changing `record` and has not ended: what a reader fetches of the record now may be about to
    // become old, so nothing read of it may be kept until changed(record).
    virtual void changing(const common::record_key& record) noexcept = 0;
    // That write has ended: its transaction committed or rolled back (a commit whose answer was lost may still
    // have happened), or it ran outside a transaction.
    virtual void changed(const common::record_key& record) noexcept = 0;
};

}  // namespace fupin::server::sql
