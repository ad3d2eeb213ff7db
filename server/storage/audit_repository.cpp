#include "server/storage/audit_repository.hpp"

#include <openssl/evp.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/utf8.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::storage {
namespace {

// FOR UPDATE (MySQL) is appended at run time: the head row is the one lock that orders all appenders.
constexpr const char* select_head = "SELECT last_seq, last_hash FROM audit_head WHERE id = 1";
constexpr const char* update_head = "UPDATE audit_head SET last_seq = ?, last_hash = ? WHERE id = 1";
constexpr const char* insert_entry =
    "INSERT INTO audit_log (seq, at_ms, username, role, certificate_subject, action, record, outcome, changes, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
constexpr const char* entry_values = ", (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";  // each further entry

// Columns read by read_entry(), in its order.
constexpr const char* select_entries =
    "SELECT seq, at_ms, username, role, certificate_subject, action, record, outcome, changes, prev_hash, hash "
    "FROM audit_log";
constexpr const char* filter_username = "username = ?";
constexpr const char* filter_record = "record = ?";
constexpr const char* filter_action = "action = ?";
constexpr const char* filter_from = "at_ms >= ?";
constexpr const char* filter_to = "at_ms < ?";
constexpr const char* filter_before_token = "seq < ?";
constexpr const char* order_newest_first = " ORDER BY seq DESC LIMIT ?";
constexpr const char* where_after_seq = " WHERE seq > ? ORDER BY seq LIMIT ?";

// Column widths of schema/mysql/004_audit.sql, in characters; SQLite stores the same cut text.
constexpr std::size_t username_width = 64;
constexpr std::size_t role_width = 32;
constexpr std::size_t subject_width = 512;
constexpr std::size_t action_width = 64;
constexpr std::size_t record_width = 128;

// Well-formed UTF-8 of at most `width` characters: what the column can hold and the JSON encoder accepts.
std::string fit_text(std::string_view s, std::size_t width) {
    std::string out;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < s.size() && chars < width; ++chars) {
        const std::size_t n = common::utf8_character_bytes(s, i);
        if (n == 0) {
            out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++i;
        } else {
            out.append(s.substr(i, n));
            i += n;
        }
    }
    return out;
}

audit_entry read_entry(const sql::row& r) {
    audit_entry e;
    std::size_t i = 0;
    e.seq = r.get_int64(i++);
    e.at_ms = r.get_int64(i++);
    e.username = r.get_string(i++);
    e.role = r.get_string(i++);
    e.certificate_subject = r.get_string(i++);
    e.action = r.get_string(i++);
    e.record = r.get_string(i++);
    e.outcome = r.get_string(i++);
    e.changes = r.get_string(i++);
    e.prev_hash = r.get_string(i++);
    e.hash = r.get_string(i++);
    return e;
}

// Page token: the decimal seq of the last entry of the previous page. Opaque to clients.
std::int64_t parse_page_token(std::string_view token) {
    std::int64_t seq = 0;
    const bool digits = !token.empty() && token.size() <= 18 &&
                        std::all_of(token.begin(), token.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw std::invalid_argument("invalid page_token");
    std::from_chars(token.data(), token.data() + token.size(), seq);
    if (seq < 1) throw std::invalid_argument("invalid page_token");
    return seq;
}

std::string sha256_hex(std::string_view text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    out.reserve(2 * length);
    for (unsigned int i = 0; i < length; ++i) {
        out.push_back(hex[digest[i] >> 4]);
        out.push_back(hex[digest[i] & 15]);
    }
    return out;
}

}  // namespace

std::string audit_repository::canonical_form(const audit_entry& e) {
    const nlohmann::json j = {{"seq", e.seq},
                              {"at_ms", e.at_ms},
                              {"username", e.username},
                              {"role", e.role},
                              {"certificate_subject", e.certificate_subject},
                              {"action", e.action},
                              {"record", e.record},
                              {"outcome", e.outcome},
                              {"changes", e.changes}};
    return j.dump();  // strict: throws on ill-formed UTF-8 rather than hashing a lossy text
}

std::string audit_repository::compute_hash(const audit_entry& e) {
    return sha256_hex(e.prev_hash + "\n" + canonical_form(e));
}

