#include "server/storage/idempotency_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* select_key =
    "SELECT scope, idem_key, request_hash, household_id, created_at_ms FROM idempotency_keys "
    "WHERE scope = ? AND idem_key = ?";
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
