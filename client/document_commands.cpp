#include "client/document_commands.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "client/downloaded_file.hpp"

namespace fupin::client {

using common::in;

namespace {

void add_output_option(CLI::App& command, std::string& output) {
    command.add_option("-o,--output", output, "保存到的文件，默认用服务器给的文件名 (file to save to)");
}

void add_format_option(CLI::App& command, std::string& format) {
    command.add_option("--format", format, "pdf 或 xlsx (pdf or xlsx)")->capture_default_str()->check(
        CLI::IsMember({"pdf", "xlsx"}));
}

}  // namespace

document_commands::document_commands(CLI::App& app) {
    print_ = app.add_subcommand("print", "打印档案文书：户卡、村册、乡镇簿、公示榜 (printed documents)");
    print_->require_subcommand(1);

    card_ = print_->add_subcommand("card", "户卡 PDF (a household's card)");
    card_->add_option("household", id_, "档案编号 (household file number)")->required()->check(CLI::PositiveNumber);
    add_output_option(*card_, output_);

    register_ = print_->add_subcommand("register", "村册：一个村的花名册 (a village's register)");
    register_->add_option("--village", area_, "村代码 (12 位) (village code)")->required();
    add_format_option(*register_, format_);
    add_output_option(*register_, output_);

    book_ = print_->add_subcommand("book", "乡镇簿：一个乡镇各村的花名册及汇总 (a township's book)");
    book_->add_option("--township", area_, "乡镇代码 (9 位) (township code)")->required();
    add_format_option(*book_, format_);
    add_output_option(*book_, output_);

    posting_ = print_->add_subcommand("posting", "公示榜 PDF，张贴用 (a posting for the notice board)");
    posting_->add_option("posting", id_, "公示编号 (posting id)")->required()->check(CLI::PositiveNumber);
    add_output_option(*posting_, output_);

    export_ = app.add_subcommand("export", "导出一个区域的档案：每个家庭成员一行，全国登记表的各列 (an area's archive as a table)");
    export_->add_option("--area", area_, "县、乡镇或村代码 (county, township or village code)")->required();
    export_->add_option("--format", export_format_, "xlsx 或 csv (xlsx or csv)")->capture_default_str()->check(
        CLI::IsMember({"xlsx", "csv"}));
    add_output_option(*export_, output_);
}

bool document_commands::given() const { return print_->parsed() || export_->parsed(); }

int document_commands::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    return check_output_folder(output_, err, lang);
}

std::string document_commands::target() const {
    if (card_->parsed()) return fmt::format("/api/v1/households/{}/card", id_);
    if (posting_->parsed()) return fmt::format("/api/v1/postings/{}/document", id_);
    if (export_->parsed()) return fmt::format("/api/v1/areas/{}/archive?format={}", url_encode(area_), export_format_);
    return fmt::format("/api/v1/areas/{}/register?format={}", url_encode(area_), format_);
}

int document_commands::run(const command_context& c) { return download(c, target(), output_); }

}  // namespace fupin::client
