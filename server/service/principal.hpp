#pragma once
// Who makes a request: the logged-in user, and the certificate of the office they connected with.
#include <cstdint>
#include <string>

namespace fupin::server::service {

struct principal {
    std::int64_t user_id = 0;
    std::string username;
    std::string display_name;
    std::string role;       // common::vocabulary::roles
    std::string area_code;  // village (12), township (9) or county (6)
    std::string certificate_subject;
    std::string token_hash;  // of the session this request belongs to
    std::int64_t expires_at_ms = 0;
    std::int64_t idle_expires_at_ms = 0;
};

}  // namespace fupin::server::service
