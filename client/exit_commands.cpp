#include "client/exit_commands.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/exit_printer.hpp"
#include "client/name_list.hpp"
#include "client/procedure_printer.hpp"
#include "client/quota_commands.hpp"
#include "common/application_workflow.hpp"
#include "common/procedure_input.hpp"

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

    propose_ = commands_.add(*exits, "propose",
                             "村提出拟退出：须达到该年度脱贫标准 (the village proposes a household's exit)");
    propose_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_year_option(*propose_, year_, true);
    propose_->add_option("--note", note_, "备注 (note)");

    const auto case_command = [&](const char* name, const char* help) {
        auto* command = commands_.add(*exits, name, help);
        command->add_option("ID", case_id_, "退出案件编号 (exit case id)")->required()->check(CLI::PositiveNumber);
        command->add_option("--note", note_, "备注 (note)");
        return command;
    };
    vote_ = case_command("vote", "民主评议：评议小组对拟退出户的表决 (the village panel's vote on the exit)");
    vote_->add_option("--meeting-date", meeting_date_, "评议日期 YYYY-MM-DD (meeting date)")->required();
    vote_->add_option("--panel", panel_, "评议小组成员，逗号分隔，9-15 人 (panel members, comma-separated)")->required();
    vote_->add_option("--for", votes_for_, "赞成票 (votes for)")->required()->check(CLI::NonNegativeNumber);
    vote_->add_option("--against", votes_against_, "反对票 (votes against)")->check(CLI::NonNegativeNumber);
    vote_->add_option("--abstain", votes_abstain_, "弃权票 (abstentions)")->check(CLI::NonNegativeNumber);
    acknowledge_ = case_command("acknowledge", "贫困户签字认可 (the household signs that it agrees)");
    acknowledge_->add_option("--on", signed_on_, "签字日期 YYYY-MM-DD (the day it signed)")->required();
    acknowledge_->add_option("--signed-by", signed_by_, "签字的家庭成员 (the member who signed)")->required();
    acknowledge_->add_option("--witness", witness_, "见证人 (witness)")->required();
    complete_ = case_command("complete", "县级公告期满，确认退出 (the county's announcement over: the household exits)");
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
    if (propose_->parsed()) {
        const auto a = client.propose_exit(household_, year_, note_);
        if (c.json) return print_answer(c, "");
        c.out << in(c.lang, "已提出拟退出：\n", "Exit proposed:\n") << procedure_printer(c.lang).application(a);
        return exit_ok;
    }
    if (vote_->parsed() || acknowledge_->parsed() || complete_->parsed()) return run_step(c);
    return exit_usage;
}

std::string exit_commands::explain(const client_error& e, common::language lang) const {
    return procedure_printer(lang).error(e);
}

int exit_commands::run_step(const command_context& c) {
    step_request step;
    step.note = note_;
    if (vote_->parsed()) {
        step.action = std::string(common::procedure_action::appraise);
        common::exit_vote vote{meeting_date_, split_names(panel_), votes_for_, votes_against_, votes_abstain_};
        // The server's own checks, here, so that a typo in the panel costs no round trip.
        try {
            common::check_exit_vote(vote);
        } catch (const common::api_error& e) {
            c.err << e.message(c.lang) << '\n';
            return exit_refused;
        }
        step.vote = std::move(vote);
    } else if (acknowledge_->parsed()) {
        step.action = std::string(common::procedure_action::acknowledge);
        step.acknowledgement = common::exit_acknowledgement{signed_on_, signed_by_, witness_};
    } else {
        step.action = std::string(common::procedure_action::exit_household);
    }
    const auto a = c.client.take_step(case_id_, step);
    if (c.json) return print_answer(c, "");
    c.out << procedure_printer(c.lang).step_taken(step.action, {a});
    return exit_ok;
}

}  // namespace fupin::client
