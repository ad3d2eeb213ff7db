#include "server/sql/sqlite_backup.hpp"

#include <sqlite3.h>

#include <filesystem>
#include <memory>
#include <chrono>
#include <stdexcept>
#include <thread>

namespace fupin::server::sql {
namespace {

struct closer {
    void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using database = std::unique_ptr<sqlite3, closer>;

database open(const std::string& path, int flags, int busy_timeout_ms) {
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &raw, flags | SQLITE_OPEN_NOMUTEX, nullptr);
    database db(raw);
    if (rc != SQLITE_OK) throw std::runtime_error("cannot open " + path + ": " + sqlite3_errstr(rc));
    sqlite3_busy_timeout(db.get(), busy_timeout_ms);
    return db;
}

// The one answer of a statement that answers one text ("ok", "delete").
std::string single_text(sqlite3* db, const char* sql) {
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        throw std::runtime_error(std::string("the copy cannot be checked: ") + sqlite3_errmsg(db));
    std::string text;
    if (sqlite3_step(stmt) == SQLITE_ROW && sqlite3_column_text(stmt, 0))
        text = reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0));
    sqlite3_finalize(stmt);
    return text;
}

}  // namespace

sqlite_copy_result copy_sqlite_database(const std::string& from, const std::string& to, int busy_timeout_ms) {
    namespace fs = std::filesystem;
    if (!fs::exists(from)) throw std::runtime_error(from + " does not exist");
    if (fs::exists(to)) throw std::runtime_error(to + " exists already: name a new file");
    // A journal left beside the name (an archive moved away without its -wal) would be replayed onto the copy the
    // first time it is opened.
    for (const char* journal : {"-wal", "-shm", "-journal"})
        if (fs::exists(to + journal))
            throw std::runtime_error(to + journal + " exists: move it away with the archive it belongs to");
    const std::string partial = to + ".partial";
    fs::remove(partial);
    sqlite_copy_result result;
    try {
        // Read-write though only read: a reader of a WAL archive takes its read lock in the -shm file.
        auto source = open(from, SQLITE_OPEN_READWRITE, busy_timeout_ms);
        // Not a database at all: read its header before anything is written.
        if (single_text(source.get(), "PRAGMA quick_check(1)") != "ok")
            throw std::runtime_error(from + " is not a whole SQLite database");
        auto target = open(partial, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, busy_timeout_ms);
        sqlite3_backup* backup = sqlite3_backup_init(target.get(), "main", source.get(), "main");
        if (!backup) throw std::runtime_error(std::string("the copy cannot start: ") + sqlite3_errmsg(target.get()));
        // All pages in one step: one read transaction, so one consistent moment of the archive. A step that meets
        // a lock (a checkpoint, a writer in rollback-journal mode) is tried again.
        int rc = SQLITE_OK;
        for (int attempt = 0; attempt < 100; ++attempt) {
            rc = sqlite3_backup_step(backup, -1);
            if (rc != SQLITE_BUSY && rc != SQLITE_LOCKED) break;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        result.pages = sqlite3_backup_pagecount(backup);
        const int finished = sqlite3_backup_finish(backup);
        if (rc != SQLITE_DONE || finished != SQLITE_OK)
            throw std::runtime_error(std::string("the copy failed: ") + sqlite3_errstr(rc != SQLITE_DONE ? rc : finished));
        // One file, without a -wal beside it, and checked whole before it may be called a backup.
        if (single_text(target.get(), "PRAGMA journal_mode = DELETE") != "delete")
            throw std::runtime_error("the copy cannot be made a single file");
        if (const auto check = single_text(target.get(), "PRAGMA integrity_check"); check != "ok")
            throw std::runtime_error("the copy fails its integrity check: " + check);
    } catch (...) {
        std::error_code ignored;
        fs::remove(partial, ignored);
        throw;
    }
    fs::rename(partial, to);
    result.bytes = static_cast<std::int64_t>(fs::file_size(to));
    return result;
}

}  // namespace fupin::server::sql
