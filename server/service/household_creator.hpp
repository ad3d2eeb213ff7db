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
#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/household.hpp"
#include "server/service/area_directory.hpp"
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

    // areas: where the checks find the areas (null: the database). batch: creates written together (off: each
    // in one transaction of its own, checked inside it; server_config::create_path).
    household_creator(clock now, std::shared_ptr<area_directory> areas, bool batch = true);

    // request_hash: a digest of the canonical request, compared when an Idempotency-Key is reused.
    result create(sql::connection& db, const principal& who, common::household input,
                  const std::string& idempotency_key, const std::string& request_hash);

    group_commit_counts counts() const { return batches_.counts(); }
    // Creates whose batch the database refused, written again alone (household_creator.cpp, write()).
    std::uint64_t written_alone() const { return written_alone_.load(); }

private:
    struct pending;
    // At most this many creates per transaction; more wait for the next.
    static constexpr std::size_t max_per_batch = 32;

    // The earlier create of this create's Idempotency-Key, if any; throws api_error for a key reused for another
    // request, or for a file the caller may no longer read.
    static std::optional<result> find_replay(sql::connection& db, const pending& p);
    // The checks against the archive; when they refuse, the key: a replay, or nothing when the create is to be
    // written.
    std::optional<result> check_or_replay(sql::connection& db, pending& p) const;
    // The checks alone (household_checks), filling the file's area names; the areas from the area directory, or
    // from the database when `fresh` (inside a write transaction, where memory could be behind an import).
    void check(sql::connection& db, pending& p, bool fresh = false) const;

    // group_commit's writer: the batch in one transaction. If that fails, nothing of it is written and each
    // create is marked to be written alone by its own caller.
    void write(sql::connection& db, std::span<pending* const> batch);
    // Inside a write transaction, once the outbox head is taken: the areas are still as the creates were checked
    // against (throws, and makes the area directory forget, if not).
    void recheck_areas(sql::connection& db, std::span<pending* const> creates) const;
    // Inserts the files, keys, events and audit entries of checked creates, and rechecks their areas; inside a
    // write transaction.
    std::vector<result> write_rows(sql::connection& db, std::span<pending* const> creates) const;
    // One create in a transaction of its own, checked again inside it; sets its outcome or its error.
    void write_alone(sql::connection& db, pending& p) const;

    clock now_;
    std::shared_ptr<area_directory> areas_;
    bool batch_;
    group_commit<pending> batches_{max_per_batch};
    std::atomic<std::uint64_t> written_alone_{0};
};

}  // namespace fupin::server::service
