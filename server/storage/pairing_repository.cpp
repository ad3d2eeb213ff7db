#include "server/storage/pairing_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_pairing =
    "INSERT INTO pairings (household_id, helper_id, village_code, started_at_ms, started_by, start_reason) "
    "VALUES (?, ?, ?, ?, ?, ?)";
constexpr const char* end_pairing =
    "UPDATE pairings SET ended_at_ms = ?, ended_by = ?, end_reason = ?, replaced_by = ? "
    "WHERE id = ? AND ended_at_ms IS NULL";
constexpr const char* select_pairings =
    "SELECT p.id, p.household_id, hh.village_code, hh.head_name, p.helper_id, h.name, h.post, h.phone, u.name, "
    "p.started_at_ms, p.started_by, p.start_reason, p.ended_at_ms, p.ended_by, p.end_reason, p.replaced_by "
    "FROM pairings p JOIN helpers h ON h.id = p.helper_id JOIN helper_units u ON u.id = h.unit_id "
    "JOIN households hh ON hh.id = p.household_id";
constexpr const char* count_of_helper =
    "SELECT COUNT(*) FROM pairings WHERE helper_id = ? AND ended_at_ms IS NULL";
constexpr const char* select_pairing_of_account =
    "SELECT 1 FROM pairings p JOIN helpers h ON h.id = p.helper_id "
    "WHERE h.username = ? AND p.household_id = ? AND p.ended_at_ms IS NULL";

common::pairing read_pairing(const sql::row& r) {
    common::pairing p;
    p.id = r.get_int64(0);
    p.household_id = r.get_int64(1);
    p.village_code = r.get_string(2);
    p.head_name = r.get_string(3);
    p.helper_id = r.get_int64(4);
    p.helper_name = r.get_string(5);
    p.helper_post = r.get_string(6);
    p.helper_phone = r.get_string(7);
    p.unit_name = r.get_string(8);
    p.started_at_ms = r.get_int64(9);
    p.started_by = r.get_string(10);
    p.start_reason = r.get_string(11);
    p.ended_at_ms = r.is_null(12) ? 0 : r.get_int64(12);
    p.ended_by = r.get_string(13);
    p.end_reason = r.get_string(14);
    p.replaced_by = r.is_null(15) ? 0 : r.get_int64(15);
    return p;
}

}  // namespace

void pairing_repository::insert(common::pairing& p) {
    conn_.execute(insert_pairing,
                  {p.household_id, p.helper_id, p.village_code, p.started_at_ms, p.started_by, p.start_reason});
    p.id = conn_.last_insert_id();
}

bool pairing_repository::end(std::int64_t id, std::int64_t at_ms, const std::string& by, const std::string& reason,
                             std::int64_t replaced_by) {
    const sql::value replacement = replaced_by ? sql::value(replaced_by) : sql::value(sql::null);
    return conn_.execute(end_pairing, {at_ms, by, reason, replacement, id}) == 1;
}

std::optional<common::pairing> pairing_repository::find(std::int64_t id) {
    const auto rows = conn_.query(std::string(select_pairings) + " WHERE p.id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_pairing(rows.front());
}

std::vector<common::pairing> pairing_repository::of_household(std::int64_t household_id) {
    std::vector<common::pairing> out;
    for (const auto& r : conn_.query(std::string(select_pairings) + " WHERE p.household_id = ? ORDER BY p.id DESC",
                                     {household_id}))
        out.push_back(read_pairing(r));
    return out;
}

std::vector<common::pairing> pairing_repository::current_in_village(const std::string& village_code) {
    std::vector<common::pairing> out;
    for (const auto& r : conn_.query(std::string(select_pairings) +
                                         " WHERE hh.village_code = ? AND p.ended_at_ms IS NULL ORDER BY p.id",
                                     {village_code}))
        out.push_back(read_pairing(r));
    return out;
}

std::vector<common::pairing> pairing_repository::current_of_household(std::int64_t household_id) {
    std::vector<common::pairing> out;
    for (const auto& r : conn_.query(std::string(select_pairings) +
                                         " WHERE p.household_id = ? AND p.ended_at_ms IS NULL ORDER BY p.id",
                                     {household_id}))
        out.push_back(read_pairing(r));
    return out;
}

std::vector<common::pairing> pairing_repository::current_of_helper(std::int64_t helper_id) {
    std::vector<common::pairing> out;
    for (const auto& r : conn_.query(std::string(select_pairings) +
                                         " WHERE p.helper_id = ? AND p.ended_at_ms IS NULL ORDER BY p.id",
                                     {helper_id}))
        out.push_back(read_pairing(r));
    return out;
}

int pairing_repository::count_current_of_helper(std::int64_t helper_id) {
    return static_cast<int>(conn_.query(count_of_helper, {helper_id}).at(0).get_int64(0));
}

bool pairing_repository::holds_for_account(const std::string& username, std::int64_t household_id) {
    return !conn_.query(select_pairing_of_account, {username, household_id}).empty();
}

}  // namespace fupin::server::storage
