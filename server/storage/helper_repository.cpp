#include "server/storage/helper_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_helper =
    "INSERT INTO helpers (unit_id, name, post, phone, active, volunteer_background, team_leader, username, "
    "version, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?)";
constexpr const char* update_helper =
    "UPDATE helpers SET unit_id = ?, name = ?, post = ?, phone = ?, active = ?, volunteer_background = ?, "
    "team_leader = ?, username = ?, version = version + 1, updated_at_ms = ? WHERE id = ? AND version = ?";
// The households counted are those paired now.
constexpr const char* select_helpers =
    "SELECT h.id, h.unit_id, u.name, u.level, h.name, h.post, h.phone, h.active, h.volunteer_background, "
    "h.team_leader, h.version, h.created_at_ms, h.updated_at_ms, "
    "(SELECT COUNT(*) FROM pairings p WHERE p.helper_id = h.id AND p.ended_at_ms IS NULL), h.username "
    "FROM helpers h JOIN helper_units u ON u.id = h.unit_id";
// Locks the helper's row alone: MySQL refuses FOR UPDATE beside the aggregate above.
constexpr const char* lock_helper = "SELECT id FROM helpers WHERE id = ?";

common::helper read_helper(const sql::row& r) {
    common::helper h;
    h.id = r.get_int64(0);
    h.unit_id = r.get_int64(1);
    h.unit_name = r.get_string(2);
    h.unit_level = r.get_string(3);
    h.name = r.get_string(4);
    h.post = r.get_string(5);
    h.phone = r.get_string(6);
    h.active = r.get_int64(7) != 0;
    h.volunteer_background = r.get_string(8);
    h.team_leader = r.get_int64(9) != 0;
    h.version = r.get_int64(10);
    h.created_at_ms = r.get_int64(11);
    h.updated_at_ms = r.get_int64(12);
    h.households = static_cast<int>(r.get_int64(13));
    if (!r.is_null(14)) h.username = r.get_string(14);
    return h;
}

// No account is stored as NULL, so that the unique index lets any number of helpers have none.
sql::value username_or_null(const common::helper& h) {
    return h.username.empty() ? sql::value(sql::null) : sql::value(h.username);
}

}  // namespace

void helper_repository::insert(common::helper& h, std::int64_t now_ms) {
    conn_.execute(insert_helper, {h.unit_id, h.name, h.post, h.phone, std::int64_t{h.active ? 1 : 0},
                                  h.volunteer_background, std::int64_t{h.team_leader ? 1 : 0}, username_or_null(h), now_ms,
                                  now_ms});
    h.id = conn_.last_insert_id();
    h.version = 1;
    h.created_at_ms = h.updated_at_ms = now_ms;
}

bool helper_repository::update(common::helper& h, std::int64_t expected_version, std::int64_t now_ms) {
    if (conn_.execute(update_helper, {h.unit_id, h.name, h.post, h.phone, std::int64_t{h.active ? 1 : 0},
                                      h.volunteer_background, std::int64_t{h.team_leader ? 1 : 0},
                                      username_or_null(h), now_ms, h.id, expected_version}) == 0)
        return false;
    h.version = expected_version + 1;
    h.updated_at_ms = now_ms;
    return true;
}

std::optional<common::helper> helper_repository::find(std::int64_t id) { return find(id, false); }
std::optional<common::helper> helper_repository::find_for_update(std::int64_t id) { return find(id, true); }

std::optional<common::helper> helper_repository::find(std::int64_t id, bool lock) {
    if (lock && conn_.query(std::string(lock_helper) + conn_.for_update(), {id}).empty()) return std::nullopt;
    const auto rows = conn_.query(std::string(select_helpers) + " WHERE h.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_helper(rows.front());
}

std::optional<common::helper> helper_repository::find_by_username(const std::string& username) {
    const auto rows = conn_.query(std::string(select_helpers) + " WHERE h.username = ?", {username});
    if (rows.empty()) return std::nullopt;
    return read_helper(rows.front());
}

std::vector<common::helper> helper_repository::list(const helper_filter& filter) {
    std::string statement = std::string(select_helpers) + " WHERE 1 = 1";
    std::vector<sql::value> params;
    if (filter.unit_id) statement += " AND h.unit_id = ?", params.push_back(filter.unit_id);
    if (filter.volunteers_only) statement += " AND h.volunteer_background <> ''";
    if (filter.active_only) statement += " AND h.active = 1";
    statement += " ORDER BY h.unit_id, h.id";
    std::vector<common::helper> out;
    for (const auto& r : conn_.query(statement, params)) out.push_back(read_helper(r));
    return out;
}

}  // namespace fupin::server::storage
