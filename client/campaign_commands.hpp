#pragma once
// township-client's campaign (建档立卡工作阶段): campaign set YEAR --preparation A:B --identification A:B
// --registration A:B --summary A:B (the county), campaign show YEAR, and progress --year Y [--area C]: each
// township's progress against the phases, as a Chinese table.
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class campaign_commands : public command_group {
public:
    explicit campaign_commands(CLI::App& app);

    bool given() const override;
    // The phases' dates are checked here (common::validate_campaign_phases) before anything is sent.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    CLI::App* set_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* progress_ = nullptr;
    int year_ = 0;
    std::string area_;
    std::string preparation_, identification_, registration_, summary_;
};

}  // namespace fupin::client
