#include "client/review_round_commands.hpp"

#include <istream>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"
#include "client/input_errors.hpp"
#include "client/input_file.hpp"
#include "client/quota_commands.hpp"
#include "client/review_round_printer.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"

namespace fupin::client {

using common::in;

review_round_commands::review_round_commands(CLI::App& app) {
    auto* rounds = app.add_subcommand("rounds", "半年审核调整 (half-yearly review rounds)")->require_subcommand(1);
    rounds->fallthrough();
    open_ = commands_.add(*rounds, "open", "开启一轮审核，纳入全部已建档立卡户 (open a round; county)");
    add_year_option(*open_, year_, true);
    open_->add_option("--half", half_, "1 上半年，2 下半年 (1: first half, 2: second)")->required()->check(CLI::Range(1, 2));
    open_->add_option("--deadline", deadline_, "截止日期 YYYY-MM-DD (deadline)")->required();
    list_ = commands_.add(*rounds, "list", "历次审核 (the rounds)");
    progress_ = commands_.add(*rounds, "progress", "各村或各乡镇的录入进度 (progress per village or township)");
    progress_->add_option("ID", id_, "审核轮次编号 (round id)")->required()->check(CLI::PositiveNumber);
    progress_->add_option("--area", area_, "乡镇或村代码，默认本人辖区 (township or village; default your area)");
    progress_->add_flag("--by-township", by_township_, "按乡镇汇总 (per township)");
    entries_ = commands_.add(*rounds, "entries", "审核名单：疑点户、拟脱贫户、未录入户 (the entries)");
    entries_->add_option("ID", id_, "审核轮次编号 (round id)")->required()->check(CLI::PositiveNumber);
    entries_->add_option("--area", area_, "乡镇或村代码 (township or village)");
    entries_->add_option("--outcome", outcome_, "stays 继续帮扶 | proposed_exit 拟脱贫 | flagged 疑点 | outstanding 未录入")
        ->check(CLI::IsMember({"stays", "proposed_exit", "flagged", "outstanding"}));
    enter_ = commands_.add(*rounds, "enter",
                           "录入一户本期情况：整户档案 JSON，收入为本年度 (enter a household's file again in the round)");
    enter_->add_option("ID", id_, "审核轮次编号 (round id)")->required()->check(CLI::PositiveNumber);
    enter_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    enter_->add_option("FILE", file_, "整户档案 JSON，含 version（household show --json 取回后修改）(the file, with its version)")
        ->required();
    enter_->add_option("--note", note_, "备注 (note)");
}

bool review_round_commands::given() const { return commands_.any_parsed(); }

int review_round_commands::check_before_connecting(std::istream& in, std::ostream& err, common::language lang) {
    if (!enter_->parsed()) return exit_ok;
    // As household update: read, derived and checked by the county's rules before anything is sent.
    auto json = nlohmann::json::parse(read_input(file_, in), nullptr, false);
    if (json.is_discarded()) throw invalid_json_file(file_ + ": not valid JSON");
    auto h = common::household_from_json(json, common::json_source::request);
    common::derive(h);
    const auto problems = common::find_problems(h, common::today_in_china());
    if (!problems.empty()) {
        err << household_printer(lang).local_problems(problems);
        return exit_refused;
    }
    h.id = household_;
    input_ = std::move(h);
    return exit_ok;
}

int review_round_commands::run(const command_context& c) {
    const review_round_printer printer(c.lang);
    auto& client = c.client;
    if (open_->parsed()) return print_answer(c, printer.round(client.open_review_round(year_, half_, deadline_)));
    if (list_->parsed()) return print_answer(c, printer.table(client.list_review_rounds()));
    if (progress_->parsed()) return print_answer(c, printer.progress(client.review_progress(id_, area_, by_township_)));
    if (entries_->parsed()) return print_answer(c, printer.entries(client.review_entries(id_, area_, outcome_)));
    if (enter_->parsed()) return print_answer(c, printer.entry(client.enter_review(id_, *input_, note_)));
    return exit_usage;
}

}  // namespace fupin::client
