#include "client/attachment_commands.hpp"

#include <filesystem>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/api_client.hpp"
#include "client/downloaded_file.hpp"
#include "client/exit_codes.hpp"
#include "client/input_file.hpp"
#include "client/text_layout.hpp"
#include "common/attachment_json.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

namespace {


std::string kind_text(const std::string& kind, common::language lang) {
    const auto& label = common::label(common::vocabulary::attachment_kinds, kind, lang);
    return label.empty() ? kind : label;
}

}  // namespace

attachment_commands::attachment_commands(CLI::App& app) {
    std::vector<std::string> kinds;
    std::string kinds_help;
    for (const auto& e : common::vocabulary::attachment_kinds.entries) {
        kinds.push_back(e.code);
        kinds_help += (kinds_help.empty() ? "" : " | ") + e.code + " " + e.zh;
    }
    attach_ = app.add_subcommand("attach", "为一户上传资料：PDF、JPEG 或 PNG，至多10MB (attach a document to a household)");
    attach_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    attach_->add_option("FILE", file_, "文件 (the file)")->required();
    attach_->add_option("--kind", kind_, kinds_help)->required()->check(CLI::IsMember(kinds));
    attach_->add_option("--case", case_id_, "所属案件编号 (the case it belongs to)")->check(CLI::PositiveNumber);
    list_ = app.add_subcommand("attachments", "一户的资料清单 (a household's attachments)");
    list_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    auto* attachment = app.add_subcommand("attachment", "资料 (an attachment)")->require_subcommand(1);
    get_ = attachment->add_subcommand("get", "下载一份资料 (save an attachment)");
    get_->add_option("ID", id_, "资料编号 (attachment id)")->required()->check(CLI::PositiveNumber);
    get_->add_option("-o,--output", output_, "保存到的文件 (file to save to)");
    complete_ = app.add_subcommand("complete", "资料是否齐全：一户还缺什么 (what a household's file still lacks)");
    complete_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
}

bool attachment_commands::given() const {
    return attach_->parsed() || list_->parsed() || get_->parsed() || complete_->parsed();
}

int attachment_commands::check_before_connecting(std::istream& in_stream, std::ostream& err, common::language lang) {
    if (get_->parsed()) return check_output_folder(output_, err, lang);
    if (!attach_->parsed()) return exit_ok;
    content_ = read_input(file_, in_stream);
    if (content_.size() > common::attachment_max_bytes) {
        err << in(lang, "文件超过10MB，未上传\n", "the file is larger than 10 MB; nothing was sent\n");
        return exit_refused;
    }
    if (!common::attachment_content_type(content_)) {
        err << in(lang, "只能上传 PDF、JPEG 或 PNG 文件，未上传\n",
                  "only a PDF, JPEG or PNG file may be attached; nothing was sent\n");
        return exit_refused;
    }
    return exit_ok;
}

int attachment_commands::run(const command_context& c) {
    const auto lang = c.lang;
    const auto household = "/api/v1/households/" + std::to_string(id_);
    if (get_->parsed()) return download(c, "/api/v1/attachments/" + std::to_string(id_), output_);
    if (attach_->parsed()) {
        const auto name = std::filesystem::path(file_).filename().string();
        std::string target = household + "/attachments?kind=" + kind_ + "&name=" + url_encode(name.empty() ? "upload" : name);
        if (case_id_) target += "&case=" + std::to_string(case_id_);
        const auto result = c.client.request(http_method::post, target, content_, {{"Content-Type", "application/octet-stream"}});
        if (result.status != 201) throw error_from_response(result);
        const auto a = common::attachment_from_json(nlohmann::json::parse(result.body));
        return print_answer(c, rformat(in(lang, "已上传：资料 {}，{}，{}，SHA-256 {}\n", "attached: {} ({}, {}), SHA-256 {}\n"),
                                       a.id, kind_text(a.kind, lang), size_text(static_cast<std::uint64_t>(a.size)), a.sha256));
    }
    if (list_->parsed()) {
        const auto json = c.client.request_json(http_method::get, household + "/attachments");
        std::vector<std::vector<std::string>> rows;
        for (const auto& item : json.at("items")) {
            const auto a = common::attachment_from_json(item);
            rows.push_back({std::to_string(a.id), kind_text(a.kind, lang), a.file_name, a.content_type, size_text(static_cast<std::uint64_t>(a.size)),
                            a.uploaded_by, format_beijing_time(a.uploaded_at_ms)});
        }
        std::string text = format_table({in(lang, "编号", "Id"), in(lang, "种类", "Kind"), in(lang, "文件名", "Name"),
                                         in(lang, "类型", "Type"), in(lang, "大小", "Size"), in(lang, "上传人", "By"),
                                         in(lang, "上传时间", "At")},
                                        rows);
        text += rformat(in(lang, "共 {} 份\n", "{} in all\n"), rows.size());
        return print_answer(c, text);
    }
    const auto json = c.client.request_json(http_method::get, household + "/completeness");
    const auto gaps = common::completeness_gaps_from_json(json);
    if (gaps.empty()) return print_answer(c, in(lang, "资料齐全\n", "the file is complete\n"));
    std::string text = in(lang, "资料不齐，还缺：\n", "the file still lacks:\n");
    for (const auto& g : gaps) text += "  " + (lang == common::language::en ? g.en : g.zh) + "\n";
    return print_answer(c, text);
}

}  // namespace fupin::client
