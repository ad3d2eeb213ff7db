#include "server/storage/plan_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* select_plan =
    "SELECT household_id, year, expected_income_effect_fen, acknowledged_on, note, version, updated_by, updated_at_ms "
    "FROM assistance_plans WHERE household_id = ? AND year = ?";
constexpr const char* insert_plan =
    "INSERT INTO assistance_plans (household_id, year, expected_income_effect_fen, acknowledged_on, note, version, "
    "updated_by, updated_at_ms) VALUES (?, ?, ?, ?, ?, 1, ?, ?)";
constexpr const char* update_plan =
    "UPDATE assistance_plans SET expected_income_effect_fen = ?, acknowledged_on = ?, note = ?, "
    "version = version + 1, updated_by = ?, updated_at_ms = ? WHERE household_id = ? AND year = ? AND version = ?";

}  // namespace

std::optional<common::assistance_plan> plan_repository::find(std::int64_t household_id, int year) {
    const auto rows = conn_.query(select_plan, {household_id, std::int64_t{year}});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    common::assistance_plan p;
    p.household_id = r.get_int64(0);
    p.year = static_cast<int>(r.get_int64(1));
    p.expected_income_effect = r.get_int64(2);
    p.acknowledged_on = r.get_string(3);
    p.note = r.get_string(4);
    p.version = r.get_int64(5);
    p.updated_by = r.get_string(6);
    p.updated_at_ms = r.get_int64(7);
    return p;
}

bool plan_repository::save(common::assistance_plan& p, const std::string& by, std::int64_t now_ms) {
    if (p.version == 0) {
        conn_.execute(insert_plan, {p.household_id, std::int64_t{p.year}, p.expected_income_effect, p.acknowledged_on,
                                    p.note, by, now_ms});
    } else if (conn_.execute(update_plan, {p.expected_income_effect, p.acknowledged_on, p.note, by, now_ms,
                                           p.household_id, std::int64_t{p.year}, p.version}) == 0) {
        return false;
    }
    p.version += 1;
    p.updated_by = by;
    p.updated_at_ms = now_ms;
    return true;
}

}  // namespace fupin::server::storage
