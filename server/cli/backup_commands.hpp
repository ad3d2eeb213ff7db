#pragma once
// `county-server backup` and `county-server restore`: the SQLite archive copied whole while the server runs, and a
// copy made into a new archive again (docs/operations.md, "Backups and restore"). A MySQL-compatible archive is
// backed up with mariadb-backup instead (scripts/backup-mariadb); both commands say so for a mysql:// URL.
#include <string>

namespace fupin::server {

// Copies the archive at `database_url` (sqlite:PATH) to `to`, a new file (sql::copy_sqlite_database), and logs
// its size. 0 when written; 1 otherwise, nothing left at `to`.
int backup_command(const std::string& database_url, const std::string& to);

// Makes `database_url` (sqlite:PATH, which must not exist) from the backup `from`, brings its schema up to date and
// checks it as a restore must: the audit trail's chain and head (audit_verifier) and the change feed's head
// against its last event. 0 when restored and whole; 3 when a check fails (the restored file removed again); 1
// for anything else (nothing written).
int restore_command(const std::string& database_url, const std::string& from);

}  // namespace fupin::server
