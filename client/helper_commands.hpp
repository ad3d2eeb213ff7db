#pragma once
// township-client's commands for the helpers the county keeps (帮扶单位, 帮扶责任人, 志愿服务队):
// helpers units|unit-add|list|show|mine|add|edit.
#include <cstdint>
#include <optional>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class helper_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit helper_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

private:
    std::int64_t id_ = 0;
    std::int64_t unit_ = 0;
    std::string name_;
    std::string level_;
    std::string area_;
    std::string post_;
    std::string phone_;
    std::string volunteer_;
    bool volunteers_only_ = false;
    std::optional<bool> leader_;
    std::optional<bool> active_;
    std::string account_;  // the helper's login account; "none" takes it away

    subcommands commands_;
    CLI::App* units_ = nullptr;
    CLI::App* unit_add_ = nullptr;
    CLI::App* list_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* mine_ = nullptr;
    CLI::App* add_ = nullptr;
    CLI::App* edit_ = nullptr;
};

}  // namespace fupin::client
