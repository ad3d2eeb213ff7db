#pragma once
// The server's caches, made once from its settings (county_server), and the one broadcast that tells each of
// them every change: the database connections report their writes to it, the change feed what it reads in the
// outbox (docs/architecture.md, "Caches").
#include <memory>

#include "server/server_config.hpp"
#include "server/service/change_broadcast.hpp"
#include "server/service/household_file_cache.hpp"
#include "server/service/session_cache.hpp"

namespace fupin::server::service {

struct caches {
    std::shared_ptr<household_file_cache> files;  // files as reads answer them (off: --household-cache-files 0)
    std::shared_ptr<session_cache> sessions;      // a token's look-up (off: --session-cache-ms 0)
    std::shared_ptr<change_broadcast> changes;    // to the caches that are on

    static caches make(const server_config& config);
};

}  // namespace fupin::server::service
