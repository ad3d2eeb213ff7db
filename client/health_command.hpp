#pragma once
// township-client health: is the county server there, does it trust this office's certificate, does its
// database answer. Needs no login.
#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class health_command : public command_group {
public:
    explicit health_command(CLI::App& app);

    bool given() const override;
    session_use session() const override { return session_use::none; }
    int run(const command_context& c) override;

private:
    CLI::App* command_ = nullptr;
};

}  // namespace fupin::client
