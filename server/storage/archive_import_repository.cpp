#include "server/storage/archive_import_repository.hpp"

#include <algorithm>

namespace fupin::server::storage {
namespace {

constexpr const char* insert_import =
    "INSERT INTO archive_imports (area_code, file_name, state, households, people, problems, created_by, "
    "created_at_ms, closed_at_ms) VALUES (?, ?, 'open', 0, 0, 0, ?, ?, 0)";
constexpr const char* select_import =
    "SELECT id, area_code, file_name, state, households, people, problems, created_by, created_at_ms, closed_at_ms "
    "FROM archive_imports WHERE id = ?";
constexpr const char* insert_files = "INSERT INTO archive_import_households (import_id, seq, first_row, body) VALUES ";
constexpr const char* insert_people = "INSERT INTO archive_import_people (import_id, id_number, file_row) VALUES ";
constexpr const char* insert_pairings = "INSERT INTO archive_import_pairings (import_id, helper_id, file_row) VALUES ";
constexpr std::size_t rows_per_insert = 200;
// Followed by "(?, ?, …)" and the grouping.
constexpr const char* count_pairings_in =
    "SELECT helper_id, COUNT(*) FROM archive_import_pairings WHERE import_id = ? AND helper_id IN ";
// Followed by "(?, ?, …)".
constexpr const char* select_people_in =
    "SELECT id_number, file_row FROM archive_import_people WHERE import_id = ? AND id_number IN ";
constexpr const char* add_to_counts =
    "UPDATE archive_imports SET households = households + ?, people = people + ?, problems = problems + ? "
    "WHERE id = ?";
constexpr const char* select_staged =
    "SELECT seq, first_row, body FROM archive_import_households WHERE import_id = ? AND seq > ? ORDER BY seq LIMIT ?";
constexpr const char* set_closed = "UPDATE archive_imports SET state = ?, closed_at_ms = ? WHERE id = ?";
constexpr const char* drop_people = "DELETE FROM archive_import_people WHERE import_id = ?";
constexpr const char* drop_files = "DELETE FROM archive_import_households WHERE import_id = ?";
constexpr const char* drop_pairings = "DELETE FROM archive_import_pairings WHERE import_id = ?";

std::string tuples(std::size_t count, std::size_t width) {
    std::string one = "(?";
    for (std::size_t i = 1; i < width; ++i) one += ", ?";
    one += ")";
    std::string out;
    for (std::size_t i = 0; i < count; ++i) out += (i ? ", " : "") + one;
    return out;
}

common::archive_import read_import(const sql::row& r) {
    common::archive_import i;
    i.id = r.get_int64(0);
    i.area_code = r.get_string(1);
    i.file_name = r.get_string(2);
    i.state = r.get_string(3);
    i.households = r.get_int64(4);
    i.people = r.get_int64(5);
    i.problems = r.get_int64(6);
    i.created_by = r.get_string(7);
    i.created_at_ms = r.get_int64(8);
    i.closed_at_ms = r.get_int64(9);
    return i;
}

}  // namespace

void archive_import_repository::insert(common::archive_import& i) {
    i.id = conn_.insert_with_ids(insert_import, {i.area_code, i.file_name, i.created_by, i.created_at_ms}, 1, "id")
               .front();
    i.state = "open";
}

std::optional<common::archive_import> archive_import_repository::find(std::int64_t id) {
    const auto rows = conn_.query(select_import, {id});
    if (rows.empty()) return std::nullopt;
    return read_import(rows.front());
}

std::optional<common::archive_import> archive_import_repository::find_for_update(std::int64_t id) {
    const auto rows = conn_.query(std::string(select_import) + conn_.for_update(), {id});
    if (rows.empty()) return std::nullopt;
    return read_import(rows.front());
}

std::map<std::string, int> archive_import_repository::staged_people(std::int64_t import_id,
                                                                   const std::vector<std::string>& id_numbers) {
    std::map<std::string, int> out;
    for (std::size_t start = 0; start < id_numbers.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, id_numbers.size() - start);
        std::vector<sql::value> params{import_id};
        for (std::size_t i = start; i < start + count; ++i) params.emplace_back(id_numbers[i]);
        for (const auto& r : conn_.query(std::string(select_people_in) + tuples(1, count), params))
            out[r.get_string(0)] = static_cast<int>(r.get_int64(1));
    }
    return out;
}

std::map<std::int64_t, int> archive_import_repository::staged_pairings(std::int64_t import_id,
                                                                      const std::vector<std::int64_t>& helper_ids) {
    std::map<std::int64_t, int> out;
    for (std::size_t start = 0; start < helper_ids.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, helper_ids.size() - start);
        std::vector<sql::value> params{import_id};
        for (std::size_t i = start; i < start + count; ++i) params.emplace_back(helper_ids[i]);
        for (const auto& r :
             conn_.query(std::string(count_pairings_in) + tuples(1, count) + " GROUP BY helper_id", params))
            out[r.get_int64(0)] = static_cast<int>(r.get_int64(1));
    }
    return out;
}

void archive_import_repository::stage(std::int64_t import_id, std::int64_t first_seq,
                                      const std::vector<staged_file>& files, const std::vector<staged_person>& people,
                                      const std::vector<staged_pairing>& pairings) {
    for (std::size_t start = 0; start < files.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, files.size() - start);
        std::vector<sql::value> params;
        for (std::size_t i = start; i < start + count; ++i)
            params.insert(params.end(), {import_id, first_seq + static_cast<std::int64_t>(i),
                                         std::int64_t{files[i].first_row}, files[i].body});
        conn_.execute(std::string(insert_files) + tuples(count, 4), params);
    }
    for (std::size_t start = 0; start < people.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, people.size() - start);
        std::vector<sql::value> params;
        for (std::size_t i = start; i < start + count; ++i)
            params.insert(params.end(), {import_id, people[i].id_number, std::int64_t{people[i].row}});
        conn_.execute(std::string(insert_people) + tuples(count, 3), params);
    }
    for (std::size_t start = 0; start < pairings.size(); start += rows_per_insert) {
        const auto count = std::min(rows_per_insert, pairings.size() - start);
        std::vector<sql::value> params;
        for (std::size_t i = start; i < start + count; ++i)
            params.insert(params.end(), {import_id, pairings[i].helper_id, std::int64_t{pairings[i].row}});
        conn_.execute(std::string(insert_pairings) + tuples(count, 3), params);
    }
}

void archive_import_repository::add_counts(std::int64_t import_id, std::int64_t households, std::int64_t people,
                                           std::int64_t problems) {
    conn_.execute(add_to_counts, {households, people, problems, import_id});
}

std::vector<staged_file> archive_import_repository::staged(std::int64_t import_id, std::int64_t after_seq,
                                                           std::size_t limit) {
    std::vector<staged_file> out;
    for (const auto& r : conn_.query(select_staged, {import_id, after_seq, static_cast<std::int64_t>(limit)}))
        out.push_back({r.get_int64(0), static_cast<int>(r.get_int64(1)), r.get_string(2)});
    return out;
}

void archive_import_repository::close(std::int64_t import_id, const std::string& state, std::int64_t now_ms) {
    conn_.execute(set_closed, {state, now_ms, import_id});
    conn_.execute(drop_people, {import_id});
    conn_.execute(drop_files, {import_id});
    conn_.execute(drop_pairings, {import_id});
}

}  // namespace fupin::server::storage
