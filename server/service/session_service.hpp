#pragma once
// Logging in and out, and turning a bearer token into a principal. Tokens are 256 random bits; only their
// SHA-256 is stored. Failed logins are counted per account and per certificate, slowed, then locked; the counts
// fade with time (a certificate's is never wiped by a success). Every decision is audited; every refused login
// gets the same answer, and only the trail says why.
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
#include "server/storage/login_throttle_repository.hpp"

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

    // Throws api_error 401 invalid_credentials (wrong or impossible name, wrong password, account disabled,
    // certificate of another office: told apart only in the trail) or 429 login_locked.
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
    struct admission {
        std::int64_t wait_ms = 0;              // how long the caller must wait first; 0: admitted
        std::vector<std::string> locked_now;   // the counters this attempt locks if it fails
        storage::login_throttle_record certificate_before;   // the certificate's counter before this attempt
        storage::login_throttle_record certificate_counted;  // and with it counted as a failure
    };
    // Whether this attempt may be judged now; if so it is counted as a failure until it succeeds.
    admission admit_attempt(sql::connection& db, const std::string& username, const certificate_identity& certificate,
                            std::int64_t now) const;
    // The failure's audit entry (with its true reason) and any lock it caused, in one transaction.
    void record_failure(sql::connection& db, const std::string& username, const certificate_identity& certificate,
                        const std::vector<std::string>& locked_now, const char* reason, std::int64_t now) const;
    // One failure is forgiven per this many milliseconds since the last (login_lock_period / login_lock_after),
    // so a full count has faded when a lock ends.
    std::int64_t failure_decay_ms() const;

    clock now_;
    const server_config& config_;
    std::shared_ptr<password_hasher> hasher_;
    std::shared_ptr<session_cache> cache_;
};

}  // namespace fupin::server::service
