#pragma once
// township-client watch [--since N]: follows the change feed (event_stream) and prints each event as it
// arrives, one line (event_printer), or with --json the event's JSON as received, one per line. A dropped
// connection is resumed from the last seq with a short notice on stderr; Ctrl-C (SIGINT) or SIGTERM ends it
// cleanly with exit 0. cli_app owns the global flags, the cached session and the mapping of errors to exit
// codes (a 401 at the upgrade or a session ended by the server is exit 9, like any command's 401).
#include <cstdint>
#include <iosfwd>
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class watch_command : public command_group {
public:
    // Adds the subcommand to `app`; its flags are bound to this object, which must outlive the parse.
    explicit watch_command(CLI::App& app);

    bool given() const override;
    // Runs until Ctrl-C (exit 0).
    int run(const command_context& c) override;

private:
    CLI::App* command_ = nullptr;
    std::int64_t since_ = -1;  // -1: not given (from now on)
};

}  // namespace fupin::client
