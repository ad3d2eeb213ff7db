#include "client/measure_commands.hpp"

#include <algorithm>
#include <istream>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/assistance_printer.hpp"
#include "client/exit_codes.hpp"
#include "client/quota_commands.hpp"

namespace fupin::client {

using common::in;

namespace {
const std::vector<std::string> categories{"industry", "employment_training", "infrastructure", "relocation",
                                          "education", "health", "housing_renovation", "microcredit",
                                          "ecological_compensation", "social_safety_net"};
const std::vector<std::string> statuses{"planned", "in_progress", "completed", "cancelled"};
}  // namespace

bool parse_fund(const std::string& text, common::measure_fund& fund) {
    const auto first = text.find(':');
    if (first == std::string::npos) return false;
    const auto second = text.find(':', first + 1);
    fund.source = text.substr(0, first);
    const auto planned = text.substr(first + 1, second == std::string::npos ? std::string::npos : second - first - 1);
    fund.paid = 0;
    if (!parse_yuan(planned, fund.planned)) return false;
    return second == std::string::npos || parse_yuan(text.substr(second + 1), fund.paid);
}

measure_commands::measure_commands(CLI::App& app) {
    auto* measures = app.add_subcommand("measures", "帮扶措施（分类分档）(assistance measures)")->require_subcommand(1);
    measures->fallthrough();
    list_ = commands_.add(*measures, "list", "一户的帮扶措施 (a household's measures)");
    list_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_year_option(*list_, year_, false);
    show_ = commands_.add(*measures, "show", "查看一项措施及其资金 (a measure and its funds)");
    show_->add_option("MEASURE", id_, "措施编号 (measure id)")->required()->check(CLI::PositiveNumber);
    suggest_ = commands_.add(*measures, "suggest", "按致贫原因建议帮扶类别 (categories that fit the causes)");
    suggest_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);

    const auto fields = [&](CLI::App* c, bool adding) {
        auto* category = c->add_option("--category", category_, "类别 (category)")->check(CLI::IsMember(categories));
        auto* content = c->add_option("--content", content_, "措施内容 (what is done)");
        if (adding) category->required(), content->required();
        c->add_option("--helper", helper_, "责任人编号，0 为不指定 (helper id; 0 for none)")->check(CLI::NonNegativeNumber);
        c->add_option("--project", project_, "所属项目编号，0 为无 (project id; 0 for none)")->check(CLI::NonNegativeNumber);
        c->add_option("--status", status_, "计划 planned | 实施中 in_progress | 已完成 completed | 取消 cancelled")
            ->check(CLI::IsMember(statuses));
        c->add_option("--reason", reason_, "取消理由 (why it was cancelled)");
        c->add_option("--start", start_, "开始日期 YYYY-MM-DD (start date)");
        c->add_option("--end", end_, "结束日期 YYYY-MM-DD (end date)");
        c->add_option("--fund", fund_texts_,
                      "资金：来源:计划元[:已到户元]，可多次，如 central:5000:3000；来源 central 中央 | provincial 省 | "
                      "municipal 市 | county 县 | credit 信贷 | self 自筹 | social 社会帮扶 (funds; repeatable)");
    };
    add_ = commands_.add(*measures, "add", "为已建档立卡户登记帮扶措施 (add a measure)");
    add_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    add_year_option(*add_, year_, true);
    fields(add_, true);
    update_ = commands_.add(*measures, "update", "修改措施：状态、资金、责任人等 (change a measure)");
    update_->add_option("MEASURE", id_, "措施编号 (measure id)")->required()->check(CLI::PositiveNumber);
    fields(update_, false);

    auto* projects = app.add_subcommand("projects", "帮扶项目 (projects serving several households)")->require_subcommand(1);
    projects->fallthrough();
    projects_list_ = commands_.add(*projects, "list", "列出项目 (list projects)");
    projects_list_->add_option("--area", area_, "区划代码，默认本人区域 (area; default yours)");
    add_year_option(*projects_list_, year_, false);
    projects_add_ = commands_.add(*projects, "add", "登记项目 (add a project)");
    projects_add_->add_option("--name", name_, "项目名称 (name)")->required();
    projects_add_->add_option("--category", category_, "类别 (category)")->required()->check(CLI::IsMember(categories));
    add_year_option(*projects_add_, year_, true);
    projects_add_->add_option("--area", area_, "服务的乡镇或村代码 (township or village code)")->required();
    projects_add_->add_option("--content", content_, "项目内容 (content)");
}

bool measure_commands::given() const { return commands_.any_parsed(); }

int measure_commands::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    funds_.clear();
    for (const auto& text : fund_texts_) {
        common::measure_fund f;
        if (!parse_fund(text, f)) {
            err << in(lang, "资金应写作 来源:计划元[:已到户元]，如 central:5000:3000：",
                      "Funds are written SOURCE:PLANNED[:PAID] in yuan, e.g. central:5000:3000: ")
                << text << '\n';
            return exit_usage;
        }
        funds_.push_back(f);
    }
    return exit_ok;
}

int measure_commands::run(const command_context& c) {
    const assistance_printer printer(c.lang);
    auto& client = c.client;
    // What the flags say of a measure, over what it was.
    const auto apply = [&](common::measure m) {
        if (!category_.empty()) m.category = category_;
        if (!content_.empty()) m.content = content_;
        if (helper_) m.helper_id = *helper_;
        if (project_) m.project_id = *project_;
        if (!status_.empty()) m.status = status_;
        if (m.status == "cancelled") {
            if (!reason_.empty()) m.cancel_reason = reason_;
        } else {
            m.cancel_reason.clear();
        }
        if (start_) m.start_date = *start_;
        if (end_) m.end_date = *end_;
        // A source named again replaces what it had; the others stay.
        for (const auto& f : funds_) {
            auto it = std::find_if(m.funds.begin(), m.funds.end(), [&](const auto& x) { return x.source == f.source; });
            if (it == m.funds.end()) m.funds.push_back(f);
            else *it = f;
        }
        return m;
    };
    if (list_->parsed()) return print_answer(c, printer.measure_table(client.list_measures(id_, year_)));
    if (show_->parsed()) return print_answer(c, printer.measure(client.get_measure(id_)));
    if (suggest_->parsed()) return print_answer(c, printer.suggestions(client.suggestions(id_)));
    if (add_->parsed()) {
        common::measure m;
        m.plan_year = year_;
        const auto stored = client.add_measure(id_, apply(m));
        return print_answer(c, std::string(in(c.lang, "已登记帮扶措施：\n", "Measure added:\n")) + printer.measure(stored));
    }
    if (update_->parsed()) {
        const auto stored = client.update_measure(apply(client.get_measure(id_)));
        return print_answer(c, std::string(in(c.lang, "已修改帮扶措施：\n", "Measure changed:\n")) + printer.measure(stored));
    }
    if (projects_list_->parsed()) return print_answer(c, printer.project_table(client.list_projects(area_, year_)));
    if (projects_add_->parsed()) {
        common::project p;
        p.name = name_;
        p.category = category_;
        p.year = year_;
        p.area_code = area_;
        p.content = content_;
        return print_answer(c, std::string(in(c.lang, "已登记", "Added: ")) + printer.project(client.add_project(p)));
    }
    return exit_usage;
}

}  // namespace fupin::client
