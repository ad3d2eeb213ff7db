#include "server/storage/session_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_session =
    "INSERT INTO sessions (token_hash, user_id, certificate_subject, created_at_ms, last_seen_ms, expires_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?)";
// The user's password hash is not read: authenticating a token never needs it ('' in its place).
constexpr const char* select_session_with_user =
    "SELECT s.token_hash, s.user_id, s.certificate_subject, s.created_at_ms, s.last_seen_ms, s.expires_at_ms, "
    "u.id, u.username, u.display_name, u.role, u.area_code, '', u.disabled, u.created_at_ms, "
    "u.updated_at_ms FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?";
constexpr const char* touch_session = "UPDATE sessions SET last_seen_ms = ? WHERE token_hash = ?";
constexpr const char* delete_session = "DELETE FROM sessions WHERE token_hash = ?";
constexpr const char* delete_user_sessions = "DELETE FROM sessions WHERE user_id = ?";
constexpr const char* delete_expired = "DELETE FROM sessions WHERE expires_at_ms <= ? OR last_seen_ms <= ?";

}  // namespace

void session_repository::insert(const session_record& s) {
    conn_.execute(insert_session,
                  {s.token_hash, s.user_id, s.certificate_subject, s.created_at_ms, s.last_seen_ms, s.expires_at_ms});
}

std::optional<session_repository::session_with_user> session_repository::find_with_user(
    const std::string& token_hash) {
    auto rows = conn_.query(select_session_with_user, {token_hash});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return session_with_user{
        session_record{r.get_string(0), r.get_int64(1), r.get_string(2), r.get_int64(3), r.get_int64(4),
                       r.get_int64(5)},
        user_account{r.get_int64(6), r.get_string(7), r.get_string(8), r.get_string(9), r.get_string(10),
                     r.get_string(11), r.get_int64(12) != 0, r.get_int64(13), r.get_int64(14)}};
}

void session_repository::touch(const std::string& token_hash, std::int64_t now_ms) {
    conn_.execute(touch_session, {now_ms, token_hash});
}

void session_repository::remove(const std::string& token_hash, std::int64_t user_id) {
    conn_.execute(delete_session, {token_hash});
    conn_.record_changed(common::record_key::account(user_id));
}

void session_repository::remove_for_user(std::int64_t user_id) {
    conn_.execute(delete_user_sessions, {user_id});
    conn_.record_changed(common::record_key::account(user_id));
}

std::int64_t session_repository::remove_expired(std::int64_t now_ms, std::int64_t idle_ms) {
    return conn_.execute(delete_expired, {now_ms, now_ms - idle_ms});
}

}  // namespace fupin::server::storage
