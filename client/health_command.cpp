#include "client/health_command.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"

namespace fupin::client {

health_command::health_command(CLI::App& app) {
    command_ = app.add_subcommand("health", "检查县服务器 (check the county server)");
}

bool health_command::given() const { return command_->parsed(); }

int health_command::run(const command_context& c) {
    const auto status = c.client.health();
    if (c.json) print_raw_answer(c.out, c.client.last_result().body);
    else c.out << household_printer(c.lang).health(status);
    return exit_ok;
}

}  // namespace fupin::client
