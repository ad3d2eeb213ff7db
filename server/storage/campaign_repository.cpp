#include "server/storage/campaign_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* delete_phases = "DELETE FROM campaign_phases WHERE year = ?";
constexpr const char* insert_phase =
    "INSERT INTO campaign_phases (year, phase, seq, starts_on, ends_on, set_by, set_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_phases =
    "SELECT phase, starts_on, ends_on, set_by, set_at_ms FROM campaign_phases WHERE year = ? ORDER BY seq";
// Each followed by the area as a prefix of the township code (the county's 6 digits, or a township's 9).
constexpr const char* count_households =
    "SELECT township_code, COUNT(*) FROM households WHERE township_code LIKE ? GROUP BY township_code";
constexpr const char* count_cases =
    "SELECT township_code, state, COUNT(*) FROM applications WHERE kind = 'identification' AND year = ? AND "
    "township_code LIKE ? GROUP BY township_code, state";
constexpr const char* count_with_helper =
    "SELECT h.township_code, COUNT(DISTINCT h.id) FROM pairings p JOIN households h ON h.id = p.household_id "
    "WHERE p.ended_at_ms IS NULL AND h.status = 'registered' AND h.township_code LIKE ? GROUP BY h.township_code";
constexpr const char* count_with_plan =
    "SELECT h.township_code, COUNT(*) FROM assistance_plans p JOIN households h ON h.id = p.household_id "
    "WHERE p.year = ? AND h.status = 'registered' AND h.township_code LIKE ? GROUP BY h.township_code";
constexpr const char* select_registered =
    "SELECT id, township_code, phone, bank_account, national_number FROM households "
    "WHERE status = 'registered' AND township_code LIKE ?";
constexpr const char* select_registered_attachments =
    "SELECT a.household_id, a.kind FROM attachments a JOIN households h ON h.id = a.household_id "
    "WHERE h.status = 'registered' AND h.township_code LIKE ?";

std::map<std::string, std::int64_t> counts(const std::vector<sql::row>& rows) {
    std::map<std::string, std::int64_t> out;
    for (const auto& r : rows) out[r.get_string(0)] = r.get_int64(1);
    return out;
}

std::string prefix(const std::string& area) { return area + "%"; }

}  // namespace

void campaign_repository::set(const common::campaign& c) {
    conn_.execute(delete_phases, {std::int64_t{c.year}});
    for (std::size_t i = 0; i < c.phases.size(); ++i) {
        const auto& p = c.phases[i];
        conn_.execute(insert_phase, {std::int64_t{c.year}, p.phase, static_cast<std::int64_t>(i), p.starts_on, p.ends_on,
                                     c.set_by, c.set_at_ms});
    }
}

std::optional<common::campaign> campaign_repository::find(int year) {
    const auto rows = conn_.query(select_phases, {std::int64_t{year}});
    if (rows.empty()) return std::nullopt;
    common::campaign c;
    c.year = year;
    for (const auto& r : rows) {
        c.phases.push_back({r.get_string(0), r.get_string(1), r.get_string(2)});
        c.set_by = r.get_string(3);
        c.set_at_ms = r.get_int64(4);
    }
    return c;
}

std::map<std::string, std::int64_t> campaign_repository::households(const std::string& area) {
    return counts(conn_.query(count_households, {prefix(area)}));
}

std::map<std::string, std::map<std::string, std::int64_t>> campaign_repository::cases_by_state(const std::string& area,
                                                                                               int year) {
    std::map<std::string, std::map<std::string, std::int64_t>> out;
    for (const auto& r : conn_.query(count_cases, {std::int64_t{year}, prefix(area)}))
        out[r.get_string(0)][r.get_string(1)] = r.get_int64(2);
    return out;
}

std::map<std::string, std::int64_t> campaign_repository::registered_with_helper(const std::string& area) {
    return counts(conn_.query(count_with_helper, {prefix(area)}));
}

std::map<std::string, std::int64_t> campaign_repository::registered_with_plan(const std::string& area, int year) {
    return counts(conn_.query(count_with_plan, {std::int64_t{year}, prefix(area)}));
}

std::map<std::int64_t, registered_file> campaign_repository::registered_files(const std::string& area) {
    std::map<std::int64_t, registered_file> out;
    for (const auto& r : conn_.query(select_registered, {prefix(area)})) {
        auto& f = out[r.get_int64(0)].file;
        f.status = "registered";
        f.township_code = r.get_string(1);
        f.phone = r.get_string(2);
        f.bank_account = r.get_string(3);
        f.national_number = r.get_string(4);
    }
    for (const auto& r : conn_.query(select_registered_attachments, {prefix(area)})) {
        const auto it = out.find(r.get_int64(0));
        if (it == out.end()) continue;
        common::attachment a;
        a.kind = r.get_string(1);
        it->second.attachments.push_back(std::move(a));
    }
    return out;
}

}  // namespace fupin::server::storage
