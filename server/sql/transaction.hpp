#pragma once
// RAII transaction: begins in the constructor, rolls back in the destructor unless commit() succeeded.
#include "server/sql/connection.hpp"

namespace fupin::server::sql {

class transaction {
public:
    transaction(connection& conn, tx_mode mode);
    ~transaction();  // rolls back if still open; never throws (a failed rollback is logged)
    transaction(const transaction&) = delete;
    transaction& operator=(const transaction&) = delete;

    // Throws what the backend throws (e.g. retryable_error); the transaction then stays open and the
    // destructor rolls it back.
    void commit();
    void rollback();
    bool active() const noexcept { return active_; }
    connection& conn() noexcept { return conn_; }

private:
    connection& conn_;
    bool active_ = false;
};

}  // namespace fupin::server::sql
