#pragma once
// township-client's 三到户三到人 view: sandaohu --year Y [--area CODE] [--gaps N].
#include <string>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class sandaohu_command : public command_group {
public:
    // Adds the subcommand to `app`; its flags are bound to this object, which must outlive the parse.
    explicit sandaohu_command(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

private:
    int year_ = 0;
    std::string area_;
    int gaps_ = 200;
    CLI::App* command_ = nullptr;
};

}  // namespace fupin::client
