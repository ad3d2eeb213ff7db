#include "client/campaign_commands.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/api_client.hpp"
#include "client/exit_codes.hpp"
#include "client/subcommands.hpp"
#include "client/text_layout.hpp"
#include "common/api_error.hpp"
#include "common/campaign_json.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

namespace {

std::vector<common::campaign_phase> phases_of(const std::string& preparation, const std::string& identification,
                                              const std::string& registration, const std::string& summary) {
    std::vector<common::campaign_phase> out;
    const std::pair<const char*, const std::string*> given[] = {
        {"preparation", &preparation}, {"identification", &identification}, {"registration", &registration},
        {"summary", &summary}};
    for (const auto& [phase, text] : given) {
        const auto colon = text->find(':');
        out.push_back({phase, text->substr(0, colon), colon == std::string::npos ? "" : text->substr(colon + 1)});
    }
    return out;
}

std::string phases_text(const std::vector<common::campaign_phase>& phases, const std::string& current,
                        common::language lang) {
    std::size_t width = 0;
    for (const auto& p : phases)
        width = std::max(width, common::display_width(common::label(common::vocabulary::campaign_phases, p.phase, lang)));
    std::string out;
    for (const auto& p : phases)
        out += rformat("  {}  {} — {}{}\n", pad(common::label(common::vocabulary::campaign_phases, p.phase, lang), width),
                       p.starts_on, p.ends_on, p.phase == current ? in(lang, "  ← 当前阶段", "  ← now") : "");
    return out;
}

std::string percent(std::int64_t part, std::int64_t whole) {
    return whole ? rformat("{}%", part * 100 / whole) : std::string("-");
}

}  // namespace

campaign_commands::campaign_commands(CLI::App& app) {
    auto* campaign = app.add_subcommand("campaign", "建档立卡工作阶段 (the year's campaign)")->require_subcommand(1);
    set_ = campaign->add_subcommand("set", "设定本年度四个阶段的起止日期，县级 (set the phases; county)");
    set_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2013, 2100));
    for (auto [flag, target, help] : {std::tuple{"--preparation", &preparation_, "准备阶段 起:止，如 2026-03-01:2026-03-31"},
                                      std::tuple{"--identification", &identification_, "识别阶段 起:止"},
                                      std::tuple{"--registration", &registration_, "建档帮扶阶段 起:止"},
                                      std::tuple{"--summary", &summary_, "总结阶段 起:止"}})
        set_->add_option(flag, *target, help)->required();
    show_ = campaign->add_subcommand("show", "本年度各阶段 (the phases)");
    show_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2013, 2100));
    progress_ = app.add_subcommand("progress", "各乡镇工作进度 (each township's progress)");
    add_year_option(*progress_, year_, true);
    progress_->add_option("--area", area_, "县或乡镇代码 (county or township code)");
}

bool campaign_commands::given() const { return set_->parsed() || show_->parsed() || progress_->parsed(); }

int campaign_commands::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    if (!set_->parsed()) return exit_ok;
    try {
        common::validate_campaign_phases(phases_of(preparation_, identification_, registration_, summary_));
    } catch (const common::api_error& e) {
        err << e.message(lang) << "\n";
        return exit_refused;
    }
    return exit_ok;
}

int campaign_commands::run(const command_context& c) {
    const auto lang = c.lang;
    const auto path = "/api/v1/campaigns/" + std::to_string(year_);
    if (set_->parsed()) {
        nlohmann::json phases = nlohmann::json::array();
        for (const auto& p : phases_of(preparation_, identification_, registration_, summary_))
            phases.push_back({{"phase", p.phase}, {"starts_on", p.starts_on}, {"ends_on", p.ends_on}});
        const auto stored = common::campaign_from_json(
            c.client.request_json(http_method::put, path, nlohmann::json{{"phases", phases}}.dump()));
        return print_answer(c, rformat(in(lang, "已设定 {} 年度工作阶段：\n", "the phases of {}:\n"), year_) +
                                   phases_text(stored.phases, "", lang));
    }
    if (show_->parsed()) {
        const auto stored = common::campaign_from_json(c.client.request_json(http_method::get, path));
        return print_answer(c, rformat(in(lang, "{} 年度工作阶段：\n", "the phases of {}:\n"), year_) +
                                   phases_text(stored.phases, "", lang));
    }
    std::string target = path + "/progress";
    if (!area_.empty()) target += "?area=" + url_encode(area_);
    const auto p = common::campaign_progress_from_json(c.client.request_json(http_method::get, target));
    std::string out = rformat(in(lang, "{} 年度工作进度（截至 {}）\n", "progress of {} (as of {})\n"), p.year, p.as_of) +
                      phases_text(p.phases, p.current_phase, lang) + "\n";
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : p.townships)
        rows.push_back({t.township_name, std::to_string(t.households), std::to_string(t.cases),
                        std::to_string(t.cases_open), std::to_string(t.cases_overdue), std::to_string(t.cases_registered),
                        std::to_string(t.cases_refused), std::to_string(t.registered),
                        std::to_string(t.complete_files) + " (" + percent(t.complete_files, t.registered) + ")",
                        std::to_string(t.with_helper) + " (" + percent(t.with_helper, t.registered) + ")",
                        std::to_string(t.with_plan) + " (" + percent(t.with_plan, t.registered) + ")"});
    out += format_table({in(lang, "乡镇", "Township"), in(lang, "档案", "Files"), in(lang, "识别案件", "Cases"),
                         in(lang, "办理中", "Open"), in(lang, "超期", "Overdue"), in(lang, "已建档", "Registered"),
                         in(lang, "未通过", "Refused"), in(lang, "在册贫困户", "Poor now"),
                         in(lang, "资料齐全", "Complete"), in(lang, "已结对", "With helper"),
                         in(lang, "有帮扶计划", "With plan")},
                        rows);
    return print_answer(c, out);
}

}  // namespace fupin::client
