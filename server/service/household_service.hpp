#pragma once
// The household file's use cases: create (idempotent), read, update (versioned), list. Each runs in one
// transaction on the caller's connection and enforces what no client can be trusted with: the access policy
// (role and area), the areas existing, a person being in at most one household of the county, and versions.
// Every write appends its audit entry in the same transaction. Creates that arrive together are the exception
// to "the caller's connection": they are written together, in one transaction on one of the callers'
// connections (group_commit.hpp), each still answered on its own.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <span>
#include <string>

#include "common/area.hpp"
#include "common/household.hpp"
#include "server/service/group_commit.hpp"
#include "server/service/household_file_cache.hpp"
#include "server/service/principal.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class household_service {
public:
    using clock = std::function<std::int64_t()>;  // ms since the epoch, UTC

    // files: where reads keep the files they rendered (household_file_cache.hpp); null: every read asks the
    // database.
    explicit household_service(clock now, std::shared_ptr<household_file_cache> files = nullptr);

    struct create_result {
        common::household stored;
        bool replayed = false;  // an earlier create with the same Idempotency-Key made it
    };

    // request_hash: a digest of the canonical request, compared when an Idempotency-Key is reused.
    create_result create(sql::connection& db, const principal& who, common::household input,
                         const std::string& idempotency_key, const std::string& request_hash) const;
    common::household get(sql::connection& db, const principal& who, std::int64_t id) const;
    // The file as JSON, as a read answers it: from the cache when it holds it, else read (and kept).
    std::shared_ptr<const std::string> get_json(sql::connection& db, const principal& who, std::int64_t id) const;
    // The same from the cache alone, without a database: null when the cache does not hold the file or the
    // access policy refuses it (the caller then asks get_json on a database worker, which answers and audits
    // the refusal as every refusal is).
    std::shared_ptr<const std::string> get_json_from_memory(const principal& who, std::int64_t id) const;
    common::household update(sql::connection& db, const principal& who, std::int64_t id, common::household input) const;
    common::household_page list(sql::connection& db, const principal& who, common::household_filter filter) const;

    // How creates have been batched so far (group_commit.hpp).
    group_commit_counts create_counts() const;

private:
    struct pending_create;
    // Creates that arrive together are written together (group_commit.hpp); more wait for the next batch.
    static constexpr std::size_t max_creates_per_batch = 32;

    // Writes a batch of creates in one transaction; if the database refuses it (two of them name the same
    // person or key, or a concurrent write won a race), each alone. Sets every create's outcome.
    void write_creates(sql::connection& db, std::span<pending_create* const> batch) const;
    // The batch in one transaction. A key used before is replayed; a refused create is left out of it.
    void write_together(sql::connection& db, std::span<pending_create* const> batch) const;

    // What the checks below need, for several files in one query each.
    static std::map<std::string, common::area> areas_of(sql::connection& db,
                                                        std::span<const common::household* const> files);
    static std::map<std::string, storage::person_location> people_of(sql::connection& db,
                                                                     std::span<const common::household* const> files);
    // Checks the three codes and fills the household's area names from them.
    static void check_areas(const std::map<std::string, common::area>& areas, common::household& h);
    // A person belongs to one household: none of h's members may be in another file.
    static void check_people(const std::map<std::string, storage::person_location>& registered, const principal& who,
                             const common::household& h);

    clock now_;
    std::shared_ptr<household_file_cache> files_;
    std::shared_ptr<group_commit<pending_create>> creates_;  // shared by copies: one queue per server
};

}  // namespace fupin::server::service