void audit_repository::append(audit_entry& e) {
    prepare(e);
    append_prepared(e);
}

void audit_repository::prepare(audit_entry& e) {
    const auto changes = nlohmann::json::parse(e.changes, nullptr, false);
    if (changes.is_discarded() || !changes.is_object())
        throw std::invalid_argument("audit changes must be a JSON object");
    // Stored exactly as hashed: canonical JSON (ill-formed UTF-8 replaced), texts cut to the column widths.
    e.changes = changes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    prepare_canonical(e);
}

void audit_repository::prepare_canonical(audit_entry& e) {
    if (e.outcome != "ok" && e.outcome != "denied" && e.outcome != "failed")
        throw std::invalid_argument("audit outcome must be ok, denied or failed");
    e.username = fit_text(e.username, username_width);
    e.role = fit_text(e.role, role_width);
    e.certificate_subject = fit_text(e.certificate_subject, subject_width);
    e.action = fit_text(e.action, action_width);
    e.record = fit_text(e.record, record_width);
}

void audit_repository::append_prepared(audit_entry& e) { append_all_prepared(std::span<audit_entry>(&e, 1)); }

void audit_repository::append_all_prepared(std::span<audit_entry> entries) {
    if (!conn_.in_transaction())
        throw std::logic_error("audit_repository::append must run inside the write transaction of the change");
    if (entries.empty()) return;
    const auto rows = conn_.query(std::string(select_head) + conn_.for_update());
    if (rows.empty()) throw sql::error("audit_head has no row: migration 004 did not run");
    std::int64_t seq = rows[0].get_int64(0);
    std::string prev_hash = rows[0].get_string(1);
    // The chain is made here, in order; all entries go in one INSERT.
    std::string sql = insert_entry;
    std::vector<sql::value> params;
    for (auto& e : entries) {
        e.seq = ++seq;
        e.prev_hash = std::move(prev_hash);
        e.hash = compute_hash(e);
        prev_hash = e.hash;
        if (!params.empty()) sql += entry_values;
        params.insert(params.end(), {e.seq, e.at_ms, e.username, e.role, e.certificate_subject, e.action, e.record,
                                     e.outcome, e.changes, e.prev_hash, e.hash});
    }
    conn_.execute(sql, params);
    conn_.execute(update_head, {entries.back().seq, entries.back().hash});
}

audit_page audit_repository::list(const audit_filter& filter) {
    std::vector<std::string> where;
    std::vector<sql::value> params;
    auto add = [&](const char* condition, sql::value v) {
        where.emplace_back(condition);
        params.push_back(std::move(v));
    };
    if (!filter.username.empty()) add(filter_username, filter.username);
    if (!filter.record.empty()) add(filter_record, filter.record);
    if (!filter.action.empty()) add(filter_action, filter.action);
    if (filter.from_ms) add(filter_from, *filter.from_ms);
    if (filter.to_ms) add(filter_to, *filter.to_ms);
    if (!filter.page_token.empty()) add(filter_before_token, parse_page_token(filter.page_token));

    std::string sql = select_entries;
    for (std::size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    sql += order_newest_first;
    const int page_size = std::clamp(filter.page_size, 1, max_page_size);
    params.emplace_back(std::int64_t{page_size + 1});  // one extra row tells whether a next page exists

    audit_page page;
    for (const auto& r : conn_.query(sql, params)) page.items.push_back(read_entry(r));
    if (page.items.size() > static_cast<std::size_t>(page_size)) {
        page.items.pop_back();
        page.next_page_token = std::to_string(page.items.back().seq);
    }
    return page;
}

std::vector<audit_entry> audit_repository::read_after(std::int64_t after_seq, int limit) {
    std::vector<audit_entry> entries;
    const auto rows =
        conn_.query(std::string(select_entries) + where_after_seq, {after_seq, std::int64_t{std::max(limit, 1)}});
    entries.reserve(rows.size());
    for (const auto& r : rows) entries.push_back(read_entry(r));
    return entries;
}

audit_head audit_repository::head() {
    const auto rows = conn_.query(select_head);
    if (rows.empty()) throw sql::error("audit_head has no row: migration 004 did not run");
    return audit_head{rows[0].get_int64(0), rows[0].get_string(1)};
}

}  // namespace fupin::server::storage
