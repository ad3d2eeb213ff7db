#pragma once
// township-client's exit codes, for scripts. The one place that maps a failure to a number.
#include "client/client_error.hpp"

namespace fupin::client {

enum exit_code : int {
    exit_ok = 0,
    exit_usage = 2,         // bad flags, bad or missing settings, a file that cannot be read
    exit_refused = 3,       // the input was refused: 400, 413, 415, 422, or the local check before sending
    exit_conflict = 4,      // 409: an old version, or a person already registered
    exit_not_found = 5,     // 404
    exit_forbidden = 6,     // 403: the user's role or area does not allow it, or the certificate is not the user's
    exit_unreachable = 7,   // no connection, timeout, or TLS failure (certificate refused or not trusted)
    exit_server_error = 8,  // 5xx, or an answer the client does not understand
    // 401 (no session, session expired, wrong password) and 429 (login locked): logging in is what helps, so
    // scripts can tell it apart from a 403 that no login will cure.
    exit_not_logged_in = 9,
};

int exit_code_for_status(int http_status);
int exit_code_for(const client_error& error);

// The exit code table as shown at the end of --help (English, like the flags).
const char* exit_codes_help();

}  // namespace fupin::client
