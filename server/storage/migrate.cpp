#include "server/storage/migrate.hpp"

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include <fmt/format.h>
#include <spdlog/spdlog.h>

#include "server/storage/migration.hpp"
#include "server/sql/error.hpp"
#include "server/sql/transaction.hpp"

namespace fupin::server::storage {
namespace {

constexpr const char* sqlite_has_version_table =
    "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'";
constexpr const char* mysql_has_version_table =
    "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = DATABASE() AND table_name = 'schema_version'";
constexpr const char* max_version = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
constexpr const char* record_version = "INSERT INTO schema_version (version, name, applied_at_ms) VALUES (?, ?, ?)";
constexpr const char* mysql_take_lock = "SELECT GET_LOCK('fupin_archive_migrate', 60)";
constexpr const char* mysql_release_lock = "SELECT RELEASE_LOCK('fupin_archive_migrate')";

std::int64_t now_ms() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

// A SQLite migration that makes a table again to change its constraints (SQLite cannot alter them) starts with
// this line. It runs with foreign keys off, which SQLite only allows outside a transaction: dropping the old
// table would otherwise take its children's rows with it, or refuse. Before its commit every foreign key is
// checked again, so a copy that lost a parent row is rolled back.
constexpr std::string_view rebuilds_tables_marker = "-- rebuilds tables";

bool rebuilds_tables(const migration& m) { return m.sql.substr(0, rebuilds_tables_marker.size()) == rebuilds_tables_marker; }

// Foreign keys off for one migration, on again whatever happens.
class foreign_keys_off {
public:
    explicit foreign_keys_off(sql::connection& conn) : conn_(conn) { conn_.execute_script("PRAGMA foreign_keys = OFF"); }
    ~foreign_keys_off() {
        try {
            conn_.execute_script("PRAGMA foreign_keys = ON");
        } catch (const std::exception& e) {
            spdlog::error("migrate: turning foreign keys on again failed: {}", e.what());
        }
    }
    foreign_keys_off(const foreign_keys_off&) = delete;
    foreign_keys_off& operator=(const foreign_keys_off&) = delete;

private:
    sql::connection& conn_;
};

int binary_version(sql::dialect d) {
    const auto list = embedded_migrations(d);
    return list.empty() ? 0 : list.back().version;
}

// Holds MySQL's named lock for the whole run so two servers starting together apply each migration once.
class mysql_migrate_lock {
public:
    explicit mysql_migrate_lock(sql::connection& conn) : conn_(conn) {
        if (conn_.dialect() != sql::dialect::mysql) return;
        const auto rows = conn_.query(mysql_take_lock);
        if (rows.empty() || rows[0].is_null(0) || rows[0].get_int64(0) != 1)
            throw sql::error("migrate: another process held the migration lock for 60 s");
        held_ = true;
    }
    ~mysql_migrate_lock() {
        if (!held_) return;
        try {
            conn_.query(mysql_release_lock);
        } catch (const std::exception& e) {
            spdlog::warn("migrate: releasing the migration lock failed: {}", e.what());
        }
    }
    mysql_migrate_lock(const mysql_migrate_lock&) = delete;
    mysql_migrate_lock& operator=(const mysql_migrate_lock&) = delete;

private:
    sql::connection& conn_;
    bool held_ = false;
};

void check_not_too_new(int database, sql::dialect d) {
    if (database > binary_version(d)) throw schema_too_new(database, binary_version(d));
}

}  // namespace

schema_too_new::schema_too_new(int database_version, int binary_version)
    : std::runtime_error(fmt::format(
          "the database schema is at version {}, newer than this program's {}; run a newer county-server",
          database_version, binary_version)),
      database_version_(database_version),
      binary_version_(binary_version) {}

int schema_version(sql::connection& conn) {
    const bool mysql = conn.dialect() == sql::dialect::mysql;
    const auto exists = conn.query(mysql ? mysql_has_version_table : sqlite_has_version_table);
    if (exists.at(0).get_int64(0) == 0) return 0;
    return static_cast<int>(conn.query(max_version).at(0).get_int64(0));
}

int migrate(sql::connection& conn) {
    if (conn.in_transaction()) throw sql::error("migrate: called inside a transaction");
    const sql::dialect d = conn.dialect();
    mysql_migrate_lock lock(conn);
    check_not_too_new(schema_version(conn), d);

    int applied = 0;
    for (const migration& m : embedded_migrations(d)) {
        if (d == sql::dialect::sqlite) {
            std::optional<foreign_keys_off> keys_off;
            if (rebuilds_tables(m)) keys_off.emplace(conn);
            // DDL is transactional in SQLite: the migration and its record commit together or not at all.
            sql::transaction tx(conn, sql::tx_mode::write);
            const int current = schema_version(conn);  // another process may have got here first
            check_not_too_new(current, d);
            if (m.version <= current) continue;
            conn.execute_script(m.sql);
            if (keys_off) {
                // The whole database is checked: a row left without its parent by an earlier fault would fail
                // the next start anyway; its table is named so an operator can find it.
                std::string tables;
                for (const auto& r : conn.query("PRAGMA foreign_key_check"))
                    if (tables.find(r.get_string(0)) == std::string::npos) tables += " " + r.get_string(0);
                if (!tables.empty())
                    throw sql::error(fmt::format("migrate: {:03}_{} found rows without their parent in:{}", m.version,
                                                 m.name, tables));
            }
            conn.execute(record_version, {std::int64_t{m.version}, std::string(m.name), now_ms()});
            tx.commit();
        } else {
            if (m.version <= schema_version(conn)) continue;
            conn.execute_script(m.sql);  // commits statement by statement; re-runnable by design
            conn.execute(record_version, {std::int64_t{m.version}, std::string(m.name), now_ms()});
        }
        spdlog::info("schema migration {:03}_{} applied ({})", m.version, m.name, conn.backend_name());
        ++applied;
    }
    return applied;
}

}  // namespace fupin::server::storage
