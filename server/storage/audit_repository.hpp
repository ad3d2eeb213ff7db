#pragma once
// The audit trail's table (audit_log) and the end of its hash chain (audit_head). Written once over
// sql::connection for both backends. No method begins or commits a transaction.
//
// The chain. Each entry's hash is
//     hash = lowercase hex SHA-256( prev_hash + "\n" + canonical_form(entry) )
// where prev_hash is the previous entry's hash (64 '0' characters for seq 1) and the canonical form is the
// compact JSON text (nlohmann::json::dump(), keys in nlohmann's sorted order, UTF-8 not escaped) of the object
//     {"action": text, "at_ms": integer, "certificate_subject": text, "changes": text, "outcome": text,
//      "record": text, "role": text, "seq": integer, "username": text}
// "changes" is the stored changes column as a JSON *string* (its exact bytes), not as a nested object, so that
// any edit of that column, even one that keeps the same JSON meaning, changes the hash. prev_hash and hash are
// not in the canonical form (prev_hash is covered by the hash input). audit_verifier recomputes exactly this.
//
// append() makes the stored text equal to what it hashes: text columns are cut to their column widths (in
// characters, at a character boundary) and ill-formed UTF-8 is replaced by U+FFFD before hashing, so a row the
// app wrote always re-hashes to its stored hash.
#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "server/storage/audit_entry.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class audit_repository {
public:
    explicit audit_repository(sql::connection& conn) : conn_(conn) {}

    // Appends e at the end of the chain: locks the audit_head row, sets e.seq = last_seq + 1, e.prev_hash =
    // last_hash and e.hash, inserts the entry and moves the head. Must run inside the caller's write
    // transaction, the same one as the change it describes, so both commit or neither does; the head lock
    // (FOR UPDATE on MySQL, the write lock on SQLite) holds other appenders until that commit, which keeps seq
    // without gaps and in commit order. Throws std::logic_error outside a transaction, std::invalid_argument
    // for an outcome other than ok/denied/failed or changes that are not a JSON object, and what the
    // backend throws (sql::retryable_error: run the whole transaction again).
    void append(audit_entry& e);

    // append() in two halves, for the writes that run most often. prepare() checks the outcome and puts the
    // entry in the form it is stored and hashed in (canonical JSON, texts cut to their columns), and throws
    // what append() throws for a bad entry; it needs no database, so it runs before the transaction takes the
    // outbox head, from where to the commit writes run one at a time. append_prepared() appends such an entry.
    static void prepare(audit_entry& e);
    // prepare() for changes that are already canonical: the text nlohmann's dump() made of a JSON object (as
    // audit_trail makes it). Skips parsing and dumping them once more.
    static void prepare_canonical(audit_entry& e);
    void append_prepared(audit_entry& e);
    // Prepared entries appended in order, chained, in one INSERT (three statements however many they are).
    void append_all_prepared(std::span<audit_entry> entries);

    // Newest first (seq descending), keyset-paged on seq. Throws std::invalid_argument for a page_token that
    // this repository did not make.
    audit_page list(const audit_filter& filter);

    // Up to `limit` entries with seq > after_seq, in seq order: the verifier's batches.
    std::vector<audit_entry> read_after(std::int64_t after_seq, int limit);

    audit_head head();

    // See the top of this file. Throws nlohmann::json::type_error when a text field is not valid UTF-8 (the
    // app never stores such text, so the verifier reports that entry as altered).
    static std::string canonical_form(const audit_entry& e);
    // Lowercase hex SHA-256 of prev_hash + "\n" + canonical_form(e).
    static std::string compute_hash(const audit_entry& e);

    static constexpr const char* genesis_hash = "0000000000000000000000000000000000000000000000000000000000000000";
    static constexpr int max_page_size = 200;

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
