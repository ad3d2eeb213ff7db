#pragma once
// township-client's commands for the half-yearly review rounds (半年审核调整):
// rounds open|list|progress|entries|enter.
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

class review_round_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit review_round_commands(CLI::App& app);

    bool given() const override;
    // `rounds enter`: the file is read and checked by the county's rules before anything is sent.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    int year_ = 0;
    int half_ = 0;
    std::string deadline_;
    std::int64_t id_ = 0;
    std::int64_t household_ = 0;
    std::string area_;
    std::string outcome_;
    bool by_township_ = false;
    std::string file_;
    std::string note_;
    std::optional<common::household> input_;

    subcommands commands_;
    CLI::App* open_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* progress_ = nullptr;
    CLI::App* entries_ = nullptr;
    CLI::App* enter_ = nullptr;
};

}  // namespace fupin::client
