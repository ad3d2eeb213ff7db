#pragma once
// Create requests already answered, keyed by (caller area, Idempotency-Key), so a retry never makes a
// second household. The service looks the key up and records it in the transaction that creates, after the
// household: a concurrent request with the same key waits on the key's row (or on a member's ID number) until
// that transaction ends, loses on the unique key, and, run again, finds the key and replays what it made.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

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
    // The records of several (scope, key) pairs, in one query; pairs not recorded are absent.
    std::vector<idempotency_record> find_all(const std::vector<std::pair<std::string, std::string>>& scoped_keys);
    // Throws sql::constraint_violation when (scope, key) is already recorded, e.g. by a concurrent retry.
    void insert(const std::string& scope, const std::string& key, const std::string& request_hash,
                std::int64_t household_id, std::int64_t now_ms);
    // Several keys in one statement; throws like insert() when any of them is recorded already.
    void insert_all(const std::vector<idempotency_record>& records);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
