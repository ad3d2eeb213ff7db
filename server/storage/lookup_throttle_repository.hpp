#pragma once
// The rolling-window counter of the person lookup (schema 006): per user, the times of the lookups let through
// within the window, behind one row per user that each lookup locks first. Kept in the database, not in memory,
// so every server process on one database counts the same lookups.
#include <cstdint>
#include <vector>

#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class lookup_throttle_repository {
public:
    explicit lookup_throttle_repository(sql::connection& conn) : conn_(conn) {}

    // Makes the user's row unless it is there. Run it in a transaction of its own, and lock_user() again: an
    // INSERT IGNORE that meets an existing row takes a shared lock on MySQL, and two of those upgrading to the
    // row lock deadlock each other, so the usual path (the row exists) never inserts.
    void ensure_user(std::int64_t user_id);
    // Inside a write transaction: locks the user's row (FOR UPDATE on MySQL; the write transaction holds the
    // database on SQLite), so concurrent lookups of the user wait here in turn. False when there is no row yet.
    bool lock_user(std::int64_t user_id);
    // The times (ascending) of the user's lookups after since_ms. Call after lock_user().
    std::vector<std::int64_t> times_since(std::int64_t user_id, std::int64_t since_ms);
    // Counts one lookup at now_ms and forgets the user's lookups at or before forget_until_ms.
    void add(std::int64_t user_id, std::int64_t now_ms, std::int64_t forget_until_ms);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
