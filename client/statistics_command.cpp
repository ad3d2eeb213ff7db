#include "client/statistics_command.hpp"

#include <CLI/CLI.hpp>

#include "client/downloaded_file.hpp"
#include "client/exit_codes.hpp"
#include "client/statistics_printer.hpp"
#include "client/subcommands.hpp"

namespace fupin::client {

statistics_command::statistics_command(CLI::App& app) {
    stats_ = app.add_subcommand("stats", "扶贫对象统计：分区域、分状态、致贫原因、收入分组、帮扶措施与资金 (the figures)");
    stats_->fallthrough();
    add_year_option(*stats_, year_, true);
    stats_->add_option("--area", area_, "县、乡镇或村代码，默认本人区域 (area; default yours)");
    stats_->add_flag("--xlsx", xlsx_, "保存为 Excel 工作簿 (save the workbook)");
    stats_->add_option("-o,--output", output_, "保存到的文件 (file to save to)");

    chart_ = stats_->add_subcommand("chart", "统计图：areas 各区域户数柱状图，causes 致贫原因饼图 (a chart)");
    chart_->add_option("kind", kind_, "areas 或 causes")->required()->check(CLI::IsMember({"areas", "causes"}));
    chart_->add_option("--format", format_, "png 或 svg")->capture_default_str()->check(CLI::IsMember({"png", "svg"}));
}

bool statistics_command::given() const { return stats_->parsed(); }

int statistics_command::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    if (!xlsx_ && !chart_->parsed()) return exit_ok;
    return check_output_folder(output_, err, lang);
}

std::string statistics_command::query() const {
    std::string q = "year=" + std::to_string(year_);
    if (!area_.empty()) q += "&area=" + url_encode(area_);
    return q;
}

int statistics_command::run(const command_context& c) {
    if (chart_->parsed()) return download(c, "/api/v1/statistics/chart?" + query() + "&kind=" + kind_ + "&format=" + format_, output_);
    if (xlsx_) return download(c, "/api/v1/statistics?" + query() + "&format=xlsx", output_);
    return print_answer(c, statistics_printer(c.lang).report(c.client.statistics(area_, year_)));
}

}  // namespace fupin::client
