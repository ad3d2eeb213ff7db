#include "client/visit_commands.hpp"

#include <CLI/CLI.hpp>

#include "client/assistance_printer.hpp"
#include "client/exit_codes.hpp"
#include "common/china_date.hpp"

namespace fupin::client {

visit_commands::visit_commands(CLI::App& app) {
    auto* visits = app.add_subcommand("visits", "走访记录与明察暗访 (visits and unannounced checks)")->require_subcommand(1);
    visits->fallthrough();
    list_ = commands_.add(*visits, "list", "一户的走访记录 (a household's visits)");
    list_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_ = commands_.add(*visits, "add", "登记走访 (record a visit)");
    add_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_->add_option("--kind", kind_,
                     "入户走访 home_visit | 电话 phone | 集中帮扶 group_assistance | 明察暗访 unannounced_check（督查）")
        ->capture_default_str()
        ->check(CLI::IsMember({"home_visit", "phone", "group_assistance", "unannounced_check"}));
    add_->add_option("--helper", helper_, "走访的帮扶责任人编号（明察暗访不填；帮扶责任人本人登录时可不填）"
                                    "(the helper; none for a check, nor when the helper records his own)")
        ->check(CLI::PositiveNumber);
    add_->add_option("--date", date_, "走访日期 YYYY-MM-DD，默认今天 (date; default today)");
    add_->add_option("--done", done_, "帮扶内容 (what was done)")->required();
    add_->add_option("--situation", situation_, "户的情况 (the household's situation)");
    add_->add_option("--follow-up", follow_up_, "后续安排 (follow-up)");
}

bool visit_commands::given() const { return commands_.any_parsed(); }

int visit_commands::run(const command_context& c) {
    const assistance_printer printer(c.lang);
    if (list_->parsed()) return print_answer(c, printer.visit_table(c.client.list_visits(household_)));
    if (add_->parsed()) {
        common::visit v;
        v.helper_id = helper_;
        v.kind = kind_;
        v.visited_on = date_.empty() ? common::format_date(common::today_in_china()) : date_;
        v.done = done_;
        v.situation = situation_;
        v.follow_up = follow_up_;
        return print_answer(c, printer.visit(c.client.record_visit(household_, v)));
    }
    return exit_usage;
}

}  // namespace fupin::client
