#pragma once
// township-client's commands for spot checks (不定期抽查、明察暗访): spot-checks draw|list|show|record|accuracy.
#include <cstdint>
#include <string>
#include <vector>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class spot_check_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit spot_check_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

private:
    int run_record(const command_context& c);

    int year_ = 0;
    int share_ = 5;
    int minimum_ = 10;
    std::int64_t id_ = 0;
    std::int64_t household_ = 0;
    std::string on_;
    std::string method_;
    std::string verdict_;
    std::string follow_up_;
    std::vector<std::string> right_;  // fields found right
    std::vector<std::string> wrong_;  // FIELD=what was found
    std::string note_;

    subcommands commands_;
    CLI::App* draw_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* record_ = nullptr;
    CLI::App* accuracy_ = nullptr;
};

}  // namespace fupin::client
