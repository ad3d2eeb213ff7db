#pragma once
// Logging in and out, and turning a bearer token into a principal. Tokens are 256 random bits; only their
// SHA-256 is stored. Failed logins are counted per account and per certificate, slowed, then locked. Every
// decision is audited.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "server/service/password_hasher.hpp"
#include "server/service/principal.hpp"
#include "server/service/session_cache.hpp"
#include "server/server_config.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// What a connection proved in its TLS handshake.
struct certificate_identity {
    std::string subject;
    std::string area_code;  // the OU: township (9 digits) or county office (6)
};

struct login_result {
    std::string token;  // given to the client once; never stored or logged
    principal who;
};

class session_service {
public:
    using clock = std::function<std::int64_t()>;

    // `cache` may be null (no caching); otherwise it is shared with the account_service that ends sessions.
    session_service(clock now, const server_config& config, std::shared_ptr<session_cache> cache = nullptr);

    // Throws api_error: 401 invalid_credentials / account_disabled, 403 certificate_mismatch, 429 login_locked.
    login_result login(sql::connection& db, const std::string& username, const std::string& password,
                       const certificate_identity& certificate) const;

    // Throws api_error 401 authentication_required / session_expired / certificate_mismatch.
    principal authenticate(sql::connection& db, const std::string& authorization_header,
                           const certificate_identity& certificate) const;

    // The same from the session cache alone, without a database: a principal only when the cache holds a usable
    // look-up of the token and its last_seen needs no writing yet; otherwise nullopt (ask authenticate() on a
    // database worker, which also decides every refusal).
    std::optional<principal> authenticate_from_memory(const std::string& authorization_header,
                                                      const certificate_identity& certificate) const;

    void logout(sql::connection& db, const principal& who) const;

    std::int64_t idle_timeout_seconds() const { return config_.session_idle_timeout.count() * 60; }

    // Whether a user of `user_area` may work through a certificate of `certificate_area`.
    static bool certificate_fits(const std::string& user_area, const std::string& certificate_area);

private:
    // How long the caller must wait before this attempt may be judged (0: admitted, and counted as a failure
    // until it succeeds); locked_now gets the counters this attempt locks if it fails.
    std::int64_t admit_attempt(sql::connection& db, const std::string& username,
                               const certificate_identity& certificate, std::int64_t now,
                               std::vector<std::string>& locked_now) const;
    void record_failure(sql::connection& db, const std::string& username, const certificate_identity& certificate,
                        const std::vector<std::string>& locked_now, std::int64_t now) const;

    clock now_;
    const server_config& config_;
    std::shared_ptr<password_hasher> hasher_;
    std::shared_ptr<session_cache> cache_;
};

}  // namespace fupin::server::service
