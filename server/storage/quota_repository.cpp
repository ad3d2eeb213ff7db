#include "server/storage/quota_repository.hpp"

#include <stdexcept>

#include "common/application_workflow.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* select_quota =
    "SELECT year, area_code, parent_code, quota, set_by, set_at_ms FROM quotas WHERE year = ? AND area_code = ?";
constexpr const char* select_children =
    "SELECT year, area_code, parent_code, quota, set_by, set_at_ms FROM quotas WHERE year = ? AND parent_code = ? "
    "ORDER BY area_code";
constexpr const char* update_quota =
    "UPDATE quotas SET quota = ?, parent_code = ?, set_by = ?, set_at_ms = ? WHERE year = ? AND area_code = ?";
constexpr const char* insert_quota =
    "INSERT INTO quotas (year, area_code, parent_code, quota, set_by, set_at_ms) VALUES (?, ?, ?, ?, ?, ?)";
// The states are the four of application_workflow::states_holding_a_place, bound as parameters.
constexpr const char* count_county =
    "SELECT COUNT(*) FROM applications WHERE year = ? AND state IN (?, ?, ?, ?)";
constexpr const char* count_township =
    "SELECT COUNT(*) FROM applications WHERE township_code = ? AND year = ? AND state IN (?, ?, ?, ?)";
constexpr const char* count_village =
    "SELECT COUNT(*) FROM applications WHERE village_code = ? AND year = ? AND state IN (?, ?, ?, ?)";

common::quota read_quota(const sql::row& r) {
    common::quota q;
    q.year = static_cast<int>(r.get_int64(0));
    q.area_code = r.get_string(1);
    q.parent_code = r.get_string(2);
    q.places = static_cast<int>(r.get_int64(3));
    q.set_by = r.get_string(4);
    q.set_at_ms = r.get_int64(5);
    return q;
}

}  // namespace

std::optional<common::quota> quota_repository::find_for_update(int year, const std::string& area_code) {
    auto rows = conn_.query(std::string(select_quota) + conn_.for_update(), {std::int64_t{year}, area_code});
    if (rows.empty()) return std::nullopt;
    return read_quota(rows.front());
}

std::optional<common::quota> quota_repository::find(int year, const std::string& area_code) {
    auto rows = conn_.query(select_quota, {std::int64_t{year}, area_code});
    if (rows.empty()) return std::nullopt;
    return read_quota(rows.front());
}

std::vector<common::quota> quota_repository::children(int year, const std::string& parent_code) {
    std::vector<common::quota> out;
    for (const auto& r : conn_.query(select_children, {std::int64_t{year}, parent_code})) out.push_back(read_quota(r));
    return out;
}

void quota_repository::save(const common::quota& q) {
    if (conn_.execute(update_quota, {std::int64_t{q.places}, q.parent_code, q.set_by, q.set_at_ms,
                                     std::int64_t{q.year}, q.area_code}) == 0)
        conn_.execute(insert_quota, {std::int64_t{q.year}, q.area_code, q.parent_code, std::int64_t{q.places},
                                     q.set_by, q.set_at_ms});
}

int quota_repository::places_used(int year, const std::string& area_code) {
    const auto& held = common::application_workflow::states_holding_a_place();
    if (held.size() != 4) throw std::logic_error("quota_repository: the count statements bind four states");
    std::vector<sql::value> params;
    const char* statement = count_county;
    if (area_code.size() == 9) statement = count_township, params.push_back(area_code);
    else if (area_code.size() == 12) statement = count_village, params.push_back(area_code);
    params.push_back(std::int64_t{year});
    for (auto s : held) params.push_back(std::string(s));
    return static_cast<int>(conn_.query(statement, params).at(0).get_int64(0));
}

}  // namespace fupin::server::storage
