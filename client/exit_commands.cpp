#include "client/exit_commands.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/exit_printer.hpp"
#include "client/quota_commands.hpp"

namespace fupin::client {

using common::in;

exit_commands::exit_commands(CLI::App& app) {
    auto* exits = app.add_subcommand("exit", "脱贫退出 (exit from poverty)")->require_subcommand(1);
    exits->fallthrough();
    standards_ = commands_.add(*exits, "standards", "各年度脱贫标准 (the exit standard of every year)");
    standard_set_ = commands_.add(*exits, "standard-set",
                                  "设定脱贫标准，县级系统管理员 (set a year's exit standard; county administrator)");
    standard_set_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2000, 2100));
    standard_set_->add_option("--line", line_, "人均纯收入须超过的金额，元/人·年 (income line, yuan)")->required();
    standard_set_->add_option("--transition-years", transition_years_,
                              "脱贫后保持政策的过渡期年数 (years policies last after exit)")
        ->required()
        ->check(CLI::Range(0, 10));
    check_ = commands_.add(*exits, "check", "对照脱贫标准检查一户 (judge a household against the exit standard)");
    check_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_year_option(*check_, year_, true);
}

bool exit_commands::given() const { return commands_.any_parsed(); }

int exit_commands::run(const command_context& c) {
    const exit_printer printer(c.lang);
    auto& client = c.client;
    if (standards_->parsed()) return print_answer(c, printer.standard_table(client.list_exit_standards()));
    if (standard_set_->parsed()) {
        common::money_fen fen = 0;
        if (!parse_yuan(line_, fen) || fen <= 0) {
            c.err << in(c.lang, "脱贫标准应为正的金额（元），最多两位小数，如 3300：",
                       "The line must be a positive amount in yuan with at most two decimals, e.g. 3300: ")
                  << line_ << '\n';
            return exit_usage;
        }
        return print_answer(c, printer.standard(client.set_exit_standard(year_, fen, transition_years_)));
    }
    if (check_->parsed()) return print_answer(c, printer.verdict(household_, year_, client.exit_verdict(household_, year_)));
    return exit_usage;
}

}  // namespace fupin::client
