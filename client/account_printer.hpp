#pragma once
// What township-client prints about logins, sessions and user accounts, in Chinese (default) or English. Roles
// are shown with their labels from common::vocabulary::roles; times in Beijing time. Nothing here ever prints a
// token: the answers given to it may hold one, and it is not read.
#include <string>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/api_error.hpp"

namespace fupin::client {

class account_printer {
public:
    explicit account_printer(common::language lang) : lang_(lang) {}

    // After a login (the 201 answer): 已登录：显示名（角色，区域）, the expiry and the idle timeout.
    std::string logged_in(const nlohmann::json& answer) const;
    // GET /api/v1/sessions/current: user, role, area, expiry, idle expiry.
    std::string session(const nlohmann::json& answer) const;
    std::string logged_out(bool had_session) const;
    // The session is gone or there never was one: log in again.
    std::string not_logged_in() const;
    // The cache file could not be trusted (others may read it) and was deleted.
    std::string insecure_cache_deleted(const std::string& why) const;
    // A login refused with 401 invalid_credentials or 429 login_locked, explained for a clerk;
    // an empty string for any other error (the generic printer handles it).
    std::string login_refused(const client_error& e) const;

    // Administrators: the user list as a table, and one user.
    std::string user_table(const nlohmann::json& items) const;
    std::string user(const nlohmann::json& user) const;

    // "乡镇审核员" for "township_reviewer"; the code itself when this client does not know it.
    std::string role_label(const std::string& code) const;
    // "2026-11-29 18:05（北京时间）" from an ISO 8601 UTC time; the text as sent when it does not parse.
    std::string beijing_time(const std::string& iso_utc) const;

private:
    std::string who(const nlohmann::json& user) const;

    common::language lang_;
};

// The pieces of the server's JSON the printers read; "" when the key is missing or not a string.
std::string json_text(const nlohmann::json& object, const char* key);

}  // namespace fupin::client
