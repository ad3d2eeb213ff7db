#include "server/cli/backup_commands.hpp"

#include <chrono>
#include <exception>
#include <filesystem>

#include <spdlog/spdlog.h>

#include "server/cli/audit_commands.hpp"
#include "server/service/audit_verifier.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/sqlite_backup.hpp"
#include "server/storage/migrate.hpp"

namespace fupin::server {
namespace {

// The SQLite file of the URL; for another database, why these commands do not apply.
std::string sqlite_path_of(const std::string& database_url, const char* command) {
    const auto url = sql::database_url::parse(database_url);
    if (url.backend != sql::database_url::kind::sqlite || url.sqlite_path == ":memory:")
        throw std::runtime_error(std::string(command) +
                                 " copies a SQLite archive; back up and restore MariaDB with mariadb-backup "
                                 "(scripts/backup-mariadb, docs/operations.md)");
    return url.sqlite_path;
}

// A restored file that is not to be used, with the journal files SQLite keeps beside it.
void remove_archive(const std::string& path) {
    std::error_code ignored;
    for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path + suffix, ignored);
}

std::int64_t elapsed_ms(std::chrono::steady_clock::time_point since) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - since).count();
}

}  // namespace

int backup_command(const std::string& database_url, const std::string& to) {
    try {
        const auto from = sqlite_path_of(database_url, "backup");
        const auto started = std::chrono::steady_clock::now();
        const auto copied = sql::copy_sqlite_database(from, to);
        spdlog::info("backup written to {}: {} pages, {} bytes, in {} ms", to, copied.pages, copied.bytes,
                     elapsed_ms(started));
        return 0;
    } catch (const std::exception& e) {
        spdlog::error("backup failed: {}", e.what());
        return 1;
    }
}

int restore_command(const std::string& database_url, const std::string& from) {
    std::string target;
    bool copied = false;
    try {
        target = sqlite_path_of(database_url, "restore");
        const auto started = std::chrono::steady_clock::now();
        sql::copy_sqlite_database(from, target);
        copied = true;
        auto db = sql::connect(sql::database_url::parse(database_url).for_maintenance());
        const auto applied = storage::migrate(*db);  // a backup of an older release
        const auto audit = service::audit_verifier().verify(*db);
        const auto events = db->query("SELECT (SELECT last_seq FROM event_head WHERE id = 1), "
                                      "(SELECT COALESCE(MAX(seq), 0) FROM events)");
        const auto head = events.at(0).get_int64(0), last = events.at(0).get_int64(1);
        db.reset();
        if (!audit.ok || head != last) {
            remove_archive(target);
            if (!audit.ok)
                spdlog::error("restore refused: the backup's audit trail is broken at entry {}: {}", audit.first_bad_seq,
                              service::audit_problem_code(audit.problem));
            else
                spdlog::error("restore refused: the change feed's head ({}) is not its last event ({})", head, last);
            return audit_tampered_exit_code;
        }
        spdlog::info("restored {} from {} in {} ms: {} audit entries verified, change feed at {}, {} migrations applied",
                     target, from, elapsed_ms(started), audit.entries_checked, last, applied);
        return 0;
    } catch (const std::exception& e) {
        if (copied) remove_archive(target);  // half a restore is no archive
        spdlog::error("restore failed: {}", e.what());
        return 1;
    }
}

}  // namespace fupin::server
