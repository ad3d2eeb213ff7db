#include "server/service/session_service.hpp"

#include <array>

#include <spdlog/spdlog.h>

#include <algorithm>

#include "common/api_error.hpp"
#include "server/service/account_service.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/digest.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/login_throttle_repository.hpp"
#include "server/sql/error.hpp"
#include "server/storage/session_repository.hpp"
#include "server/storage/user_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
constexpr std::int64_t touch_interval_ms = 30'000;  // last_seen is written at most this often per session
constexpr std::size_t token_bytes = 32;

std::int64_t ms(std::chrono::minutes m) { return std::chrono::duration_cast<std::chrono::milliseconds>(m).count(); }

std::string account_key(const std::string& username) { return "user:" + username.substr(0, 64); }
std::string certificate_key(const certificate_identity& c) { return "cert:" + c.subject.substr(0, 500); }

// An attempted username goes into the trail and the log only when it could be a username at all: a password
// typed into the name field must not end up there.
audit_actor attempt_actor(const std::string& username, const certificate_identity& c) {
    return audit_actor{account_service::valid_username(username) ? username : "(invalid)", "", c.subject};
}

// The one answer to every refused login that got as far as the password (and to impossible names).
api_error invalid_credentials() {
    return api_error(401, "invalid_credentials", "用户名或密码错误,或该账号已停用、不能在本单位的电脑上登录",
                     "wrong username or password, or the account is disabled or not of this office");
}

api_error session_expired() {
    return api_error(401, "session_expired", "登录已过期或无效,请重新登录", "your session has expired; log in again");
}

principal to_principal(const storage::user_account& u, const storage::session_record& s, std::int64_t idle_ms) {
    principal p;
    p.user_id = u.id;
    p.username = u.username;
    p.display_name = u.display_name;
    p.role = u.role;
    p.area_code = u.area_code;
    p.certificate_subject = s.certificate_subject;
    p.token_hash = s.token_hash;
    p.expires_at_ms = s.expires_at_ms;
    p.idle_expires_at_ms = std::min(s.expires_at_ms, s.last_seen_ms + idle_ms);
    return p;
}

}  // namespace

session_service::session_service(clock now, const server_config& config, std::shared_ptr<session_cache> cache)
    : now_(std::move(now)),
      config_(config),
      hasher_(std::make_shared<password_hasher>(
          argon2_cost{config.argon2_iterations, config.argon2_memory_kib, 1})),
      cache_(std::move(cache)) {}

bool session_service::certificate_fits(const std::string& user_area, const std::string& certificate_area) {
    if (user_area.size() == 6) return certificate_area == user_area;  // county users: the county office
    return certificate_area.size() == 9 && user_area.compare(0, 9, certificate_area) == 0;
}

session_service::admission session_service::admit_attempt(sql::connection& db, const std::string& username,
                                                          const certificate_identity& certificate,
                                                          std::int64_t now) const {
    // One transaction locks both counters, checks them, and counts this attempt as a failure in advance (a
    // success takes it back): concurrent guesses are counted one by one, none slips past the check.
    admission a;
    const std::array<std::string, 2> keys{account_key(username), certificate_key(certificate)};
    // The counters' rows are made first, in a transaction of their own: on MariaDB an INSERT IGNORE that meets
    // an existing row takes a shared lock, and parallel guesses upgrading it to FOR UPDATE deadlock one another
    // again and again. Then every attempt locks the two existing rows in the same order.
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::login_throttle_repository throttle(db);
        for (const auto& key : keys) throttle.ensure(key);
    });
    const std::int64_t decay_ms = failure_decay_ms();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        a = admission{};
        storage::login_throttle_repository throttle(db);
        std::vector<storage::login_throttle_record> records;
        for (const auto& key : keys) {
            auto r = throttle.find_for_update(key).value_or(storage::login_throttle_record{key, 0, 0, 0});
            if (r.locked_until_ms > now) {
                a.wait_ms = std::max(a.wait_ms, r.locked_until_ms - now);
            } else if (r.failures > 0) {
                // Failures fade, one per decay period since the last (the clock moves on by the periods used,
                // so no part of one is lost): a success does not wipe a certificate's count, so guesses mixed
                // with one's own logins still add up (password spraying), while an office's occasional typos
                // are forgotten within the lock period.
                // (A clock that went back, here or on another server process, fades nothing.)
                const std::int64_t since = std::max<std::int64_t>(0, now - r.last_failure_ms);
                const std::int64_t faded = decay_ms > 0 ? std::min<std::int64_t>(r.failures, since / decay_ms) : r.failures;
                r.failures -= static_cast<int>(faded);
                r.last_failure_ms += faded * decay_ms;
            }
            if (r.failures >= config_.login_slow_after) {
                const std::int64_t backoff = 1000LL << std::min(r.failures - config_.login_slow_after, 20);
                a.wait_ms = std::max(a.wait_ms, r.last_failure_ms + backoff - now);
            }
            records.push_back(r);
        }
        if (a.wait_ms > 0) return;
        a.certificate_before = records.back();
        for (auto& r : records) {
            ++r.failures;
            r.last_failure_ms = now;
            if (r.failures >= config_.login_lock_after) {
                r.locked_until_ms = now + ms(config_.login_lock_period);
                a.locked_now.push_back(r.key);
            }
            throttle.save(r);
        }
        a.certificate_counted = records.back();
    });
    return a;
}

