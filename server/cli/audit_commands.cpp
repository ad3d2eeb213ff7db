#include "server/cli/audit_commands.hpp"

#include <exception>

#include <spdlog/spdlog.h>

#include "server/service/audit_verifier.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/migrate.hpp"

namespace fupin::server {

int audit_verify_command(const std::string& database_url) {
    try {
        auto db = sql::connect(sql::database_url::parse(database_url).for_maintenance());
        storage::migrate(*db);  // an older database gets an empty, valid trail rather than "no such table"
        const auto result = service::audit_verifier().verify(*db);
        if (result.ok) {
            spdlog::info("audit trail intact: {} entries", result.entries_checked);
            return 0;
        }
        spdlog::error("audit trail broken at entry {}: {} ({} entries before it verified): {}", result.first_bad_seq,
                      service::audit_problem_code(result.problem), result.entries_checked, result.message);
        return audit_tampered_exit_code;
    } catch (const std::exception& e) {
        // sql errors carry no password (database_url redacts it) and are meant for the operator.
        spdlog::error("audit verify failed: {}", e.what());
        return 1;
    }
}

}  // namespace fupin::server
