#pragma once
// The one door services use to write the audit trail (docs/protocol.md, "The audit trail").
//   - record(): inside the use case's own write transaction, so the entry commits with the change it
//     describes, or not at all.
//   - record_in_own_transaction(): for what must be on record although the request fails and its transaction
//     rolls back: denials (access.denied), failed logins, lock-outs. Runs after that rollback, outside any
//     transaction, in a write transaction of its own.
// changes must already be masked (audit_diff builds them); no password or token may be passed in any field.
#include <cstdint>
#include <span>
#include <string>

#include <nlohmann/json.hpp>

#include "server/service/principal.hpp"
#include "server/storage/audit_entry.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// Who acted. For a failed login the username is the one that was tried (cut to 64 characters when stored)
// and the role is "".
struct audit_actor {
    std::string username;
    std::string role;
    std::string certificate_subject;

    // A logged-in user, as the trail names them.
    static audit_actor of(const principal& who) { return {who.username, who.role, who.certificate_subject}; }
};

class audit_trail {
public:
    // Appends one entry on db, which must be inside a write transaction (std::logic_error otherwise).
    // outcome: "ok" | "denied" | "failed"; changes: a JSON object ({} or null for none).
    // Throws what audit_repository::append throws; sql::retryable_error means: run the transaction again.
    static void record(sql::connection& db, const audit_actor& actor, std::string action, std::string record,
                       std::string outcome, nlohmann::json changes, std::int64_t now_ms);

    // record() in two halves, for the writes that run most often: prepare() does the JSON work and needs no
    // database, so it can run before the transaction takes the outbox head (from there to the commit, writes
    // run one at a time); append() then appends the entry as record() does.
    static storage::audit_entry prepare(const audit_actor& actor, std::string action, std::string record,
                                        std::string outcome, const nlohmann::json& changes, std::int64_t now_ms);
    static void append(sql::connection& db, storage::audit_entry& entry);
    // Several prepared entries, in order, in one statement (a batch of creates).
    static void append_all(sql::connection& db, std::span<storage::audit_entry> entries);

    // The same in a write transaction of its own, retried on deadlock/busy (run_in_transaction), and committed
    // before it returns. db must not be inside a transaction (std::logic_error otherwise): the failing
    // request's transaction must have been rolled back first, or the entry would be rolled back with it.
    static void record_in_own_transaction(sql::connection& db, const audit_actor& actor, std::string action,
                                          std::string record, std::string outcome, nlohmann::json changes,
                                          std::int64_t now_ms);
};

}  // namespace fupin::server::service
