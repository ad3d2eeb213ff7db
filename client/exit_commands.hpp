#pragma once
// township-client's commands for exit (脱贫退出): exit standards|standard-set|check, and the exit procedure's own
// steps: exit propose|vote|acknowledge|complete. Its other steps (review, approve, refuse, return) and its
// postings (post --level exit_village|exit_county) are the procedure's commands, as for identification.
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
    std::string explain(const client_error& e, common::language lang) const override;

private:
    int run_step(const command_context& c);

    int year_ = 0;
    std::string line_;
    int transition_years_ = -1;
    std::int64_t household_ = 0;
    std::int64_t case_id_ = 0;
    std::string note_;
    std::string meeting_date_;
    std::string panel_;
    int votes_for_ = -1;
    int votes_against_ = 0;
    int votes_abstain_ = 0;
    std::string signed_on_;
    std::string signed_by_;
    std::string witness_;

    subcommands commands_;
    CLI::App* standards_ = nullptr;
    CLI::App* standard_set_ = nullptr;
    CLI::App* check_ = nullptr;
    CLI::App* propose_ = nullptr;
    CLI::App* vote_ = nullptr;
    CLI::App* acknowledge_ = nullptr;
    CLI::App* complete_ = nullptr;
};

}  // namespace fupin::client
