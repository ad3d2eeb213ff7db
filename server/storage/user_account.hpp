#pragma once
// A user of the archive as stored: who, which role, which area. The password is only ever its Argon2id hash.
#include <cstdint>
#include <string>

namespace fupin::server::storage {

struct user_account {
    std::int64_t id = 0;
    std::string username;
    std::string display_name;
    std::string role;       // common::vocabulary::roles
    std::string area_code;  // a village (12 digits), township (9) or the county (6)
    std::string password_hash;
    bool disabled = false;
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;
};

}  // namespace fupin::server::storage
