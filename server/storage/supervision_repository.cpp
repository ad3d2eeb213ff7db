#include "server/storage/supervision_repository.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* delete_weights = "DELETE FROM supervision_weights WHERE year = ?";
constexpr const char* insert_weights =
    "INSERT INTO supervision_weights (year, progress, completeness, objections, spot_checks, set_by, set_at_ms) "
    "VALUES (?, ?, ?, ?, ?, ?, ?)";
constexpr const char* select_weights =
    "SELECT progress, completeness, objections, spot_checks, set_by, set_at_ms FROM supervision_weights WHERE year = ?";
constexpr const char* insert_note =
    "INSERT INTO supervision_notes (year, township_code, kind, text, written_by, written_at_ms) VALUES (?, ?, ?, ?, ?, ?)";
// Each of the rest takes the area as a prefix of the township code (the county's 6 digits, or a township's 9).
constexpr const char* select_notes =
    "SELECT id, township_code, kind, text, written_by, written_at_ms FROM supervision_notes "
    "WHERE year = ? AND township_code LIKE ? ORDER BY id";
constexpr const char* count_posted_by_county =
    "SELECT a.township_code, COUNT(DISTINCT a.id) FROM posting_entries e JOIN postings p ON p.id = e.posting_id "
    "JOIN applications a ON a.id = e.application_id WHERE p.level = 'county' AND a.kind = 'identification' "
    "AND a.year = ? AND a.township_code LIKE ? GROUP BY a.township_code";
constexpr const char* count_upheld =
    "SELECT a.township_code, COUNT(DISTINCT a.id) FROM objections o JOIN postings p ON p.id = o.posting_id "
    "JOIN applications a ON a.id = o.application_id WHERE p.level = 'county' AND o.state = 'upheld' "
    "AND a.kind = 'identification' AND a.year = ? AND a.township_code LIKE ? GROUP BY a.township_code";
constexpr const char* count_checked =
    "SELECT i.township_code, COUNT(*), SUM(CASE WHEN i.verdict = 'accurate' THEN 1 ELSE 0 END) "
    "FROM spot_check_items i JOIN spot_checks c ON c.id = i.check_id "
    "WHERE c.year = ? AND i.recorded_at_ms > 0 AND i.township_code LIKE ? GROUP BY i.township_code";

}  // namespace

void supervision_repository::set_weights(const common::supervision_weights& w) {
    conn_.execute(delete_weights, {std::int64_t{w.year}});
    conn_.execute(insert_weights, {std::int64_t{w.year}, std::int64_t{w.progress}, std::int64_t{w.completeness},
                                   std::int64_t{w.objections}, std::int64_t{w.spot_checks}, w.set_by, w.set_at_ms});
}

std::optional<common::supervision_weights> supervision_repository::weights(int year) {
    const auto rows = conn_.query(select_weights, {std::int64_t{year}});
    if (rows.empty()) return std::nullopt;
    const auto& r = rows.front();
    return common::supervision_weights{year,
                                       static_cast<int>(r.get_int64(0)),
                                       static_cast<int>(r.get_int64(1)),
                                       static_cast<int>(r.get_int64(2)),
                                       static_cast<int>(r.get_int64(3)),
                                       r.get_string(4),
                                       r.get_int64(5)};
}

std::int64_t supervision_repository::add_note(const common::supervision_note& n) {
    conn_.execute(insert_note, {std::int64_t{n.year}, n.township_code, n.kind, n.text, n.written_by, n.written_at_ms});
    return conn_.last_insert_id();
}

std::vector<common::supervision_note> supervision_repository::notes(int year, const std::string& area) {
    std::vector<common::supervision_note> out;
    for (const auto& r : conn_.query(select_notes, {std::int64_t{year}, area + "%"}))
        out.push_back({r.get_int64(0), year, r.get_string(1), r.get_string(2), r.get_string(3), r.get_string(4),
                       r.get_int64(5)});
    return out;
}

namespace {

std::map<std::string, std::int64_t> by_township(sql::connection& conn, const char* sql, const std::string& area,
                                                int year) {
    std::map<std::string, std::int64_t> out;
    for (const auto& r : conn.query(sql, {std::int64_t{year}, area + "%"})) out[r.get_string(0)] = r.get_int64(1);
    return out;
}

}  // namespace

std::map<std::string, std::int64_t> supervision_repository::cases_posted_by_county(const std::string& area, int year) {
    return by_township(conn_, count_posted_by_county, area, year);
}

std::map<std::string, std::int64_t> supervision_repository::cases_with_upheld_objection(const std::string& area,
                                                                                        int year) {
    return by_township(conn_, count_upheld, area, year);
}

std::map<std::string, spot_check_count> supervision_repository::spot_checks(const std::string& area, int year) {
    std::map<std::string, spot_check_count> out;
    for (const auto& r : conn_.query(count_checked, {std::int64_t{year}, area + "%"}))
        out[r.get_string(0)] = {r.get_int64(1), r.get_int64(2)};
    return out;
}

}  // namespace fupin::server::storage
