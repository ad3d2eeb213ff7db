#pragma once
// Creating a household file (POST /api/v1/households), idempotent under an Idempotency-Key.
//
// Creates that arrive while others are being written are written together, in one transaction of a few
// set-based statements (group_commit.hpp): the part of a write that runs one at a time, from the outbox head to
// the commit, is then paid once per batch. To keep that transaction short, each create does everything it can
// on its own connection first, in parallel with the others: validation, the access policy, the checks against
// the archive (areas, people), and rendering its audit entry. A refusal is answered from there, without waiting
// for a batch; so is a replay, which the checks refuse (its people are registered) and its key then finds.
//
// The checks made before the batch can be overtaken by a concurrent write; the database's unique keys (a
// member's ID number, the Idempotency-Key) or the batch's second reading of the areas then refuse the batch,
// nothing of it is written, and each create of it is written alone by its own caller, checked again inside its
// own transaction, and answered as if it had come alone.
//
// What this buys (docs/performance.md, "The create path"): about 1.6 times the creates per second of one
// transaction per create when many arrive at once on MariaDB (a bulk import through the API); nothing at a
// clerk's pace.
#include <cstdint>
#include <functional>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/household.hpp"
#include "server/service/group_commit.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class household_creator {
public:
    using clock = std::function<std::int64_t()>;  // ms since the epoch, UTC

    struct result {
        common::household stored;
        bool replayed = false;  // an earlier create with the same Idempotency-Key made it
    };

    // batch: creates written together (off: each in one transaction of its own, checked inside it;
    // server_config::group_commit). observer: what a test watches of the batches (none in the server).
    explicit household_creator(clock now, bool batch = true, batch_observer* observer = nullptr);

    // request_hash: a digest of the canonical request, compared when an Idempotency-Key is reused.
    result create(sql::connection& db, const principal& who, common::household input,
                  const std::string& idempotency_key, const std::string& request_hash);

private:
    struct pending;
    // The earlier create of this create's Idempotency-Key, if any; throws api_error for a key reused for another
    // request, or for a file the caller may no longer read.
    static std::optional<result> find_replay(sql::connection& db, const pending& p);
    // The checks against the archive; when they refuse, the key: a replay, or nothing when the create is to be
    // written.
    static std::optional<result> check_or_replay(sql::connection& db, pending& p);
    // The checks alone (household_checks), filling the file's area names.
    static void check(sql::connection& db, pending& p);

    // group_commit's writer: the batch in one transaction. If that fails, nothing of it is written and each
    // create is marked to be written alone by its own caller.
    static void write(sql::connection& db, std::span<pending* const> batch);
    // Inside a write transaction, once the outbox head is taken: the areas are still as the creates were checked
    // against (throws if not).
    static void recheck_areas(sql::connection& db, std::span<pending* const> creates);
    // Inserts the files, keys, events and audit entries of checked creates, and rechecks their areas; inside a
    // write transaction.
    static std::vector<result> write_rows(sql::connection& db, std::span<pending* const> creates);
    // One create in a transaction of its own, checked again inside it; sets its outcome or its error.
    static void write_alone(sql::connection& db, pending& p);

    clock now_;
    bool batch_;
    batch_observer* observer_;
    group_commit<pending> batches_;
};

}  // namespace fupin::server::service
