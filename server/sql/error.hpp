#pragma once
// Errors of the SQL layer. what() may contain SQL text and the database's own message (with quoted values
// redacted) for the log; it never contains bound parameter values, and it is never shown to a client.
#include <stdexcept>
#include <string>

namespace fupin::server::sql {

class error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// A UNIQUE or PRIMARY KEY violation. constraint() is what the backend reports: SQLite names the columns
// ("members.id_number"), MySQL the index ("uq_members_id_number"); it may be empty.
class constraint_violation : public error {
public:
    constraint_violation(const std::string& message, std::string constraint)
        : error(message), constraint_(std::move(constraint)) {}
    const std::string& constraint() const noexcept { return constraint_; }

private:
    std::string constraint_;
};

// The transaction lost a race it may win next time: deadlock, lock wait timeout, SQLITE_BUSY. The
// transaction has been (or must be) rolled back; the caller may run it again from the start.
class retryable_error : public error {
public:
    using error::error;
};

// The database cannot grow: its disk or table space is full. The statement (and, with SQLite, the whole
// transaction) was undone; nothing was written. It lasts until an administrator makes room.
class storage_full : public error {
public:
    using error::error;
};

}  // namespace fupin::server::sql
