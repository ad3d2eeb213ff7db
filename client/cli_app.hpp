#pragma once
// township-client's command line: parses the arguments, runs the command against the county server and prints
// the answer; returns the exit code (exit_codes.hpp). main() only calls this, so the tests can too.
// Every command but health and login sends the token cached by login (session_store); a 401 deletes the cache
// and exits 9 with a message asking to log in again.
//
//   township-client [--config PATH] [--server HOST:PORT] [--ca F] [--cert F] [--key F] [--lang zh|en]
//                   [--timeout S] [--json] [--session-file PATH] COMMAND
//     health
//     login [--user NAME] [--password-fd N]      (the password is asked without echo, or read from fd N)
//     logout
//     whoami
//     user list | add --username U --display-name D --role R --area CODE [--password-fd N]
//        | disable NAME | enable NAME | reset-password NAME [--password-fd N]
//     household create FILE.json [--idempotency-key K]
//     household show ID
//     household update ID FILE.json
//     household list [--township C] [--village C] [--group C] [--status S] [--page-size N] [--page-token T] [--all]
//     apply, check, appraise, verify, sign, review, approve, register, refuse, return, post, postings, object,
//     objections, answer, applications, lines, quotas: the identification procedure (procedure_commands.hpp)
//     watch [--since N]: the change feed as it happens, until Ctrl-C (watch_command.hpp)
#include <iosfwd>

namespace fupin::client {

// `in` is read for FILE "-".
int run_township_client(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace fupin::client