std::int64_t session_service::failure_decay_ms() const {
    return ms(config_.login_lock_period) / std::max(1, config_.login_lock_after);
}

login_result session_service::login(sql::connection& db, const std::string& username, const std::string& password,
                                    const certificate_identity& certificate) const {
    // A name the username rules exclude cannot be an account: refused before anything is written, so junk
    // names neither fill the throttle table nor reach the trail.
    if (!account_service::valid_username(username)) throw invalid_credentials();
    const auto now = now_();
    const auto admitted = admit_attempt(db, username, certificate, now);
    if (const auto wait_ms = admitted.wait_ms; wait_ms > 0) {
        // Refused before the password is looked at. Not audited one by one: the lock itself is, and a locked
        // name must not let anyone flood the trail.
        const int seconds = static_cast<int>((wait_ms + 999) / 1000);
        throw api_error(429, "login_locked",
                        "登录失败次数过多,请 " + std::to_string((seconds + 59) / 60) + " 分钟后再试",
                        "too many failed logins; try again in " + std::to_string(seconds) + " seconds")
            .with_retry_after(seconds);
    }

    auto user = run_in_transaction(db, sql::tx_mode::read, [&] { return storage::user_repository(db).find(username); });
    const bool password_ok = user ? hasher_->verify(password, user->password_hash)
                                  : (hasher_->waste_a_verify(password), false);
    // Every refusal past this point is one answer, after the same work (one verify, one audit transaction), so
    // that neither the answer nor its time tells a right password from a wrong one: only the trail says why.
    const char* reason = !password_ok                                              ? "invalid_credentials"
                         : user->disabled                                          ? "account_disabled"
                         : !certificate_fits(user->area_code, certificate.area_code) ? "certificate_mismatch"
                                                                                     : nullptr;
    if (reason) {
        record_failure(db, username, certificate, admitted.locked_now, reason, now);
        throw invalid_credentials();
    }

    login_result result;
    result.token = random_hex(token_bytes);
    storage::session_record session{sha256_hex(result.token), user->id,           certificate.subject, now, now,
                                    now + ms(config_.session_lifetime)};
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::login_throttle_repository throttle(db);
        // The account's owner has proved its password: its count starts again. The certificate's keeps what it
        // had before this attempt (the failure counted in advance is taken back) and only fades with time.
        throttle.clear(account_key(username));
        throttle.take_back(admitted.certificate_counted, admitted.certificate_before);
        storage::session_repository sessions(db);
        sessions.remove_expired(now, ms(config_.session_idle_timeout));
        sessions.insert(session);
        audit_trail::record(db, audit_actor{user->username, user->role, certificate.subject}, "session.login",
                            "user/" + user->username, "ok", nullptr, now);
    });
    // Counters that have faded away and hold no lock are of no use any more; ageing them out here keeps the
    // table as small as the recent failures (its own statement: it must not hold the rows the login locked).
    // Housekeeping after the login has committed: a full disk must not turn that login into a refusal.
    try {
        run_in_transaction(db, sql::tx_mode::write, [&] {
            storage::login_throttle_repository(db).remove_faded(now - ms(config_.login_lock_period), now);
        });
    } catch (const sql::storage_full& e) {
        spdlog::warn("login: faded throttle rows kept, the database is full: {}", e.what());
    }
    result.who = to_principal(*user, session, ms(config_.session_idle_timeout));
    return result;
}

