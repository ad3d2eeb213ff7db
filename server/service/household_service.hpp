#pragma once
// The household file's use cases: create (idempotent), read, update (versioned), list. Each runs in one
// transaction on the caller's connection and enforces what no client can be trusted with: the access policy
// (role and area), the areas existing, a person being in at most one household of the county, and versions.
// Every write appends its audit entry in the same transaction. Creates are the exception to "the caller's
// connection": those that arrive together are written together, in one transaction on one of the callers'
// connections (household_creator.hpp), each still answered on its own.
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "common/household.hpp"
#include "server/service/group_commit.hpp"
#include "server/service/household_creator.hpp"
#include "server/service/household_file_cache.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class household_service {
public:
    using clock = std::function<std::int64_t()>;  // ms since the epoch, UTC

    // files: where reads keep the files they rendered (household_file_cache.hpp); null: every read asks the
    // database. batch_creates: creates that arrive together are written together (household_creator.hpp); off,
    // each in one transaction of its own. observer: what a test watches of the batches (none in the server).
    explicit household_service(clock now, std::shared_ptr<household_file_cache> files = nullptr,
                               bool batch_creates = true, batch_observer* observer = nullptr);

    using create_result = household_creator::result;

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
    // How a use case that changes the file through update() (a member change) names the change and writes its
    // own rows in the same transaction: `also` runs after the file is written, with the file before and after
    // and the transaction's time, and again if the transaction is retried.
    struct update_options {
        std::string audit_action = "household.update";
        std::function<void(sql::connection&, const common::household& before, const common::household& after,
                           std::int64_t now)>
            also;
    };
    common::household update(sql::connection& db, const principal& who, std::int64_t id, common::household input,
                             const update_options& options) const;
    common::household update(sql::connection& db, const principal& who, std::int64_t id, common::household input) const {
        return update(db, who, id, std::move(input), update_options{});
    }
    common::household_page list(sql::connection& db, const principal& who, common::household_filter filter) const;

private:
    clock now_;
    std::shared_ptr<household_file_cache> files_;
    std::shared_ptr<household_creator> creator_;  // shared by copies: one queue of creates per server
};

}  // namespace fupin::server::service
