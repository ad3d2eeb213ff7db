#include "server/storage/member_change_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* insert_change =
    "INSERT INTO member_changes (household_id, kind, effective_on, reason, name, id_number, new_id_number, "
    "new_head_name, size_before, size_after, income_removed_fen, recorded_by, recorded_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_of_household =
    "SELECT id, household_id, kind, effective_on, reason, name, id_number, new_id_number, new_head_name, size_before, "
    "size_after, income_removed_fen, recorded_by, recorded_at_ms FROM member_changes WHERE household_id = ? "
    "ORDER BY id DESC";

}  // namespace

void member_change_repository::insert(common::member_change& c) {
    conn_.execute(insert_change, {c.household_id, c.kind, c.effective_on, c.reason, c.name, c.id_number,
                                  c.new_id_number, c.new_head_name, std::int64_t{c.size_before},
                                  std::int64_t{c.size_after}, c.income_removed, c.recorded_by, c.recorded_at_ms});
    c.id = conn_.last_insert_id();
}

std::vector<common::member_change> member_change_repository::of_household(std::int64_t household_id) {
    std::vector<common::member_change> out;
    for (const auto& r : conn_.query(select_of_household, {household_id})) {
        common::member_change c;
        c.id = r.get_int64(0);
        c.household_id = r.get_int64(1);
        c.kind = r.get_string(2);
        c.effective_on = r.get_string(3);
        c.reason = r.get_string(4);
        c.name = r.get_string(5);
        c.id_number = r.get_string(6);
        c.new_id_number = r.get_string(7);
        c.new_head_name = r.get_string(8);
        c.size_before = static_cast<int>(r.get_int64(9));
        c.size_after = static_cast<int>(r.get_int64(10));
        c.income_removed = r.get_int64(11);
        c.recorded_by = r.get_string(12);
        c.recorded_at_ms = r.get_int64(13);
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace fupin::server::storage
