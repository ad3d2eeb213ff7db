#include "client/plan_commands.hpp"

#include <istream>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/assistance_printer.hpp"
#include "client/exit_codes.hpp"
#include "client/quota_commands.hpp"

namespace fupin::client {

using common::in;

plan_commands::plan_commands(CLI::App& app) {
    auto* plan = app.add_subcommand("plan", "一户的年度帮扶计划 (a household's assistance plan)")->require_subcommand(1);
    plan->fallthrough();
    show_ = commands_.add(*plan, "show", "查看帮扶计划及当年措施 (the plan and the year's measures)");
    show_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_year_option(*show_, year_, true);
    set_ = commands_.add(*plan, "set", "制定或修改帮扶计划 (make or change the plan)");
    set_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_year_option(*set_, year_, true);
    set_->add_option("--income-effect", effect_text_, "预期增收（元/年）(expected income effect, yuan a year)");
    set_->add_option("--acknowledged", acknowledged_, "户签字认可日期 YYYY-MM-DD (the household signed it on)");
    set_->add_option("--note", note_, "说明 (note)");
}

bool plan_commands::given() const { return commands_.any_parsed(); }

int plan_commands::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    if (!set_->parsed() || effect_text_.empty()) return exit_ok;
    if (!parse_yuan(effect_text_, effect_)) {
        err << in(lang, "预期增收应为金额（元），最多两位小数：", "The income effect must be an amount in yuan: ")
            << effect_text_ << '\n';
        return exit_usage;
    }
    return exit_ok;
}

int plan_commands::run(const command_context& c) {
    const assistance_printer printer(c.lang);
    auto& client = c.client;
    if (show_->parsed()) return print_answer(c, printer.plan(client.get_plan(household_, year_)));
    if (set_->parsed()) {
        // The plan as stored, changed where a flag says; its version guards against another's change meanwhile.
        auto p = client.get_plan(household_, year_);
        if (!effect_text_.empty()) p.expected_income_effect = effect_;
        if (acknowledged_) p.acknowledged_on = *acknowledged_;
        if (note_) p.note = *note_;
        const auto stored = client.save_plan(household_, p);
        return print_answer(c, std::string(in(c.lang, "已保存帮扶计划：\n", "Plan saved:\n")) + printer.plan(stored));
    }
    return exit_usage;
}

}  // namespace fupin::client
