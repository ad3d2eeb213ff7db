#include "server/storage/login_throttle_repository.hpp"

#include <string>

namespace fupin::server::storage {
namespace {

constexpr const char* select_throttle =
    "SELECT throttle_key, failures, last_failure_ms, locked_until_ms FROM login_throttle WHERE throttle_key = ?";
// The one dialect difference here: insert unless present.
constexpr const char* ensure_sqlite =
    "INSERT INTO login_throttle (throttle_key, failures, last_failure_ms, locked_until_ms) VALUES (?, 0, 0, 0) "
    "ON CONFLICT (throttle_key) DO NOTHING";
constexpr const char* ensure_mysql =
    "INSERT IGNORE INTO login_throttle (throttle_key, failures, last_failure_ms, locked_until_ms) VALUES (?, 0, 0, 0)";
constexpr const char* delete_throttle = "DELETE FROM login_throttle WHERE throttle_key = ?";
constexpr const char* restore_throttle =
    "UPDATE login_throttle SET failures = ?, last_failure_ms = ? "
    "WHERE throttle_key = ? AND failures = ? AND last_failure_ms = ?";
constexpr const char* take_back_throttle =
    "UPDATE login_throttle SET failures = failures - 1 WHERE throttle_key = ? AND failures > 0";
constexpr const char* delete_faded =
    "DELETE FROM login_throttle WHERE last_failure_ms < ? AND locked_until_ms <= ?";
constexpr const char* insert_throttle =
    "INSERT INTO login_throttle (throttle_key, failures, last_failure_ms, locked_until_ms) VALUES (?, ?, ?, ?)";
constexpr const char* update_throttle =
    "UPDATE login_throttle SET failures = ?, last_failure_ms = ?, locked_until_ms = ? WHERE throttle_key = ?";

}  // namespace

void login_throttle_repository::ensure(const std::string& key) {
    conn_.execute(conn_.dialect() == sql::dialect::mysql ? ensure_mysql : ensure_sqlite, {key});
}

std::optional<login_throttle_record> login_throttle_repository::find_for_update(const std::string& key) {
    auto rows = conn_.query(std::string(select_throttle) + conn_.for_update(), {key});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return login_throttle_record{r.get_string(0), static_cast<int>(r.get_int64(1)), r.get_int64(2), r.get_int64(3)};
}

void login_throttle_repository::save(const login_throttle_record& r) {
    if (conn_.execute(update_throttle, {std::int64_t{r.failures}, r.last_failure_ms, r.locked_until_ms, r.key}) == 0)
        conn_.execute(insert_throttle, {r.key, std::int64_t{r.failures}, r.last_failure_ms, r.locked_until_ms});
}

void login_throttle_repository::clear(const std::string& key) { conn_.execute(delete_throttle, {key}); }

void login_throttle_repository::take_back(const login_throttle_record& counted, const login_throttle_record& before) {
    if (conn_.execute(restore_throttle, {std::int64_t{before.failures}, before.last_failure_ms, counted.key,
                                         std::int64_t{counted.failures}, counted.last_failure_ms}) == 0)
        conn_.execute(take_back_throttle, {counted.key});
}

void login_throttle_repository::remove_faded(std::int64_t faded_before_ms, std::int64_t now_ms) {
    conn_.execute(delete_faded, {faded_before_ms, now_ms});
}

}  // namespace fupin::server::storage
