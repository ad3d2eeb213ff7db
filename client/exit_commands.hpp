#pragma once
// township-client's commands for exit (脱贫退出): exit standards|standard-set|check.
#include <cstdint>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class exit_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit exit_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

private:
    int year_ = 0;
    std::string line_;
    int transition_years_ = -1;
    std::int64_t household_ = 0;

    subcommands commands_;
    CLI::App* standards_ = nullptr;
    CLI::App* standard_set_ = nullptr;
    CLI::App* check_ = nullptr;
};

}  // namespace fupin::client
