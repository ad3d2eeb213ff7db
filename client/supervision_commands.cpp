#include "client/supervision_commands.hpp"

#include <algorithm>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/api_client.hpp"
#include "client/downloaded_file.hpp"
#include "client/exit_codes.hpp"
#include "client/subcommands.hpp"
#include "client/text_layout.hpp"
#include "common/api_error.hpp"
#include "common/display_text.hpp"
#include "common/supervision_json.hpp"
#include "common/utf8.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;
namespace voc = common::vocabulary;

namespace {

const char* indicator_codes[] = {"progress", "completeness", "objections", "spot_checks"};

std::string weights_text(const common::supervision_weights& w, common::language lang) {
    const int weights[] = {w.progress, w.completeness, w.objections, w.spot_checks};
    std::size_t width = 0;
    for (const auto* code : indicator_codes)
        width = std::max(width, common::display_width(common::label(voc::supervision_indicators, code, lang)));
    std::string out;
    for (std::size_t i = 0; i < 4; ++i)
        out += rformat("  {}  {:>3}\n", pad(common::label(voc::supervision_indicators, indicator_codes[i], lang), width),
                       weights[i]);
    return out;
}

const std::optional<int>& indicator_of(const common::township_standing& t, std::size_t i) {
    const std::optional<int>* all[] = {&t.indicators.progress, &t.indicators.completeness, &t.indicators.objections,
                                       &t.indicators.spot_checks};
    return *all[i];
}

std::string ranking_text(const common::supervision_ranking& r, common::language lang) {
    std::string out = rformat(in(lang, "{} 年度专项督查排名（截至 {}，参与排名乡镇 {} 个）\n",
                                 "supervision ranking of {} (as of {}; {} township(s) ranked)\n"),
                              r.year, r.as_of, r.townships_ranked);
    out += in(lang, "指标权重：\n", "weights:\n") + weights_text(r.weights, lang) + "\n";
    std::vector<std::string> header{in(lang, "排名", "Rank"), in(lang, "乡镇", "Township"), in(lang, "得分", "Score")};
    for (const auto* code : indicator_codes) header.push_back(common::label(voc::supervision_indicators, code, lang));
    std::vector<std::vector<std::string>> rows;
    for (const auto& t : r.townships) {
        std::vector<std::string> row{t.rank ? std::to_string(*t.rank) : "—", t.township_name,
                                     t.score ? common::format_score(*t.score) : "—"};
        for (std::size_t i = 0; i < 4; ++i) {
            const auto basis = common::indicator_basis(t.figures, indicator_codes[i]);
            row.push_back(common::format_indicator(indicator_of(t, i)) + (basis.empty() ? "" : " (" + basis + ")"));
        }
        rows.push_back(std::move(row));
    }
    out += format_table(header, rows);
    std::string notes;
    for (const auto& t : r.townships)
        for (const auto& n : t.notes)
            notes += rformat(in(lang, "  【{}】{}：{}（{}，{}）\n", "  [{}] {}: {} ({}, {})\n"),
                             common::label(voc::supervision_note_kinds, n.kind, lang), t.township_name, n.text,
                             n.written_by, common::format_beijing_time(n.written_at_ms));
    if (!notes.empty()) out += in(lang, "\n督查通报：\n", "\nnotices:\n") + notes;
    return out;
}

}  // namespace

