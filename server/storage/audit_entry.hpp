#pragma once
// One entry of the audit trail (table audit_log, schema/*/004_audit.sql), and the filter and page of its list.
// Every member has a default initializer, so designated initializers ({.username = …}) compile without
// -Wmissing-field-initializers warnings.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace fupin::server::storage {

struct audit_entry {
    std::int64_t seq = 0;    // set by audit_repository::append: 1, 2, 3, … without gaps
    std::int64_t at_ms = 0;  // UTC milliseconds since the epoch
    std::string username{};  // "" when nobody is known (e.g. a refused request without a session)
    std::string role{};
    std::string certificate_subject{};
    std::string action{};    // "household.update", "session.login_failed", …
    std::string record{};    // "household/12", "user/shimen_clerk", or ""
    std::string outcome{};   // "ok" | "denied" | "failed"
    std::string changes = "{}";  // canonical JSON text (nlohmann dump, keys sorted); never a password or token
    std::string prev_hash{};     // set by append: the previous entry's hash (64 zeros for seq 1)
    std::string hash{};          // set by append: see audit_repository::canonical_form
};

// Filters that are empty (or nullopt) are not applied. from_ms is inclusive, to_ms exclusive.
struct audit_filter {
    std::string username{};
    std::string record{};
    std::string action{};
    std::optional<std::int64_t> from_ms{};
    std::optional<std::int64_t> to_ms{};
    int page_size = 50;        // clamped to 1..200
    std::string page_token{};  // from a previous page's next_page_token; "" for the first page
};

struct audit_page {
    std::vector<audit_entry> items{};  // newest first (seq descending)
    std::string next_page_token{};     // "" on the last page
};

// The end of the chain as the audit_head row records it.
struct audit_head {
    std::int64_t last_seq = 0;
    std::string last_hash{};
};

}  // namespace fupin::server::storage
