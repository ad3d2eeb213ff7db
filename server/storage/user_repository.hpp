#pragma once
#include <optional>
#include <string>
#include <vector>

#include "server/sql/connection.hpp"
#include "server/storage/user_account.hpp"

namespace fupin::server::storage {

class user_repository {
public:
    explicit user_repository(sql::connection& conn) : conn_(conn) {}

    // Sets u.id. Throws sql::constraint_violation when the username is taken.
    void insert(user_account& u);
    std::optional<user_account> find(const std::string& username);
    std::optional<user_account> find_by_id(std::int64_t id);
    // find(), locking the row until the transaction ends (MySQL; SQLite's write transaction holds the file):
    // a read-modify-write of an account must not lose a concurrent one (a disable and a reset at once).
    std::optional<user_account> find_for_update(const std::string& username);
    std::vector<user_account> list();
    // Writes display_name, role, area_code, disabled, password_hash and updated_at_ms of u (by id).
    void update(const user_account& u);
    std::int64_t count();

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
