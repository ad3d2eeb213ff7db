#include "client/pairing_commands.hpp"

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/helper_printer.hpp"

namespace fupin::client {

pairing_commands::pairing_commands(CLI::App& app) {
    auto* pair = app.add_subcommand("pair", "结对帮扶：一帮一、二帮一 (pair helpers with households)")
                     ->require_subcommand(1);
    pair->fallthrough();

    add_ = commands_.add(*pair, "add", "为已建档立卡户结对帮扶责任人 (pair a helper with a household)");
    add_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_->add_option("HELPER", helper_, "帮扶责任人编号 (helper id)")->required()->check(CLI::PositiveNumber);
    add_->add_option("--reason", reason_, "结对说明 (why this helper)")->required();

    show_ = commands_.add(*pair, "show", "查看一户的帮扶责任人及历史 (a household's helpers and history)");
    show_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);

    end_ = commands_.add(*pair, "end", "结束结对 (end a pairing)");
    end_->add_option("PAIRING", id_, "结对编号 (pairing id)")->required()->check(CLI::PositiveNumber);
    end_->add_option("--reason", reason_, "理由 (why)")->required();

    change_ = commands_.add(*pair, "change", "更换帮扶责任人 (give the pairing another helper)");
    change_->add_option("PAIRING", id_, "结对编号 (pairing id)")->required()->check(CLI::PositiveNumber);
    change_->add_option("HELPER", helper_, "新的帮扶责任人编号 (the new helper's id)")->required()->check(CLI::PositiveNumber);
    change_->add_option("--reason", reason_, "更换理由 (why)")->required();
}

bool pairing_commands::given() const { return commands_.any_parsed(); }

int pairing_commands::run(const command_context& c) {
    const helper_printer printer(c.lang);
    auto& client = c.client;
    if (add_->parsed()) return print_answer(c, printer.pairing_started(client.pair_helper(id_, helper_, reason_)));
    if (show_->parsed()) return print_answer(c, printer.household_helpers(client.household_helpers(id_)));
    if (end_->parsed()) return print_answer(c, printer.pairing_ended(client.end_pairing(id_, reason_)));
    if (change_->parsed()) return print_answer(c, printer.pairing_started(client.change_pairing(id_, helper_, reason_)));
    return exit_usage;
}

}  // namespace fupin::client
