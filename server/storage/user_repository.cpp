#include "server/storage/user_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_user =
    "INSERT INTO users (username, display_name, role, area_code, password_hash, disabled, created_at_ms, "
    "updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_by_name =
    "SELECT id, username, display_name, role, area_code, password_hash, disabled, created_at_ms, updated_at_ms "
    "FROM users WHERE username = ?";
constexpr const char* select_by_id =
    "SELECT id, username, display_name, role, area_code, password_hash, disabled, created_at_ms, updated_at_ms "
    "FROM users WHERE id = ?";
constexpr const char* select_all =
    "SELECT id, username, display_name, role, area_code, password_hash, disabled, created_at_ms, updated_at_ms "
    "FROM users ORDER BY username";
constexpr const char* update_user =
    "UPDATE users SET display_name = ?, role = ?, area_code = ?, password_hash = ?, disabled = ?, updated_at_ms = ? "
    "WHERE id = ?";
constexpr const char* count_all = "SELECT COUNT(*) FROM users";

user_account read_user(const sql::row& r) {
    return user_account{r.get_int64(0),  r.get_string(1),     r.get_string(2), r.get_string(3), r.get_string(4),
                        r.get_string(5), r.get_int64(6) != 0, r.get_int64(7),  r.get_int64(8)};
}

}  // namespace

void user_repository::insert(user_account& u) {
    conn_.execute(insert_user, {u.username, u.display_name, u.role, u.area_code, u.password_hash,
                                std::int64_t{u.disabled ? 1 : 0}, u.created_at_ms, u.updated_at_ms});
    u.id = conn_.last_insert_id();
}

std::optional<user_account> user_repository::find(const std::string& username) {
    auto rows = conn_.query(select_by_name, {username});
    if (rows.empty()) return std::nullopt;
    return read_user(rows.front());
}

std::optional<user_account> user_repository::find_for_update(const std::string& username) {
    auto rows = conn_.query(std::string(select_by_name) + conn_.for_update(), {username});
    if (rows.empty()) return std::nullopt;
    return read_user(rows.front());
}

std::optional<user_account> user_repository::find_by_id(std::int64_t id) {
    auto rows = conn_.query(select_by_id, {id});
    if (rows.empty()) return std::nullopt;
    return read_user(rows.front());
}

std::vector<user_account> user_repository::list() {
    std::vector<user_account> out;
    for (const auto& r : conn_.query(select_all)) out.push_back(read_user(r));
    return out;
}

void user_repository::update(const user_account& u) {
    conn_.execute(update_user, {u.display_name, u.role, u.area_code, u.password_hash, std::int64_t{u.disabled ? 1 : 0},
                                u.updated_at_ms, u.id});
    conn_.record_changed(common::record_key::account(u.id));  // a cached session carries its account
}

std::int64_t user_repository::count() { return conn_.query(count_all).at(0).get_int64(0); }

}  // namespace fupin::server::storage
