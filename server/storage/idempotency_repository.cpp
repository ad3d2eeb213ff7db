#include "server/storage/idempotency_repository.hpp"

#include <algorithm>

namespace fupin::server::storage {
namespace {

constexpr const char* select_key =
    "SELECT scope, idem_key, request_hash, household_id, created_at_ms FROM idempotency_keys "
    "WHERE scope = ? AND idem_key = ?";
// find_all(): followed by where_scope_key, then or_scope_key for each further pair.
constexpr const char* select_keys =
    "SELECT scope, idem_key, request_hash, household_id, created_at_ms FROM idempotency_keys WHERE ";
constexpr const char* where_scope_key = "(scope = ? AND idem_key = ?)";
constexpr const char* or_scope_key = " OR (scope = ? AND idem_key = ?)";
constexpr const char* insert_key =
    "INSERT INTO idempotency_keys (scope, idem_key, request_hash, household_id, created_at_ms) "
    "VALUES (?, ?, ?, ?, ?)";
constexpr const char* key_values = ", (?, ?, ?, ?, ?)";  // each further key of insert_all()

}  // namespace

std::optional<idempotency_record> idempotency_repository::find(const std::string& scope, const std::string& key) {
    const auto rows = conn_.query(select_key, {scope, key});
    if (rows.empty()) return std::nullopt;
    const sql::row& r = rows.front();
    return idempotency_record{r.get_string(0), r.get_string(1), r.get_string(2), r.get_int64(3), r.get_int64(4)};
}

std::vector<idempotency_record> idempotency_repository::find_all(
    const std::vector<std::pair<std::string, std::string>>& scoped_keys) {
    std::vector<idempotency_record> found;
    if (scoped_keys.empty()) return found;
    // Padded to a power of two, repeating the last pair, so only a few distinct statements are prepared.
    std::size_t slots = 1;
    while (slots < scoped_keys.size()) slots *= 2;
    std::string sql = select_keys;
    std::vector<sql::value> params;
    for (std::size_t i = 0; i < slots; ++i) {
        const auto& [scope, key] = scoped_keys[std::min(i, scoped_keys.size() - 1)];
        sql += i == 0 ? where_scope_key : or_scope_key;
        params.insert(params.end(), {scope, key});
    }
    for (const auto& r : conn_.query(sql, params))
        found.push_back({r.get_string(0), r.get_string(1), r.get_string(2), r.get_int64(3), r.get_int64(4)});
    return found;
}

void idempotency_repository::insert(const std::string& scope, const std::string& key, const std::string& request_hash,
                                    std::int64_t household_id, std::int64_t now_ms) {
    conn_.execute(insert_key, {scope, key, request_hash, household_id, now_ms});
}

void idempotency_repository::insert_all(const std::vector<idempotency_record>& records) {
    if (records.empty()) return;
    std::string sql = insert_key;
    std::vector<sql::value> params;
    for (const auto& r : records) {
        if (!params.empty()) sql += key_values;
        params.insert(params.end(), {r.scope, r.key, r.request_hash, r.household_id, r.created_at_ms});
    }
    conn_.execute(sql, params);
}

}  // namespace fupin::server::storage
