#pragma once
// The schema migrations compiled into the binary from schema/<backend>/NNN_name.sql (see
// embed_migrations.cmake), so the server needs no schema path at run time.
#include <span>
#include <string_view>

#include "server/sql/connection.hpp"

namespace fupin::server::storage {

struct migration {
    int version;
    std::string_view name;
    std::string_view sql;  // one or more statements separated by ';'
};

// In ascending version order; the two backends have the same versions.
std::span<const migration> embedded_migrations(sql::dialect d);

}  // namespace fupin::server::storage
