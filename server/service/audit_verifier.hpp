#pragma once
// Walks the whole audit chain in seq order and names the first entry that does not hold, for
// `county-server audit verify`. Reads in batches, so a trail of millions of entries needs little memory.
#include <cstdint>
#include <string>

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

enum class audit_problem {
    none,
    altered,        // the entry's hash is not SHA-256(prev_hash, canonical form): a column was edited
    missing,        // a seq is absent (first_bad_seq names it): the entry was deleted
    broken_link,    // prev_hash differs from the previous entry's hash: entries were deleted or reordered
    head_mismatch,  // audit_head disagrees with the last entry: deleted from the end, or appended behind the app
};

// "ok", "altered", "missing", "broken_link", "head_mismatch": stable, for scripts and logs.
const char* audit_problem_code(audit_problem problem) noexcept;

struct audit_verification {
    bool ok = true;
    std::int64_t entries_checked = 0;
    std::int64_t first_bad_seq = 0;  // 0 when ok
    audit_problem problem = audit_problem::none;
    std::string message;  // one English sentence for the operator
};

class audit_verifier {
public:
    explicit audit_verifier(int batch_size = 1000) : batch_size_(batch_size) {}

    // Reads without a transaction, batch by batch; entries appended meanwhile are checked too, because the
    // head is read after the last batch and the walk goes on while the head is ahead of it. Throws what the
    // SQL layer throws when the database cannot be read.
    audit_verification verify(sql::connection& db) const;

private:
    int batch_size_;
};

}  // namespace fupin::server::service
