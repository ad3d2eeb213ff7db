#pragma once
// One group of township-client's commands (households, accounts, the procedure, …), all of one shape: the
// constructor adds the group's subcommands to the CLI11 app, with their flags bound to the group object; after
// the parse, cli_app asks each group whether it was named and runs that one. cli_app alone reads the settings,
// loads the cached session and turns every error into a message and an exit code (client/exit_codes.hpp).
#include <iosfwd>
#include <string>

#include "client/client_error.hpp"
#include "client/command_context.hpp"
#include "common/language.hpp"

namespace fupin::client {

// Whether a command runs as the logged-in user, with the cached session's token.
enum class session_use {
    required,  // without a cached session of this server it is not run (exit 9)
    optional,  // sent when there is one (logout)
    none,      // never sent (health, login)
};

class command_group {
public:
    command_group() = default;
    virtual ~command_group() = default;
    command_group(const command_group&) = delete;
    command_group& operator=(const command_group&) = delete;

    // True when the parsed command line named one of this group's commands.
    virtual bool given() const = 0;
    virtual session_use session() const { return session_use::required; }
    // What can be checked before a connection is opened (a file read and checked locally): an exit code, and
    // anything but exit_ok ends the run with it after the group printed why.
    virtual int check_before_connecting(std::istream& in, std::ostream& err, common::language lang);
    // Runs the named command; returns the exit code. Throws client_error (and the input errors of cli_app) for
    // cli_app to print and map.
    virtual int run(const command_context& c) = 0;
    // The message for a refusal of one of this group's commands (household_printer's wording by default).
    virtual std::string explain(const client_error& e, common::language lang) const;
};

// The server's answer as it came, on one line of its own (--json).
void print_raw_answer(std::ostream& out, const std::string& body);
// What a command prints on success: the server's last answer as it came with --json, else `text`. Returns
// exit_ok.
int print_answer(const command_context& c, const std::string& text);

}  // namespace fupin::client
