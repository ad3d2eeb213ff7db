#include "client/sandaohu_command.hpp"

#include <CLI/CLI.hpp>

#include "client/assistance_printer.hpp"
#include "client/subcommands.hpp"

namespace fupin::client {

sandaohu_command::sandaohu_command(CLI::App& app) {
    command_ = app.add_subcommand("sandaohu", "三到户三到人落实情况及缺项 (the 三到户三到人 view and its gaps)");
    command_->fallthrough();
    add_year_option(*command_, year_, true);
    command_->add_option("--area", area_, "县、乡镇或村代码，默认本人区域 (area; default yours)");
    command_->add_option("--gaps", gaps_, "最多列出的缺项户数 (households with gaps to list)")
        ->capture_default_str()
        ->check(CLI::Range(0, 10000));
}

bool sandaohu_command::given() const { return command_->parsed(); }

int sandaohu_command::run(const command_context& c) {
    return print_answer(c, assistance_printer(c.lang).sandaohu(c.client.sandaohu(area_, year_, gaps_)));
}

}  // namespace fupin::client