void session_service::record_failure(sql::connection& db, const std::string& username,
                                     const certificate_identity& certificate,
                                     const std::vector<std::string>& locked_now, const char* reason,
                                     std::int64_t now) const {
    const auto actor = attempt_actor(username, certificate);
    run_in_transaction(db, sql::tx_mode::write, [&] {
        for (const auto& key : locked_now) {
            const bool account = key.compare(0, 5, "user:") == 0;
            spdlog::warn("login locked for {} minutes: {} {} after {} failed logins", config_.login_lock_period.count(),
                         account ? "account" : "certificate", account ? actor.username : certificate.subject,
                         config_.login_lock_after);
            audit_trail::record(db, actor, "session.locked", account ? "user/" + actor.username : "certificate",
                                "denied", {{"failures", config_.login_lock_after}}, now);
        }
        audit_trail::record(db, actor, "session.login_failed", "user/" + actor.username, "failed",
                            {{"reason", reason}}, now);
    });
}

namespace {

// A cached look-up that may answer: not expired, not idle too long, the user enabled, the same certificate.
bool usable(const storage::session_repository::session_with_user& s, const certificate_identity& certificate,
            std::int64_t now, std::int64_t idle_ms) {
    return now < s.session.expires_at_ms && now < s.session.last_seen_ms + idle_ms && !s.user.disabled &&
           s.session.certificate_subject == certificate.subject;
}

constexpr std::string_view bearer = "Bearer ";

}  // namespace

principal session_service::authenticate(sql::connection& db, const std::string& authorization_header,
                                        const certificate_identity& certificate) const {
    if (authorization_header.empty())
        throw api_error(401, "authentication_required", "请先登录", "log in first");
    if (authorization_header.compare(0, bearer.size(), bearer) != 0)
        throw api_error(401, "authentication_required", "请先登录", "log in first");
    if (authorization_header.size() != bearer.size() + 2 * token_bytes) throw session_expired();
    const auto now = now_();
    const auto idle_ms = ms(config_.session_idle_timeout);
    const auto token_hash = sha256_hex(std::string_view(authorization_header).substr(bearer.size()));
    storage::session_repository sessions(db);
    // A cached look-up answers only a yes: every refusal is decided on what the database holds now (another
    // process may have kept the session alive, or ended it).
    auto found = cache_ ? cache_->find(token_hash) : std::nullopt;
    if (!found || !usable(*found, certificate, now, idle_ms)) {
        const auto ticket = cache_ ? cache_->before_read() : 0;
        found = sessions.find_with_user(token_hash);
        if (!found) throw session_expired();
        const auto& session = found->session;
        if (now >= session.expires_at_ms || now >= session.last_seen_ms + idle_ms || found->user.disabled) {
            try {
                sessions.remove(token_hash, found->user.id);
            } catch (const sql::storage_full& e) {  // it is refused all the same; the row goes with the next login
                spdlog::warn("an ended session's row kept, the database is full: {}", e.what());
            }
            throw session_expired();
        }
        if (session.certificate_subject != certificate.subject)
            throw api_error(401, "certificate_mismatch", "该登录凭据属于另一台办公电脑的证书,请重新登录",
                            "this session belongs to another office certificate; log in again");
        if (cache_) cache_->store(*found, ticket);
    }
    auto& session = found->session;
    if (now - session.last_seen_ms >= touch_interval_ms) {
        // Outside any transaction, and not worth a refusal: on a full disk reads go on, the session not kept alive.
        try {
            sessions.touch(token_hash, now);
            session.last_seen_ms = now;
            if (cache_) cache_->touched(token_hash, now);
        } catch (const sql::storage_full& e) {
            spdlog::warn("a session's last use not recorded, the database is full: {}", e.what());
        }
    }
    return to_principal(found->user, session, idle_ms);
}

std::optional<principal> session_service::authenticate_from_memory(const std::string& authorization_header,
                                                                  const certificate_identity& certificate) const {
    if (!cache_ || !cache_->enabled() || authorization_header.size() != bearer.size() + 2 * token_bytes ||
        authorization_header.compare(0, bearer.size(), bearer) != 0)
        return std::nullopt;
    const auto now = now_();
    const auto idle_ms = ms(config_.session_idle_timeout);
    const auto found = cache_->find(sha256_hex(std::string_view(authorization_header).substr(bearer.size())));
    // A session due for its touch (last_seen written) goes to the database as well.
    if (!found || !usable(*found, certificate, now, idle_ms) || now - found->session.last_seen_ms >= touch_interval_ms)
        return std::nullopt;
    return to_principal(found->user, found->session, idle_ms);
}

void session_service::logout(sql::connection& db, const principal& who) const {
    const auto now = now_();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::session_repository(db).remove(who.token_hash, who.user_id);
        audit_trail::record(db, audit_actor::of(who), "session.logout",
                            "user/" + who.username, "ok", nullptr, now);
    });
}

}  // namespace fupin::server::service
