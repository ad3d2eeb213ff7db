#pragma once
// Login sessions, known by the SHA-256 of their token.
#include <cstdint>
#include <optional>
#include <string>

#include "server/sql/connection.hpp"
#include "server/storage/user_account.hpp"

namespace fupin::server::storage {

struct session_record {
    std::string token_hash;
    std::int64_t user_id = 0;
    std::string certificate_subject;
    std::int64_t created_at_ms = 0;
    std::int64_t last_seen_ms = 0;
    std::int64_t expires_at_ms = 0;  // absolute expiry
};

class session_repository {
public:
    explicit session_repository(sql::connection& conn) : conn_(conn) {}

    void insert(const session_record& s);
    // The session and its user in one round trip: every authenticated request asks this. The user's
    // password_hash comes back empty.
    struct session_with_user {
        session_record session;
        user_account user;
    };
    std::optional<session_with_user> find_with_user(const std::string& token_hash);
    void touch(const std::string& token_hash, std::int64_t now_ms);
    // Ending sessions names their user's account to the connection's change observer: the session cache
    // forgets that user's sessions (service/session_cache.hpp).
    void remove(const std::string& token_hash, std::int64_t user_id);
    void remove_for_user(std::int64_t user_id);
    // Sessions past their absolute expiry or idle longer than idle_ms; returns how many went.
    std::int64_t remove_expired(std::int64_t now_ms, std::int64_t idle_ms);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
