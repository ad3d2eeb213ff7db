#include "client/exit_codes.hpp"

namespace fupin::client {

int exit_code_for_status(int status) {
    if (status >= 200 && status <= 299) return exit_ok;
    switch (status) {
    case 400:
    case 413:
    case 415:
    case 422: return exit_refused;
    case 409: return exit_conflict;
    case 404: return exit_not_found;
    case 403: return exit_forbidden;
    case 401:
    case 429: return exit_not_logged_in;
    default: return exit_server_error;  // 5xx, and statuses this client never asks for (405, 3xx, …)
    }
}

int exit_code_for(const client_error& error) {
    switch (error.kind()) {
    case error_kind::unreachable:
    case error_kind::tls: return exit_unreachable;
    case error_kind::http: return exit_code_for_status(error.status());
    case error_kind::protocol: return exit_server_error;
    }
    return exit_server_error;
}

const char* exit_codes_help() {
    return "Exit codes:\n"
           "  0  ok\n"
           "  1  unexpected failure of the client itself\n"
           "  2  usage error: bad flags, bad or missing settings, unreadable file\n"
           "  3  input refused: 400/413/415/422, or the local check before sending\n"
           "  4  conflict (409): the file changed since it was read, or a person is already registered\n"
           "  5  not found (404)\n"
           "  6  forbidden (403): the user's role or area does not allow it, or the certificate is not the user's\n"
           "  7  server unreachable, timeout, or TLS failure (certificate refused or not trusted)\n"
           "  8  server error (5xx) or an answer the client does not understand\n"
           "  9  not logged in or session expired (401), or too many tries (429): run township-client login, or\n"
           "     after a lookup refused as rate_limited, wait the seconds it names";
}

}  // namespace fupin::client
