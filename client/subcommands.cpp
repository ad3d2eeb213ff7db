#include "client/subcommands.hpp"

#include <algorithm>

#include <CLI/CLI.hpp>

namespace fupin::client {

CLI::App* subcommands::add(CLI::App& parent, const char* name, const char* help) {
    auto* command = parent.add_subcommand(name, help);
    command->fallthrough();
    all_.push_back(command);
    return command;
}

bool subcommands::any_parsed() const {
    return std::any_of(all_.begin(), all_.end(), [](const CLI::App* command) { return command->parsed(); });
}

void add_year_option(CLI::App& command, int& year, bool required) {
    auto* option = command.add_option("--year", year, "年度 (year)")->check(CLI::Range(2000, 2100));
    if (required) option->required();
}

}  // namespace fupin::client
