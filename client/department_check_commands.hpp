#pragma once
// township-client's commands for the checks against other departments (数据比对):
// lists import|list (the county's lists) and flags list|show|clear (the flags they raise on households).
#include <cstdint>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class department_check_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit department_check_commands(CLI::App& app);

    bool given() const override;
    // lists import: the file read and checked here with the server's rule (common/department_list_file), so a
    // file with bad rows is refused, every row named, before it is sent.
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;
    // A refused file: the server's message, then each bad row.
    std::string explain(const client_error& e, common::language lang) const override;

private:
    std::string file_;
    std::string kind_;
    int year_ = 0;
    std::string source_;
    std::string bytes_;  // the file as read, sent as it is
    std::string area_;
    bool all_ = false;
    std::int64_t list_id_ = 0;
    std::int64_t id_ = 0;
    std::string reason_;

    subcommands commands_;
    CLI::App* import_ = nullptr;
    CLI::App* lists_ = nullptr;
    CLI::App* flags_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* clear_ = nullptr;
};

}  // namespace fupin::client
