#pragma once
// What every command of township-client runs with: the settings, the connection to the county server (holding
// the cached session's token, except for health and login), the session cache, the output language and form,
// and the three streams. cli_app makes it once the command line is parsed.
#include <iosfwd>

#include "client/api_client.hpp"
#include "client/client_config.hpp"
#include "client/session_store.hpp"

namespace fupin::client {

struct command_context {
    const client_config& config;
    api_client& client;
    const session_store& store;
    common::language lang;
    bool json;  // print the server's JSON answer as it came (never a token)
    std::istream& in;
    std::ostream& out;
    std::ostream& err;
};

}  // namespace fupin::client
