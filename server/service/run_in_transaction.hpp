#pragma once
// Runs a unit of work in one transaction, again from the start when it lost a race the database reports as
// retryable (deadlock, lock wait timeout, busy). Whatever else it throws rolls the transaction back and passes
// through.
#include <spdlog/spdlog.h>

#include "server/sql/error.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::server::service {

inline constexpr int transaction_attempts = 4;

template <class Work>
auto run_in_transaction(sql::connection& db, sql::tx_mode mode, Work&& work) {
    for (int attempt = 1;; ++attempt) {
        try {
            sql::transaction tx(db, mode);
            if constexpr (std::is_void_v<decltype(work())>) {
                work();
                tx.commit();
                return;
            } else {
                auto result = work();
                tx.commit();
                return result;
            }
        } catch (const sql::retryable_error& e) {
            if (attempt >= transaction_attempts) throw;
            spdlog::debug("transaction retried after: {}", e.what());
        }
    }
}

// For a write that inserts a row unless it exists (the first line or quota of a year): two such writes at once
// leave one loser on the primary key, which, run again, finds the row and updates it.
template <class Work>
auto once_more_after_a_lost_insert(Work&& work) {
    for (int attempt = 1;; ++attempt) {
        try {
            return work();
        } catch (const sql::constraint_violation&) {
            if (attempt >= 2) throw;
        }
    }
}

}  // namespace fupin::server::service
