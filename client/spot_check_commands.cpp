#include "client/spot_check_commands.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/quota_commands.hpp"
#include "client/spot_check_printer.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

namespace {

std::vector<std::string> codes_of(const common::vocabulary_list& list) {
    std::vector<std::string> codes;
    for (const auto& e : list.entries) codes.push_back(e.code);
    return codes;
}

}  // namespace

spot_check_commands::spot_check_commands(CLI::App& app) {
    auto* checks = app.add_subcommand("spot-checks", "不定期抽查、明察暗访 (spot checks)")->require_subcommand(1);
    checks->fallthrough();
    draw_ = commands_.add(*checks, "draw", "按乡镇和类别分层抽取样本，督查人员 (draw a stratified sample; supervisor)");
    add_year_option(*draw_, year_, true);
    draw_->add_option("--share", share_, "每层抽取比例，% (share of each stratum)")->check(CLI::Range(1, 100));
    draw_->add_option("--minimum", minimum_, "每层至少抽取户数 (at least this many per stratum)")->check(CLI::Range(1, 10000));
    list_ = commands_.add(*checks, "list", "历次抽查 (the samples drawn)");
    show_ = commands_.add(*checks, "show", "样本的分层和每户核查情况 (a sample's strata and files)");
    show_->add_option("ID", id_, "抽查编号 (spot check id)")->required()->check(CLI::PositiveNumber);
    record_ = commands_.add(*checks, "record", "记录一户的核查结果 (record a sampled household's check)");
    record_->add_option("ID", id_, "抽查编号 (spot check id)")->required()->check(CLI::PositiveNumber);
    record_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    record_->add_option("--on", on_, "核查日期 YYYY-MM-DD (the day of the check)")->required();
    record_->add_option("--method", method_, "home_visit 入户 | phone 电话 | unannounced 暗访")
        ->required()
        ->check(CLI::IsMember(codes_of(common::vocabulary::check_methods)));
    record_->add_option("--verdict", verdict_, "accurate 准确 | inaccurate 有误 | should_exit 应退未退 | should_enter 应纳未纳")
        ->required()
        ->check(CLI::IsMember(codes_of(common::vocabulary::check_verdicts)));
    record_->add_option("--follow-up", follow_up_, "none | correction 更正档案 | exit 启动退出 | identification 启动识别")
        ->required()
        ->check(CLI::IsMember(codes_of(common::vocabulary::check_follow_ups)));
    record_->add_option("--right", right_, "核实无误的项目，可多次 (a field found right; repeatable)");
    record_->add_option("--wrong", wrong_, "不符的项目：项目=实际情况，可多次 (FIELD=what was found; repeatable)");
    record_->add_option("--note", note_, "备注 (note)");
    accuracy_ = commands_.add(*checks, "accuracy", "各乡镇和全县的准确率 (accuracy per township and for the county)");
    accuracy_->add_option("ID", id_, "抽查编号 (spot check id)")->required()->check(CLI::PositiveNumber);
}

bool spot_check_commands::given() const { return commands_.any_parsed(); }

int spot_check_commands::run(const command_context& c) {
    const spot_check_printer printer(c.lang);
    auto& client = c.client;
    if (draw_->parsed()) return print_answer(c, printer.check(client.draw_spot_check({year_, share_, minimum_, ""})));
    if (list_->parsed()) return print_answer(c, printer.table(client.list_spot_checks()));
    if (show_->parsed()) return print_answer(c, printer.check(client.get_spot_check(id_)));
    if (record_->parsed()) return run_record(c);
    if (accuracy_->parsed()) return print_answer(c, printer.accuracy(client.spot_check_accuracy(id_)));
    return exit_usage;
}

int spot_check_commands::run_record(const command_context& c) {
    common::spot_check_result r;
    r.checked_on = on_;
    r.method = method_;
    r.verdict = verdict_;
    r.follow_up = follow_up_;
    r.note = note_;
    for (const auto& field : right_) r.findings.push_back({field, true, ""});
    for (const auto& given : wrong_) {
        const auto eq = given.find('=');
        if (eq == std::string::npos || eq == 0) {
            c.err << in(c.lang, "--wrong 应写成 项目=实际情况，如 income=家中开有小卖部：",
                       "--wrong takes FIELD=what was found, e.g. income=runs a shop: ")
                  << given << '\n';
            return exit_usage;
        }
        r.findings.push_back({given.substr(0, eq), false, given.substr(eq + 1)});
    }
    // The server's own rule, here, so that a record that contradicts itself costs no round trip.
    try {
        common::check_spot_check_result(r);
    } catch (const common::api_error& e) {
        c.err << e.message(c.lang) << '\n';
        return exit_refused;
    }
    return print_answer(c, spot_check_printer(c.lang).item(c.client.record_spot_check(id_, household_, r)));
}

}  // namespace fupin::client
