#pragma once
// Create requests already answered, keyed by (caller area, Idempotency-Key), so a retry never makes a
// second household. The service looks the key up and records it in the transaction that creates.
#include <cstdint>
#include <optional>
#include <string>

#include "server/storage/sql_connection.hpp"

namespace fupin::server::storage {

struct idempotency_record {
    std::string scope;         // the caller's area code
    std::string key;           // the Idempotency-Key header
    std::string request_hash;  // of the request body, to tell a replay from a reused key
    std::int64_t household_id = 0;
    std::int64_t created_at_ms = 0;
};

class idempotency_repository {
public:
    explicit idempotency_repository(sql::connection& conn) : conn_(conn) {}

    std::optional<idempotency_record> find(const std::string& scope, const std::string& key);
    // Throws sql::constraint_violation when (scope, key) is already recorded, e.g. by a concurrent retry.
    void insert(const std::string& scope, const std::string& key, const std::string& request_hash,
                std::int64_t household_id, std::int64_t now_ms);
    // Records which household a claimed key made. The service claims a key (insert with household_id 0) before
    // it creates anything: a concurrent request with the same key then waits on the key's row lock, and sees the
    // finished household when it may go on.
    void attach(const std::string& scope, const std::string& key, std::int64_t household_id);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
