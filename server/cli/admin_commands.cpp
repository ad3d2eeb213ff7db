#include "server/cli/admin_commands.hpp"

#include <spdlog/spdlog.h>
#include <termios.h>
#include <unistd.h>

#include <chrono>
#include <iostream>
#include <stdexcept>

#include "common/household_json.hpp"
#include "server/service/local_operator.hpp"
#include "server/service/quota_service.hpp"
#include "server/sql/database_url.hpp"
#include "server/storage/migrate.hpp"

namespace fupin::server {
namespace {

std::int64_t now_ms() {
    return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
        .count();
}

// Turns terminal echo off for as long as it lives, and back on however the scope is left.
class echo_off {
public:
    echo_off() : active_(isatty(STDIN_FILENO) && tcgetattr(STDIN_FILENO, &saved_) == 0) {
        if (!active_) return;
        termios quiet = saved_;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
    }
    ~echo_off() {
        if (active_) tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_);
    }

private:
    termios saved_{};
    bool active_;
};

std::string read_password() {
    const bool terminal = isatty(STDIN_FILENO);
    auto read_line = [&](const char* prompt) {
        if (terminal) std::cerr << prompt << std::flush;
        std::string line;
        {
            echo_off guard;
            if (!std::getline(std::cin, line)) throw std::runtime_error("no password given on standard input");
        }
        if (terminal) std::cerr << '\n';
        return line;
    };
    auto password = read_line("新密码 (new password): ");
    if (terminal && read_line("再输入一次 (again): ") != password) throw std::runtime_error("the two passwords differ");
    return password;
}

struct admin_context {
    std::unique_ptr<sql::connection> db;
    service::principal operator_principal;
    service::account_service accounts;
};

admin_context open(const std::string& url) {
    auto db = sql::connect(sql::database_url::parse(url).for_maintenance());
    storage::migrate(*db);
    auto county = db->query("SELECT code FROM areas WHERE level = 'county'");
    if (county.size() != 1) throw std::runtime_error("import the areas first (county-server areas import FILE)");
    return admin_context{std::move(db), service::local_operator(county[0].get_string(0)),
                         service::account_service(now_ms, service::argon2_cost{})};
}

}  // namespace

int admin_user_add(const std::string& database_url, service::new_account account) {
    auto c = open(database_url);
    account.password = read_password();
    auto user = c.accounts.create(*c.db, c.operator_principal, account);
    spdlog::info("user {} ({}, area {}) created", user.username, user.role, user.area_code);
    return 0;
}

int admin_user_set_disabled(const std::string& database_url, const std::string& username, bool disabled) {
    auto c = open(database_url);
    service::account_changes changes;
    changes.disabled = disabled;
    c.accounts.update(*c.db, c.operator_principal, username, changes);
    spdlog::info("user {} {}", username, disabled ? "disabled; their sessions ended" : "enabled");
    return 0;
}

int admin_poverty_line_set(const std::string& database_url, int year, const std::string& yuan) {
    auto c = open(database_url);
    const auto parsed = nlohmann::json::parse(yuan, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_number()) throw std::runtime_error("the amount must be a number of yuan");
    const auto line = service::quota_service(now_ms).set_line(*c.db, c.operator_principal, year,
                                                              common::fen_from_json(parsed, "amount"));
    spdlog::info("poverty line of {} set to {} yuan per person per year", line.year, yuan);
    return 0;
}

int admin_user_reset_password(const std::string& database_url, const std::string& username) {
    auto c = open(database_url);
    c.accounts.reset_password(*c.db, c.operator_principal, username, read_password());
    spdlog::info("password of {} reset; their sessions ended", username);
    return 0;
}

}  // namespace fupin::server
