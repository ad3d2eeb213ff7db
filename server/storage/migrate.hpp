#pragma once
// Brings a database up to the schema this binary was built with.
#include <stdexcept>

#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// The database was migrated by a newer binary; running an older one against it could corrupt data.
class schema_too_new : public std::runtime_error {
public:
    schema_too_new(int database_version, int binary_version);
    int database_version() const noexcept { return database_version_; }
    int binary_version() const noexcept { return binary_version_; }

private:
    int database_version_;
    int binary_version_;
};

// Applies each missing migration in order and records it in schema_version (created by migration 001).
// SQLite: each migration and its record commit together. MySQL: DDL commits on its own, so the statements
// are written to be re-runnable, and a named lock (GET_LOCK) keeps two starting servers from racing.
// Returns how many migrations were applied (0 when up to date). Must not be called inside a transaction.
// Throws schema_too_new, or sql::error when a statement fails.
int migrate(sql::connection& conn);

// The highest version recorded in the database, 0 for an empty database.
int schema_version(sql::connection& conn);

}  // namespace fupin::server::storage
