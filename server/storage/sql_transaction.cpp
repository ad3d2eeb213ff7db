#include "server/storage/sql_transaction.hpp"

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
}

void transaction::commit() {
    conn_.commit();
    active_ = false;
}

void transaction::rollback() {
    active_ = false;
    conn_.rollback();
}

}  // namespace fupin::server::sql
