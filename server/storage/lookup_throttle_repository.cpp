#include "server/storage/lookup_throttle_repository.hpp"

#include <string>

namespace fupin::server::storage {
namespace {

// The one dialect difference here: insert unless present.
constexpr const char* ensure_sqlite =
    "INSERT INTO lookup_throttle (user_id, last_lookup_ms) VALUES (?, 0) ON CONFLICT (user_id) DO NOTHING";
constexpr const char* ensure_mysql = "INSERT IGNORE INTO lookup_throttle (user_id, last_lookup_ms) VALUES (?, 0)";
constexpr const char* select_user = "SELECT user_id FROM lookup_throttle WHERE user_id = ?";
constexpr const char* select_times =
    "SELECT at_ms FROM lookup_times WHERE user_id = ? AND at_ms > ? ORDER BY at_ms";
constexpr const char* insert_time = "INSERT INTO lookup_times (user_id, at_ms) VALUES (?, ?)";
constexpr const char* delete_old_times = "DELETE FROM lookup_times WHERE user_id = ? AND at_ms <= ?";
constexpr const char* update_user = "UPDATE lookup_throttle SET last_lookup_ms = ? WHERE user_id = ?";

}  // namespace

void lookup_throttle_repository::ensure_user(std::int64_t user_id) {
    conn_.execute(conn_.dialect() == sql::dialect::mysql ? ensure_mysql : ensure_sqlite, {user_id});
}

bool lookup_throttle_repository::lock_user(std::int64_t user_id) {
    return !conn_.query(std::string(select_user) + conn_.for_update(), {user_id}).empty();
}

std::vector<std::int64_t> lookup_throttle_repository::times_since(std::int64_t user_id, std::int64_t since_ms) {
    std::vector<std::int64_t> times;
    for (const auto& r : conn_.query(select_times, {user_id, since_ms})) times.push_back(r.get_int64(0));
    return times;
}

void lookup_throttle_repository::add(std::int64_t user_id, std::int64_t now_ms, std::int64_t forget_until_ms) {
    conn_.execute(delete_old_times, {user_id, forget_until_ms});
    conn_.execute(insert_time, {user_id, now_ms});
    conn_.execute(update_user, {now_ms, user_id});
}

}  // namespace fupin::server::storage
