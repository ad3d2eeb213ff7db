#pragma once
// township-client's commands for pairing helpers with registered households (结对帮扶):
// pair add|show|end|change.
#include <cstdint>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class pairing_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit pairing_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

private:
    std::int64_t id_ = 0;      // a household (add, show) or a pairing (end, change)
    std::int64_t helper_ = 0;
    std::string reason_;

    subcommands commands_;
    CLI::App* add_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* end_ = nullptr;
    CLI::App* change_ = nullptr;
};

}  // namespace fupin::client
