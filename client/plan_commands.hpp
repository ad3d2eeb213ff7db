#pragma once
// township-client's commands for a household's assistance plan (帮扶计划): plan show|set.
#include <cstdint>
#include <optional>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"
#include "common/household.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class plan_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit plan_commands(CLI::App& app);

    bool given() const override;
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    std::int64_t household_ = 0;
    int year_ = 0;
    std::string effect_text_;
    common::money_fen effect_ = 0;
    std::optional<std::string> acknowledged_;
    std::optional<std::string> note_;

    subcommands commands_;
    CLI::App* show_ = nullptr;
    CLI::App* set_ = nullptr;
};

}  // namespace fupin::client
