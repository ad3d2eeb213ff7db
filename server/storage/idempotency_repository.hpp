#pragma once
// Create requests already answered, keyed by (caller area, Idempotency-Key), so a retry never makes a
// second household. The service records the key in the transaction that writes the household (household_creator):
// a second request with the same key, written in a later or concurrent transaction, loses on the primary key
// (or on a member's ID number), and, written again alone, finds the key and replays what the first one made.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/sql/connection.hpp"

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
    // Several keys in one statement; throws like insert() when any of them is recorded already.
    void insert_all(const std::vector<idempotency_record>& records);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
