#include "client/account_commands.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "client/account_printer.hpp"
#include "client/exit_codes.hpp"
#include "client/password_input.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {
namespace {

using common::in;

void print_json(std::ostream& out, const nlohmann::json& json) { out << json.dump() << '\n'; }

// The codes of a vocabulary list, for a CLI11 IsMember check.
std::vector<std::string> codes_of(const common::vocabulary_list& list) {
    std::vector<std::string> codes;
    for (const auto& e : list.entries) codes.push_back(e.code);
    return codes;
}

}  // namespace

account_commands::account_commands(CLI::App& app) {
    const auto password_fd = [this](CLI::App* command) {
        command->add_option("--password-fd", password_fd_,
                            "从该文件描述符读一行密码，0 为标准输入 (read the password from this descriptor)")
            ->check(CLI::NonNegativeNumber);
    };
    login_ = app.add_subcommand("login", "登录 (log in; the password is asked without echo)");
    login_->add_option("--user", username_, "用户名 (username; asked when not given)");
    password_fd(login_);
    logout_ = app.add_subcommand("logout", "退出登录 (log out)");
    whoami_ = app.add_subcommand("whoami", "当前登录的用户 (who is logged in)");
    auto* user = app.add_subcommand("user", "用户管理，县级系统管理员 (user accounts; county administrators)")
                     ->require_subcommand(1);
    user->fallthrough();
    user_list_ = user->add_subcommand("list", "列出用户 (list users)");
    user_add_ = user->add_subcommand("add", "新建用户 (add a user)");
    user_add_->add_option("--username", username_, "用户名 a-z 0-9 _ . - (username)")->required();
    user_add_->add_option("--display-name", display_name_, "姓名或岗位 (display name)")->required();
    user_add_->add_option("--role", role_, "角色 (role)")
        ->required()
        ->check(CLI::IsMember(codes_of(common::vocabulary::roles)));
    user_add_->add_option("--area", area_, "所属村、乡镇或县的区划代码 (area code)")->required();
    password_fd(user_add_);
    user_disable_ = user->add_subcommand("disable", "停用用户 (disable a user)");
    user_enable_ = user->add_subcommand("enable", "启用用户 (enable a user)");
    user_reset_ = user->add_subcommand("reset-password", "重置密码 (reset a user's password)");
    for (auto* command : {user_disable_, user_enable_, user_reset_})
        command->add_option("NAME", username_, "用户名 (username)")->required();
    password_fd(user_reset_);
}

bool account_commands::given() const {
    for (const auto* command : {login_, logout_, whoami_, user_list_, user_add_, user_disable_, user_enable_, user_reset_})
        if (command->parsed()) return true;
    return false;
}

session_use account_commands::session() const {
    if (login_->parsed()) return session_use::none;
    return logout_->parsed() ? session_use::optional : session_use::required;
}

int account_commands::run(const command_context& c) {
    if (login_->parsed()) return login(c);
    if (logout_->parsed()) return logout(c);
    if (whoami_->parsed()) {
        const auto answer = c.client.whoami();
        if (c.json) print_json(c.out, answer);
        else c.out << account_printer(c.lang).session(answer);
        return exit_ok;
    }
    return users(c);
}

std::string account_commands::new_password(common::language lang) const {
    if (password_fd_ >= 0) return read_password_line(password_fd_);
    auto first = ask_password(in(lang, "新密码（至少 10 位）：", "New password (at least 10 characters): "));
    auto second = ask_password(in(lang, "再输入一次：", "Repeat it: "));
    if (first != second) throw password_input_error("the two passwords differ");
    return first;
}

int account_commands::login(const command_context& c) {
    const std::string username = username_.empty() ? ask_line(in(c.lang, "用户名：", "Username: ")) : username_;
    const std::string password = password_fd_ >= 0 ? read_password_line(password_fd_)
                                                    : ask_password(in(c.lang, "密码：", "Password: "));
    auto answer = c.client.login(username, password);
    c.store.save({c.config.server, c.client.token(), json_text(answer.at("user"), "username"),
                  json_text(answer, "expires_at")});
    answer.erase("token");  // --json is for scripts; the token stays in the cache file only
    if (c.json) print_json(c.out, answer);
    else c.out << account_printer(c.lang).logged_in(answer);
    return exit_ok;
}

int account_commands::logout(const command_context& c) {
    const bool had_session = !c.client.token().empty();
    try {
        c.client.logout();  // a 401 (already expired) is no error
    } catch (const client_error&) {
        // The server could not be told; the local copy goes anyway (on a shared computer that is what matters),
        // and the session ends on the server at its idle timeout.
        c.store.remove();
        c.err << in(c.lang, "已删除本机的登录信息，但未能通知县服务器；该会话将在空闲超时后失效。\n",
                    "The login on this computer is deleted, but the county server could not be told; the session "
                    "ends at its idle timeout.\n");
        throw;
    }
    c.store.remove();
    c.out << account_printer(c.lang).logged_out(had_session);
    return exit_ok;
}

int account_commands::users(const command_context& c) {
    const account_printer printer(c.lang);
    nlohmann::json answer;
    if (user_list_->parsed()) {
        answer = c.client.list_users();
        if (c.json) print_json(c.out, answer);
        else c.out << printer.user_table(answer.at("items"));
        return exit_ok;
    }
    if (user_reset_->parsed()) {
        c.client.reset_password(username_, new_password(c.lang));
        if (c.json) print_json(c.out, nlohmann::json{{"username", username_}, {"password_reset", true}});
        else
            c.out << in(c.lang, "已重置用户 ", "The password of ") << username_
                  << in(c.lang, " 的密码；该用户已登录的会话均已结束。\n", " is reset; the user's sessions have ended.\n");
        return exit_ok;
    }
    if (user_add_->parsed())
        answer = c.client.create_user({{"username", username_},
                                       {"display_name", display_name_},
                                       {"role", role_},
                                       {"area_code", area_},
                                       {"password", new_password(c.lang)}});
    else  // disable or enable
        answer = c.client.update_user(username_, {{"disabled", user_disable_->parsed()}});
    if (c.json) print_json(c.out, answer);
    else c.out << in(c.lang, "已保存：", "Saved: ") << printer.user(answer);
    return exit_ok;
}

}  // namespace fupin::client