supervision_commands::supervision_commands(CLI::App& app) {
    ranking_ = app.add_subcommand("ranking", "专项督查：各乡镇排名、得分与指标 (the townships' ranking)");
    add_year_option(*ranking_, year_, true);
    ranking_->add_option("--area", area_, "县或乡镇代码，默认本人区域 (county or township code)");
    auto* as_xlsx = ranking_->add_flag("--xlsx", xlsx_, "保存为 Excel 工作簿 (save the workbook)");
    ranking_->add_flag("--pdf", pdf_, "保存为 PDF 通报 (save the circular as PDF)")->excludes(as_xlsx);
    ranking_->add_option("-o,--output", output_, "保存到的文件 (file to save to)");

    auto* supervision = app.add_subcommand("supervision", "专项督查：指标权重与通报 (weights and notices)")
                            ->require_subcommand(1);
    auto* weights = supervision->add_subcommand("weights", "督查指标权重 (the year's weights)")->require_subcommand(1);
    set_weights_ = weights->add_subcommand("set", "设定权重，四项之和为100，县级 (set the weights; county)");
    set_weights_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2013, 2100));
    for (auto [flag, target, help] :
         {std::tuple{"--progress", &progress_, "工作进度 (progress against the phases)"},
          std::tuple{"--completeness", &completeness_, "资料齐全率 (complete files)"},
          std::tuple{"--objections", &objections_, "县级公示无误率 (no objection upheld on the county's posting)"},
          std::tuple{"--spot-checks", &spot_checks_, "抽查准确率 (spot-check accuracy)"}})
        set_weights_->add_option(flag, *target, help)->required()->check(CLI::Range(0, 100));
    show_weights_ = weights->add_subcommand("show", "查看权重 (the weights)");
    show_weights_->add_option("YEAR", year_, "年度 (year)")->required()->check(CLI::Range(2013, 2100));
    note_ = supervision->add_subcommand("note", "对乡镇通报表扬或批评，督查人员、县扶贫办 (a notice on a township)");
    note_->add_option("TOWNSHIP", township_, "乡镇代码 (township code)")->required();
    add_year_option(*note_, year_, true);
    note_->add_option("--kind", kind_, "commendation 通报表扬 或 criticism 通报批评")
        ->required()
        ->check(CLI::IsMember({"commendation", "criticism"}));
    note_->add_option("--text", text_, "通报内容 (the notice)")->required();
}

bool supervision_commands::given() const {
    return ranking_->parsed() || set_weights_->parsed() || show_weights_->parsed() || note_->parsed();
}

int supervision_commands::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    try {
        if (set_weights_->parsed())
            common::validate_supervision_weights({year_, progress_, completeness_, objections_, spot_checks_, "", 0});
        if (note_->parsed()) common::validate_supervision_note({0, year_, township_, kind_, text_, "", 0});
    } catch (const common::api_error& e) {
        err << e.message(lang) << "\n";
        return exit_refused;
    }
    if (ranking_->parsed() && (xlsx_ || pdf_)) return check_output_folder(output_, err, lang);
    return exit_ok;
}

int supervision_commands::run(const command_context& c) {
    const auto lang = c.lang;
    const auto path = "/api/v1/supervision/" + std::to_string(year_);
    if (set_weights_->parsed()) {
        const nlohmann::json body{{"progress", progress_},
                                  {"completeness", completeness_},
                                  {"objections", objections_},
                                  {"spot_checks", spot_checks_}};
        const auto w = common::supervision_weights_from_json(
            c.client.request_json(http_method::put, path + "/weights", body.dump()));
        return print_answer(c, rformat(in(lang, "已设定 {} 年度督查指标权重：\n", "the weights of {}:\n"), year_) +
                                   weights_text(w, lang));
    }
    if (show_weights_->parsed()) {
        const auto w = common::supervision_weights_from_json(c.client.request_json(http_method::get, path + "/weights"));
        return print_answer(c, rformat(in(lang, "{} 年度督查指标权重（{} 设定于 {}）：\n", "the weights of {} (set by {} at {}):\n"),
                                       year_, w.set_by, common::format_beijing_time(w.set_at_ms)) +
                                   weights_text(w, lang));
    }
    if (note_->parsed()) {
        const nlohmann::json body{{"township_code", township_}, {"kind", kind_}, {"text", text_}};
        const auto n = common::supervision_note_from_json(
            c.client.request_json(http_method::post, path + "/notes", body.dump()));
        return print_answer(c, rformat(in(lang, "已记录{}（编号 {}）\n", "{} recorded (no. {})\n"),
                                       common::label(voc::supervision_note_kinds, n.kind, lang), n.id));
    }
    std::string target = path + "/ranking";
    std::string query;
    if (!area_.empty()) query += "area=" + url_encode(area_);
    if (xlsx_ || pdf_) {
        query += std::string(query.empty() ? "" : "&") + (xlsx_ ? "format=xlsx" : "format=pdf");
        return download(c, target + "?" + query, output_);
    }
    if (!query.empty()) target += "?" + query;
    return print_answer(c, ranking_text(common::supervision_ranking_from_json(c.client.request_json(http_method::get, target)),
                                        lang));
}

}  // namespace fupin::client
