#include "client/helper_commands.hpp"

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/helper_printer.hpp"

namespace fupin::client {

using common::in;

namespace {
const std::vector<std::string> unit_levels{"provincial", "municipal", "county", "township", "village"};
const std::vector<std::string> backgrounds{"official", "enterprise", "village_official", "technician",
                                           "business_owner"};
}  // namespace

helper_commands::helper_commands(CLI::App& app) {
    auto* helpers = app.add_subcommand("helpers", "帮扶单位、帮扶责任人和志愿服务队 (helpers)")->require_subcommand(1);
    helpers->fallthrough();

    units_ = commands_.add(*helpers, "units", "列出帮扶单位 (list the helper units)");
    unit_add_ = commands_.add(*helpers, "unit-add", "登记帮扶单位，县级 (add a unit; county)");
    unit_add_->add_option("--name", name_, "单位名称 (name)")->required();
    unit_add_->add_option("--level", level_, "省直 provincial | 市直 municipal | 县直 county | 乡镇 township | 村级 village")
        ->required()
        ->check(CLI::IsMember(unit_levels));
    unit_add_->add_option("--area", area_, "所在区划代码：县直及以上填县代码 (division code)")->required();

    list_ = commands_.add(*helpers, "list", "列出帮扶责任人 (list helpers)");
    list_->add_option("--unit", unit_, "只列此单位 (only this unit)")->check(CLI::PositiveNumber);
    list_->add_flag("--volunteers", volunteers_only_, "只列志愿服务队 (the volunteer team only)");

    show_ = commands_.add(*helpers, "show", "查看帮扶责任人及其结对户 (a helper and the households paired)");
    show_->add_option("ID", id_, "帮扶责任人编号 (helper id)")->required()->check(CLI::PositiveNumber);

    mine_ = commands_.add(*helpers, "mine",
                          "本人信息及结对户，帮扶责任人登录后使用 (my record and households, as a helper)");

    add_ = commands_.add(*helpers, "add", "登记帮扶责任人，县级 (add a helper; county)");
    add_->add_option("--unit", unit_, "帮扶单位编号 (unit id)")->required()->check(CLI::PositiveNumber);
    add_->add_option("--name", name_, "姓名 (name)")->required();
    add_->add_option("--post", post_, "职务 (post)");
    add_->add_option("--phone", phone_, "联系电话 (phone)")->required();
    add_->add_option("--volunteer", volunteer_, "加入志愿服务队的身份 (volunteer background)")
        ->check(CLI::IsMember(backgrounds));
    add_->add_flag("--leader{true}", leader_, "任志愿服务队队长 (leads the volunteer team)");
    add_->add_option("--account", account_, "登录账号，角色须为帮扶责任人 (the account he logs in with, role helper)");

    edit_ = commands_.add(*helpers, "edit", "修改帮扶责任人，县级 (edit a helper; county)");
    edit_->add_option("ID", id_, "帮扶责任人编号 (helper id)")->required()->check(CLI::PositiveNumber);
    edit_->add_option("--unit", unit_, "帮扶单位编号 (unit id)")->check(CLI::PositiveNumber);
    edit_->add_option("--name", name_, "姓名 (name)");
    edit_->add_option("--post", post_, "职务 (post)");
    edit_->add_option("--phone", phone_, "联系电话 (phone)");
    edit_->add_option("--volunteer", volunteer_, "志愿服务队身份，none 为退出 (background; none leaves the team)")
        ->check(CLI::IsMember([] {
            auto all = backgrounds;
            all.push_back("none");
            return all;
        }()));
    edit_->add_flag("--leader{true},--no-leader{false}", leader_, "任或免志愿服务队队长 (lead the team or not)");
    edit_->add_flag("--active{true},--inactive{false}", active_, "启用或停用 (make active or inactive)");
    edit_->add_option("--account", account_, "登录账号，none 为取消 (the account he logs in with; none: no account)");
}

bool helper_commands::given() const { return commands_.any_parsed(); }

int helper_commands::run(const command_context& c) {
    const helper_printer printer(c.lang);
    auto& client = c.client;
    if (units_->parsed()) return print_answer(c, printer.unit_table(client.list_helper_units()));
    if (unit_add_->parsed()) {
        common::helper_unit u;
        u.name = name_;
        u.level = level_;
        u.area_code = area_;
        return print_answer(c, std::string(in(c.lang, "已登记", "Added: ")) + printer.unit(client.create_helper_unit(u)));
    }
    if (list_->parsed()) return print_answer(c, printer.helper_table(client.list_helpers(unit_, volunteers_only_)));
    if (show_->parsed()) {
        const auto households = client.helper_households(id_);
        const auto h = client.get_helper(id_);  // last, so that --json prints the helper
        return print_answer(c, printer.helper(h, &households));
    }
    if (mine_->parsed()) {
        // The server names the helper behind a helper's account; a helper reads his own record and households.
        const auto me = client.whoami()["user"];
        if (!me.contains("helper_id") || me["helper_id"].is_null()) {
            c.err << in(c.lang, "您的账号没有关联帮扶责任人（请县扶贫办在帮扶责任人信息中填写您的登录账号）。\n",
                        "Your account is not a helper's (the poverty office names it on the helper).\n");
            return exit_forbidden;
        }
        const auto id = me["helper_id"].get<std::int64_t>();
        const auto households = client.helper_households(id);
        return print_answer(c, printer.helper(client.get_helper(id), &households));
    }
    if (add_->parsed()) {
        common::helper h;
        h.unit_id = unit_;
        h.name = name_;
        h.post = post_;
        h.phone = phone_;
        h.volunteer_background = volunteer_;
        h.team_leader = leader_.value_or(false);
        h.username = account_;
        const auto stored = client.create_helper(h);
        return print_answer(c, std::string(in(c.lang, "已登记帮扶责任人：\n", "Helper added:\n")) + printer.helper(stored));
    }
    if (edit_->parsed()) {
        // The stored helper, changed where a flag says: the edit names the version it read, so a change made
        // meanwhile by someone else is refused (version_conflict) rather than overwritten.
        auto h = client.get_helper(id_);
        if (unit_) h.unit_id = unit_;
        if (!name_.empty()) h.name = name_;
        if (!post_.empty()) h.post = post_;
        if (!phone_.empty()) h.phone = phone_;
        if (volunteer_ == "none") h.volunteer_background.clear(), h.team_leader = false;
        else if (!volunteer_.empty()) h.volunteer_background = volunteer_;
        if (leader_) h.team_leader = *leader_;
        if (active_) h.active = *active_;
        if (account_ == "none") h.username.clear();
        else if (!account_.empty()) h.username = account_;
        const auto stored = client.update_helper(h);
        return print_answer(c, std::string(in(c.lang, "已修改帮扶责任人：\n", "Helper changed:\n")) +
                                   printer.helper(stored));
    }
    return exit_usage;
}

}  // namespace fupin::client
