#pragma once
// township-client's command line: parses the arguments, runs the command against the county server and prints
// the answer; returns the exit code (exit_codes.hpp). main() only calls this, so the tests can too.
//
//   township-client [--config PATH] [--server HOST:PORT] [--ca F] [--cert F] [--key F] [--lang zh|en]
//                   [--timeout S] [--json] COMMAND
//     health
//     household create FILE.json [--idempotency-key K]
//     household show ID
//     household update ID FILE.json
//     household list [--township C] [--village C] [--group C] [--status S] [--page-size N] [--page-token T] [--all]
#include <iosfwd>

namespace fupin::client {

// `in` is read for FILE "-".
int run_township_client(int argc, const char* const* argv, std::istream& in, std::ostream& out, std::ostream& err);

}  // namespace fupin::client
