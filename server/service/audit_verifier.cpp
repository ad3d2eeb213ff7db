#include "server/service/audit_verifier.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "server/storage/audit_repository.hpp"

namespace fupin::server::service {
namespace {

audit_verification bad(std::int64_t checked, std::int64_t seq, audit_problem problem, std::string message) {
    return audit_verification{false, checked, seq, problem, std::move(message)};
}

}  // namespace

const char* audit_problem_code(audit_problem problem) noexcept {
    switch (problem) {
        case audit_problem::none: return "ok";
        case audit_problem::altered: return "altered";
        case audit_problem::missing: return "missing";
        case audit_problem::broken_link: return "broken_link";
        case audit_problem::head_mismatch: return "head_mismatch";
    }
    return "unknown";
}

audit_verification audit_verifier::verify(sql::connection& db) const {
    storage::audit_repository repo(db);
    std::int64_t checked = 0;
    std::int64_t last_seq = 0;
    std::string last_hash = storage::audit_repository::genesis_hash;

    for (;;) {
        bool progressed = false;
        for (;;) {
            const auto batch = repo.read_after(last_seq, batch_size_);
            if (batch.empty()) break;
            progressed = true;
            for (const auto& e : batch) {
                // Order of the checks: a gap first (the entry that is gone is the first bad one), then the link
                // (a moved row carries another entry's prev_hash: reordered), then the entry's own hash.
                if (e.seq != last_seq + 1)
                    return bad(checked, last_seq + 1, audit_problem::missing,
                               fmt::format("entry {} is missing (deleted): after {} comes {}", last_seq + 1,
                                           last_seq, e.seq));
                if (e.prev_hash != last_hash)
                    return bad(checked, e.seq, audit_problem::broken_link,
                               fmt::format("entry {} does not follow entry {} (prev_hash differs): entries were "
                                           "deleted or reordered",
                                           e.seq, last_seq));
                std::string expected;
                try {
                    expected = storage::audit_repository::compute_hash(e);
                } catch (const nlohmann::json::exception&) {
                    // Ill-formed UTF-8: the app never stores it, so someone wrote it directly.
                }
                if (expected != e.hash)
                    return bad(checked, e.seq, audit_problem::altered,
                               fmt::format("entry {} was altered: its content does not match its hash", e.seq));
                ++checked;
                last_seq = e.seq;
                last_hash = e.hash;
            }
        }
        // Read after the walk: an entry and its head update commit together, so a head ahead of the walk means
        // entries committed meanwhile; walk on. A head ahead with nothing new to read means entries were removed.
        const auto head = repo.head();
        if (head.last_seq > last_seq && progressed) continue;
        if (head.last_seq > last_seq)
            return bad(checked, last_seq + 1, audit_problem::head_mismatch,
                       fmt::format("the trail ends at entry {} but its head records {}: entries {}..{} were deleted",
                                   last_seq, head.last_seq, last_seq + 1, head.last_seq));
        if (head.last_seq < last_seq)
            return bad(checked, head.last_seq + 1, audit_problem::head_mismatch,
                       fmt::format("entries {}..{} lie beyond the head ({}): appended outside the server",
                                   head.last_seq + 1, last_seq, head.last_seq));
        if (head.last_hash != last_hash)
            return bad(checked, last_seq, audit_problem::head_mismatch,
                       fmt::format("the head's hash differs from entry {}'s hash", last_seq));
        return audit_verification{true, checked, 0, audit_problem::none,
                                  fmt::format("audit trail intact: {} entries", checked)};
    }
}

}  // namespace fupin::server::service
