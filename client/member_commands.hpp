#pragma once
// township-client's commands for the natural changes of a household's members (人口自然变更):
// members add|remove|renumber|history.
#include <cstdint>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"
#include "common/household.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class member_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit member_commands(CLI::App& app);

    bool given() const override;
    // `members add` reads the member's file and checks it as a member of the form before connecting.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    std::int64_t household_ = 0;
    std::string kind_;
    std::string date_;
    std::string reason_;
    std::string file_;
    std::string id_number_;
    std::string new_id_number_;
    std::string new_head_;
    common::member added_;  // read by check_before_connecting

    subcommands commands_;
    CLI::App* add_ = nullptr;
    CLI::App* remove_ = nullptr;
    CLI::App* renumber_ = nullptr;
    CLI::App* history_ = nullptr;
};

}  // namespace fupin::client
