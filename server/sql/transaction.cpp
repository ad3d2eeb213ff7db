#include "server/sql/transaction.hpp"

#include <exception>

#include <spdlog/spdlog.h>

namespace fupin::server::sql {

transaction::transaction(connection& conn, tx_mode mode) : conn_(conn) {
    conn_.begin(mode);
    active_ = true;
}

transaction::~transaction() {
    if (!active_) return;
    try {
        conn_.rollback();
    } catch (const std::exception& e) {
        // The connection is probably broken; the server will have dropped the transaction with it.
        spdlog::warn("rollback failed: {}", e.what());
    }
    conn_.tell_changes();
}

void transaction::commit() {
    conn_.commit();  // if this throws, the destructor rolls back and tells the changes
    active_ = false;
    conn_.tell_changes();
}

void transaction::rollback() {
    active_ = false;
    struct tell {
        connection& c;
        ~tell() { c.tell_changes(); }
    } after{conn_};  // also when the rollback throws
    conn_.rollback();
}

}  // namespace fupin::server::sql
