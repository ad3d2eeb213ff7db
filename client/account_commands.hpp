#pragma once
// The account commands of township-client: login, logout, whoami and, for county administrators, user
// list|add|disable|enable|reset-password. A password is asked on the terminal without echo, or read from
// --password-fd; it is never stored, and the token goes only to the session cache (mode 0600).
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class account_commands : public command_group {
public:
    explicit account_commands(CLI::App& app);

    bool given() const override;
    session_use session() const override;  // none for login, optional for logout
    int run(const command_context& c) override;

private:
    int login(const command_context& c);
    int logout(const command_context& c);
    int users(const command_context& c);
    // A password for someone else's account: asked twice on the terminal, once from a descriptor.
    std::string new_password(common::language lang) const;

    std::string username_;      // login --user; user add --username; the NAME of disable/enable/reset-password
    int password_fd_ = -1;      // --password-fd: read one line from it instead of asking on the terminal
    std::string display_name_;  // user add
    std::string role_;          // user add: a code of common::vocabulary::roles
    std::string area_;          // user add: the division code of the user's village, township or county
    CLI::App* login_ = nullptr;
    CLI::App* logout_ = nullptr;
    CLI::App* whoami_ = nullptr;
    CLI::App* user_list_ = nullptr;
    CLI::App* user_add_ = nullptr;
    CLI::App* user_disable_ = nullptr;
    CLI::App* user_enable_ = nullptr;
    CLI::App* user_reset_ = nullptr;
};

}  // namespace fupin::client
