#pragma once
// The account commands of township-client: login, logout, whoami and, for county administrators, user
// list|add|disable|enable|reset-password. cli_app parses the flags, loads the cached session and maps every
// error to a message and exit code in one place; these functions only do the work and print the success.
#include <iosfwd>
#include <string>

#include "client/api_client.hpp"
#include "client/session_store.hpp"

namespace fupin::client {

enum class account_command { login, logout, whoami, user_list, user_add, user_disable, user_enable, user_reset_password };

struct account_options {
    std::string username;      // login --user; user add --username; the NAME of disable/enable/reset-password
    int password_fd = -1;      // --password-fd: read one line from it instead of asking on the terminal
    std::string display_name;  // user add
    std::string role;          // user add: a code of common::vocabulary::roles
    std::string area;          // user add: the division code of the user's village, township or county
};

struct account_context {
    api_client& client;         // holds the cached token, if any (not for login)
    const session_store& store;
    std::string server;         // HOST:PORT, stored with the token
    common::language lang;
    bool json;                  // print the server's JSON (never a token)
    std::ostream& out;
    std::ostream& err;
};

// Returns the exit code. Throws client_error, password_input_error and session_store_error for cli_app.
int run_account_command(account_command command, const account_options& options, const account_context& context);

}  // namespace fupin::client
