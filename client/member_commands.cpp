#include "client/member_commands.hpp"

#include <istream>
#include <ostream>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"
#include "client/input_errors.hpp"
#include "client/input_file.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"

namespace fupin::client {

member_commands::member_commands(CLI::App& app) {
    auto* members = app.add_subcommand("members", "家庭成员变更：出生、死亡、婚嫁、迁移、换证 (member changes)")
                        ->require_subcommand(1);
    members->fallthrough();
    const auto common_options = [this](CLI::App& c) {
        c.add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
        c.add_option("--date", date_, "变更日期 YYYY-MM-DD，默认今天 (date; default today)");
        c.add_option("--reason", reason_, "变更原因或依据 (why, e.g. 出生医学证明编号)")->required();
    };
    add_ = commands_.add(*members, "add", "增加成员：出生、婚入、迁入 (a member joins)");
    common_options(*add_);
    add_->add_option("--kind", kind_, "出生 birth | 婚入 marriage_in | 迁入 move_in")
        ->required()
        ->check(CLI::IsMember({"birth", "marriage_in", "move_in"}));
    add_->add_option("--member", file_, "新成员 JSON 文件，- 为标准输入 (the member, as in a household file)")->required();
    remove_ = commands_.add(*members, "remove", "减少成员：死亡、婚出、迁出 (a member leaves)");
    common_options(*remove_);
    remove_->add_option("--kind", kind_, "死亡 death | 婚出 marriage_out | 迁出 move_out")
        ->required()
        ->check(CLI::IsMember({"death", "marriage_out", "move_out"}));
    remove_->add_option("--id-number", id_number_, "减少的成员的身份证号 (the member's ID number)")->required();
    remove_->add_option("--new-head", new_head_, "户主减少时，新户主的身份证号 (the new head, when the head leaves)");
    renumber_ = commands_.add(*members, "renumber", "成员身份证号变更 (a member's new ID number)");
    common_options(*renumber_);
    renumber_->add_option("--id-number", id_number_, "原身份证号 (the old number)")->required();
    renumber_->add_option("--new-id-number", new_id_number_, "新身份证号 (the new number)")->required();
    history_ = commands_.add(*members, "history", "该户的成员变更记录 (the household's member changes)");
    history_->add_option("HOUSEHOLD", household_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
}

bool member_commands::given() const { return commands_.any_parsed(); }

int member_commands::check_before_connecting(std::istream& in, std::ostream&, common::language) {
    if (!add_->parsed()) return exit_ok;
    auto json = nlohmann::json::parse(read_input(file_, in), nullptr, false);
    if (json.is_discarded()) throw invalid_json_file(file_ + ": not valid JSON");
    added_ = common::member_from_json(json, "member");  // api_error on a wrong type or an unknown field
    return exit_ok;
}

int member_commands::run(const command_context& c) {
    const household_printer printer(c.lang);
    auto& client = c.client;
    if (history_->parsed()) return print_answer(c, printer.member_change_table(client.member_changes(household_)));
    common::member_change_request change;
    change.effective_on = date_.empty() ? common::format_date(common::today_in_china()) : date_;
    change.reason = reason_;
    if (add_->parsed()) {
        change.kind = kind_;
        change.added = added_;
    } else if (remove_->parsed()) {
        change.kind = kind_;
        change.id_number = id_number_;
        change.new_head_id_number = new_head_;
    } else if (renumber_->parsed()) {
        change.kind = "id_number_change";
        change.id_number = id_number_;
        change.new_id_number = new_id_number_;
    } else {
        return exit_usage;
    }
    // Applied to the file as it stands now (the server derives the rest again); the version read here only guards
    // against another change arriving between this read and the request.
    const auto current = client.get_household(household_);
    const auto [stored, done] = client.change_members(household_, current.version, change);
    return print_answer(c, printer.member_change(done, stored));
}

}  // namespace fupin::client
