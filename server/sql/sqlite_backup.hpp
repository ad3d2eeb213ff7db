#pragma once
// A SQLite archive copied whole while the server writes it, through SQLite's online backup API: the copy is the
// archive as one read transaction saw it (in WAL mode the writers carry on meanwhile), so every write committed
// before the copy began is in it and none is half in it. The copy goes to FILE.partial, is checked
// (PRAGMA integrity_check), made a single self-contained file (journal_mode DELETE) and only then renamed to FILE:
// a copy that fails leaves nothing that looks like a backup.
#include <cstdint>
#include <string>

namespace fupin::server::sql {

struct sqlite_copy_result {
    std::int64_t pages = 0;
    std::int64_t bytes = 0;
};

// Copies the database at `from` to `to`, which must not exist, nor a journal beside it (std::runtime_error
// otherwise, and when `from` is not a SQLite database, or the copy fails its check). Waits for a writer's lock as a
// connection does (busy timeout), at most `busy_timeout_ms` each time.
sqlite_copy_result copy_sqlite_database(const std::string& from, const std::string& to, int busy_timeout_ms = 5000);

}  // namespace fupin::server::sql
