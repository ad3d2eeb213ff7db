#include "server/service/account_service.hpp"

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_diff.hpp"
#include "server/service/audit_trail.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/session_repository.hpp"
#include "server/sql/error.hpp"
#include "server/storage/user_repository.hpp"

namespace fupin::server::service {
namespace {

using common::api_error;
constexpr std::size_t min_password_length = 10;
constexpr std::size_t max_password_length = 200;

void check_username(const std::string& username) {
    if (!account_service::valid_username(username))
        throw api_error::invalid_field("username", "invalid_value", "用户名须为 3 到 32 个小写字母、数字、_ . -",
                                       "a username is 3 to 32 of a-z 0-9 _ . -");
}

void check_display_name(const std::string& name) {
    auto length = common::utf8_length(name);
    if (!length || *length < 1 || *length > 50 || common::has_control_characters(name))
        throw api_error::invalid_field("display_name", "invalid_value", "显示名须为 1 到 50 个字符",
                                       "a display name is 1 to 50 characters");
}

// The area level a role works at.
// A village role's area is a village, a township role's a township, a county role's the county. A helper's may be
// any of them: it names only the office whose certificate he logs in with (session_service::certificate_fits),
// and grants him nothing (access_policy).
bool area_fits_role(const std::string& role, const std::string& area_code) {
    if (role == "helper") return area_code.size() == 6 || area_code.size() == 9 || area_code.size() == 12;
    if (role == "village_clerk" || role == "resident_cadre") return area_code.size() == 12;
    if (role == "township_reviewer" || role == "township_head") return area_code.size() == 9;
    return area_code.size() == 6;
}

nlohmann::json public_view(const storage::user_account& u) {
    return {{"display_name", u.display_name}, {"role", u.role}, {"area_code", u.area_code}, {"disabled", u.disabled}};
}

api_error no_such_user() { return api_error::not_found("该用户", "user"); }

}  // namespace

bool account_service::valid_username(std::string_view username) {
    bool ok = username.size() >= 3 && username.size() <= 32;
    for (char c : username)
        ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-');
    return ok;
}

account_service::account_service(clock now, argon2_cost cost) : now_(std::move(now)), hasher_(cost) {}

void account_service::check_password(const std::string& username, const std::string& password) {
    auto length = common::utf8_length(password);
    if (!length || *length < min_password_length || password.size() > max_password_length)
        throw api_error::invalid_field("password", "weak_password",
                                       "密码至少 " + std::to_string(min_password_length) + " 个字符",
                                       "a password has at least " + std::to_string(min_password_length) + " characters");
    if (password == username)
        throw api_error::invalid_field("password", "weak_password", "密码不能与用户名相同",
                                       "the password may not be the username");
}

void account_service::check_role_and_area(sql::connection& db, const std::string& role,
                                          const std::string& area_code) const {
    if (!common::is_valid(common::vocabulary::roles, role))
        throw api_error::invalid_field("role", "invalid_value",
                                       "角色必须是 " + common::allowed_codes(common::vocabulary::roles) + " 之一",
                                       "role must be one of " + common::allowed_codes(common::vocabulary::roles));
    auto area = storage::area_repository(db).find(area_code);
    if (!area || !area_fits_role(role, area_code))
        throw api_error::invalid_field("area_code", "invalid_value",
                                       "区域与角色不符:村级信息员属于村,乡镇角色属于乡镇,县级角色属于县,"
                                       "帮扶责任人属于县、乡镇或村",
                                       "the area does not fit the role: a village clerk's is a village, a township "
                                       "role's a township, a county role's the county, a helper's any of them");
}

storage::user_account account_service::create(sql::connection& db, const principal& who,
                                              const new_account& account) const {
    access_policy::require(who, permission::manage_users);
    check_username(account.username);
    check_display_name(account.display_name);
    check_password(account.username, account.password);
    const auto now = now_();
    storage::user_account user{0, account.username, account.display_name, account.role, account.area_code,
                               hasher_.hash(account.password), false, now, now};
    try {
        run_in_transaction(db, sql::tx_mode::write, [&] {
            check_role_and_area(db, account.role, account.area_code);
            storage::user_repository(db).insert(user);
            audit_trail::record(db, audit_actor::of(who), "user.create", "user/" + user.username, "ok",
                                audit_diff::changes(nullptr, public_view(user)), now);
        });
    } catch (const sql::constraint_violation&) {
        throw api_error(409, "username_taken", "用户名 " + account.username + " 已被使用",
                        "the username " + account.username + " is taken", "username");
    }
    return user;
}

storage::user_account account_service::update(sql::connection& db, const principal& who, const std::string& username,
                                              const account_changes& changes) const {
    access_policy::require(who, permission::manage_users);
    if (changes.display_name) check_display_name(*changes.display_name);
    const auto now = now_();
    return run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::user_repository users(db);
        auto user = users.find_for_update(username);
        if (!user) throw no_such_user();
        const auto before = public_view(*user);
        if (changes.display_name) user->display_name = *changes.display_name;
        if (changes.role) user->role = *changes.role;
        if (changes.area_code) user->area_code = *changes.area_code;
        if (changes.disabled) user->disabled = *changes.disabled;
        if (changes.role || changes.area_code) check_role_and_area(db, user->role, user->area_code);
        user->updated_at_ms = now;
        users.update(*user);
        // A disabled account, or one moved to another role or area, starts again from a login.
        if (user->disabled || changes.role || changes.area_code) storage::session_repository(db).remove_for_user(user->id);
        audit_trail::record(db, audit_actor::of(who), "user.update", "user/" + username, "ok",
                            audit_diff::changes(before, public_view(*user)), now);
        return *user;
    });
}

void account_service::reset_password(sql::connection& db, const principal& who, const std::string& username,
                                     const std::string& password) const {
    access_policy::require(who, permission::manage_users);
    check_password(username, password);
    const auto hash = hasher_.hash(password);
    const auto now = now_();
    run_in_transaction(db, sql::tx_mode::write, [&] {
        storage::user_repository users(db);
        auto user = users.find_for_update(username);
        if (!user) throw no_such_user();
        user->password_hash = hash;
        user->updated_at_ms = now;
        users.update(*user);
        storage::session_repository(db).remove_for_user(user->id);
        audit_trail::record(db, audit_actor::of(who), "user.password_reset", "user/" + username, "ok", nullptr, now);
    });
}

std::vector<storage::user_account> account_service::list(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::manage_users);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::user_repository(db).list(); });
}

}  // namespace fupin::server::service
