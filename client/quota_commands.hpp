#pragma once
// township-client's commands for the poverty lines and the quotas of households (docs/procedure.md):
// lines list|set, quotas list|set.
#include <cstdint>
#include <string>
#include <vector>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"
#include "common/household.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class quota_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit quota_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;
    std::string explain(const client_error& e, common::language lang) const override;

private:
    int year_ = 0;
    std::string amount_;
    std::string parent_;
    std::string area_;
    int places_ = -1;

    subcommands commands_;
    CLI::App* lines_list_ = nullptr;
    CLI::App* lines_set_ = nullptr;
    CLI::App* quotas_list_ = nullptr;
    CLI::App* quotas_set_ = nullptr;
};

// "2300" or "2300.5" or "2300.50" yuan → fen; false for anything else (a negative, three decimals, text).
bool parse_yuan(const std::string& text, common::money_fen& fen);

}  // namespace fupin::client
