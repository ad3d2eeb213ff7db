#include "client/account_commands.hpp"

#include <ostream>

#include "client/account_printer.hpp"
#include "client/exit_codes.hpp"
#include "client/password_input.hpp"

namespace fupin::client {
namespace {

using common::in;

void print_json(std::ostream& out, const nlohmann::json& json) { out << json.dump() << '\n'; }

// A password for someone else's account: asked twice on the terminal (a typo would lock the user out), once
// from a descriptor (the script knows what it sent).
std::string new_password(const account_options& o, common::language lang) {
    if (o.password_fd >= 0) return read_password_line(o.password_fd);
    auto first = ask_password(in(lang, "新密码（至少 10 位）：", "New password (at least 10 characters): "));
    auto second = ask_password(in(lang, "再输入一次：", "Repeat it: "));
    if (first != second) throw password_input_error("the two passwords differ");
    return first;
}

int login(const account_options& o, const account_context& c) {
    const std::string username = o.username.empty() ? ask_line(in(c.lang, "用户名：", "Username: ")) : o.username;
    const std::string password = o.password_fd >= 0 ? read_password_line(o.password_fd)
                                                    : ask_password(in(c.lang, "密码：", "Password: "));
    auto answer = c.client.login(username, password);
    c.store.save({c.server, c.client.token(), json_text(answer.at("user"), "username"), json_text(answer, "expires_at")});
    answer.erase("token");  // --json is for scripts; the token stays in the cache file only
    if (c.json) print_json(c.out, answer);
    else c.out << account_printer(c.lang).logged_in(answer);
    return exit_ok;
}

int logout(const account_context& c) {
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

int users(account_command command, const account_options& o, const account_context& c) {
    const account_printer printer(c.lang);
    nlohmann::json answer;
    switch (command) {
    case account_command::user_list:
        answer = c.client.list_users();
        if (c.json) print_json(c.out, answer);
        else c.out << printer.user_table(answer.at("items"));
        return exit_ok;
    case account_command::user_add:
        answer = c.client.create_user({{"username", o.username},
                                       {"display_name", o.display_name},
                                       {"role", o.role},
                                       {"area_code", o.area},
                                       {"password", new_password(o, c.lang)}});
        break;
    case account_command::user_disable:
    case account_command::user_enable:
        answer = c.client.update_user(o.username, {{"disabled", command == account_command::user_disable}});
        break;
    case account_command::user_reset_password:
        c.client.reset_password(o.username, new_password(o, c.lang));
        if (c.json) print_json(c.out, nlohmann::json{{"username", o.username}, {"password_reset", true}});
        else
            c.out << in(c.lang, "已重置用户 ", "The password of ") << o.username
                  << in(c.lang, " 的密码；该用户已登录的会话均已结束。\n", " is reset; the user's sessions have ended.\n");
        return exit_ok;
    default: return exit_usage;
    }
    if (c.json) print_json(c.out, answer);
    else c.out << in(c.lang, "已保存：", "Saved: ") << printer.user(answer);
    return exit_ok;
}

}  // namespace

int run_account_command(account_command command, const account_options& options, const account_context& context) {
    switch (command) {
    case account_command::login: return login(options, context);
    case account_command::logout: return logout(context);
    case account_command::whoami: {
        const auto answer = context.client.whoami();
        if (context.json) print_json(context.out, answer);
        else context.out << account_printer(context.lang).session(answer);
        return exit_ok;
    }
    default: return users(command, options, context);
    }
}

}  // namespace fupin::client
