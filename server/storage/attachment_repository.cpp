#include "server/storage/attachment_repository.hpp"

namespace fupin::server::storage {
namespace {

// The content is bound as a string; SQLite is told it is a BLOB (else it keeps it as TEXT, which its text
// functions and .dump would read as UTF-8). MariaDB's MEDIUMBLOB takes the bytes as they are.
std::string insert_attachment(sql::dialect d) {
    return std::string("INSERT INTO attachments (household_id, application_id, kind, file_name, content_type, size, "
                       "sha256, content, uploaded_by, uploaded_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ") +
           (d == sql::dialect::sqlite ? "CAST(? AS BLOB)" : "?") + ", ?, ?)";
}
constexpr const char* select_attachment =
    "SELECT id, household_id, application_id, kind, file_name, content_type, size, sha256, uploaded_by, "
    "uploaded_at_ms FROM attachments ";
constexpr const char* select_content = "SELECT content FROM attachments WHERE id = ?";

common::attachment read_attachment(const sql::row& r) {
    common::attachment a;
    a.id = r.get_int64(0);
    a.household_id = r.get_int64(1);
    a.application_id = r.is_null(2) ? 0 : r.get_int64(2);
    a.kind = r.get_string(3);
    a.file_name = r.get_string(4);
    a.content_type = r.get_string(5);
    a.size = r.get_int64(6);
    a.sha256 = r.get_string(7);
    a.uploaded_by = r.get_string(8);
    a.uploaded_at_ms = r.get_int64(9);
    return a;
}

}  // namespace

void attachment_repository::insert(common::attachment& a, const std::string& content) {
    a.id = conn_.insert_with_ids(insert_attachment(conn_.dialect()),
                                 {a.household_id, a.application_id ? sql::value{a.application_id} : sql::value{sql::null},
                                  a.kind, a.file_name, a.content_type, a.size, a.sha256, content, a.uploaded_by,
                                  a.uploaded_at_ms},
                                 1, "id")
               .front();
}

std::vector<common::attachment> attachment_repository::of_household(std::int64_t household_id) {
    std::vector<common::attachment> out;
    for (const auto& r : conn_.query(std::string(select_attachment) + "WHERE household_id = ? ORDER BY id", {household_id}))
        out.push_back(read_attachment(r));
    return out;
}

std::optional<common::attachment> attachment_repository::find(std::int64_t id) {
    const auto rows = conn_.query(std::string(select_attachment) + "WHERE id = ?", {id});
    if (rows.empty()) return std::nullopt;
    return read_attachment(rows.front());
}

std::string attachment_repository::content(std::int64_t id) {
    const auto rows = conn_.query(select_content, {id});
    return rows.empty() ? std::string() : rows.front().get_string(0);
}

}  // namespace fupin::server::storage
