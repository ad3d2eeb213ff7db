#pragma once
// The accounts of the county: made, changed, disabled and given new passwords by county administrators through
// the API, or by the server machine's operator with `county-server admin user …`. Each change is audited.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/service/password_hasher.hpp"
#include "server/service/principal.hpp"
#include "server/storage/user_account.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

struct new_account {
    std::string username;
    std::string display_name;
    std::string role;
    std::string area_code;
    std::string password;
};

struct account_changes {
    std::optional<std::string> display_name;
    std::optional<std::string> role;
    std::optional<std::string> area_code;
    std::optional<bool> disabled;
};

class account_service {
public:
    using clock = std::function<std::int64_t()>;

    // A change to an account reaches the session cache by itself: user_repository and session_repository name
    // the account to the connection (service/change_broadcast.hpp).
    account_service(clock now, argon2_cost cost);

    // 3 to 32 of a-z 0-9 _ . -
    static bool valid_username(std::string_view username);
    // Minimum length, not the username. Throws api_error 422 weak_password naming "password".
    static void check_password(const std::string& username, const std::string& password);

    storage::user_account create(sql::connection& db, const principal& who, const new_account& account) const;
    storage::user_account update(sql::connection& db, const principal& who, const std::string& username,
                                 const account_changes& changes) const;
    // Also ends the user's sessions.
    void reset_password(sql::connection& db, const principal& who, const std::string& username,
                        const std::string& password) const;
    std::vector<storage::user_account> list(sql::connection& db, const principal& who) const;

private:
    void check_role_and_area(sql::connection& db, const std::string& role, const std::string& area_code) const;

    clock now_;
    password_hasher hasher_;
};

}  // namespace fupin::server::service
