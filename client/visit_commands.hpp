#pragma once
// township-client's commands for visits (走访记录) and unannounced checks (明察暗访): visits list|add.
#include <cstdint>
#include <string>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class visit_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit visit_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

private:
    std::int64_t household_ = 0;
    std::int64_t helper_ = 0;
    std::string kind_ = "home_visit";
    std::string date_;
    std::string done_;
    std::string situation_;
    std::string follow_up_;

    subcommands commands_;
    CLI::App* list_ = nullptr;
    CLI::App* add_ = nullptr;
};

}  // namespace fupin::client
