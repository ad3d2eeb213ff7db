#include "client/quota_commands.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/procedure_printer.hpp"

namespace fupin::client {

using common::in;

bool parse_yuan(const std::string& text, common::money_fen& fen) {
    const auto dot = text.find('.');
    const std::string whole = text.substr(0, dot);
    const std::string cents = dot == std::string::npos ? "" : text.substr(dot + 1);
    const auto digits = [](const std::string& s) {
        return std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
    };
    if (whole.empty() || whole.size() > 9 || !digits(whole) || cents.size() > 2 || !digits(cents) ||
        (dot != std::string::npos && cents.empty()))
        return false;
    fen = std::stoll(whole) * 100 + (cents.empty() ? 0 : std::stoll(cents) * (cents.size() == 1 ? 10 : 1));
    return true;
}

quota_commands::quota_commands(CLI::App& app) {
    auto* lines = app.add_subcommand("lines", "扶贫标准 (poverty lines)")->require_subcommand(1);
    lines->fallthrough();
    lines_list_ = commands_.add(*lines, "list", "各年度扶贫标准 (the lines of every year)");
    lines_set_ = commands_.add(*lines, "set", "设定扶贫标准，县级系统管理员 (set a year's line; county administrator)");
    lines_set_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2000, 2100));
    lines_set_->add_option("AMOUNT", amount_, "元/人·年，如 2300 (yuan per person a year)")->required();

    auto* quotas = app.add_subcommand("quotas", "扶贫对象规模 (quotas)")->require_subcommand(1);
    quotas->fallthrough();
    quotas_list_ = commands_.add(*quotas, "list", "列出规模 (list quotas)");
    add_year_option(*quotas_list_, year_, true);
    quotas_list_->add_option("--parent", parent_, "上级区划代码，默认本人区域 (parent area; default yours)");
    quotas_set_ = commands_.add(*quotas, "set", "设定规模 (set a quota)");
    quotas_set_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2000, 2100));
    quotas_set_->add_option("AREA", area_, "区划代码 (area code)")->required();
    quotas_set_->add_option("N", places_, "户数 (households)")->required()->check(CLI::NonNegativeNumber);
}

bool quota_commands::given() const { return commands_.any_parsed(); }

std::string quota_commands::explain(const client_error& e, common::language lang) const {
    return procedure_printer(lang).error(e);
}

int quota_commands::run(const command_context& c) {
    const procedure_printer printer(c.lang);
    auto& client = c.client;
    if (lines_list_->parsed()) return print_answer(c, printer.poverty_line_table(client.list_poverty_lines()));
    if (lines_set_->parsed()) {
        common::money_fen fen = 0;
        if (!parse_yuan(amount_, fen) || fen <= 0) {
            c.err << in(c.lang, "扶贫标准应为正的金额（元），最多两位小数，如 2300：",
                       "The line must be a positive amount in yuan with at most two decimals, e.g. 2300: ")
                  << amount_ << '\n';
            return exit_usage;
        }
        return print_answer(c, printer.poverty_line(client.set_poverty_line(year_, fen)));
    }
    if (quotas_list_->parsed()) return print_answer(c, printer.quota_table(client.list_quotas(year_, parent_)));
    if (quotas_set_->parsed()) return print_answer(c, printer.quota(client.set_quota(year_, area_, places_)));
    return exit_usage;
}

}  // namespace fupin::client
