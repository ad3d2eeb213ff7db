#include "client/document_commands.hpp"

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "client/exit_codes.hpp"
#include "client/input_errors.hpp"
#include "client/text_layout.hpp"

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

// Written beside its place and renamed over it: a failed write never leaves half a document under its name.
void save(const std::string& path, const std::string& bytes) {
    const std::string partial = path + ".part";
    {
        std::ofstream out(partial, std::ios::binary | std::ios::trunc);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            std::remove(partial.c_str());
            throw unwritable_file(path);
        }
    }
    std::error_code ec;
    std::filesystem::rename(partial, path, ec);
    if (ec) {
        std::remove(partial.c_str());
        throw unwritable_file(path + ": " + ec.message());
    }
}

std::string size_text(std::size_t bytes) {
    if (bytes < 1024) return std::to_string(bytes) + " B";
    if (bytes < 1024 * 1024) return fmt::format("{} KB", (bytes + 1023) / 1024);
    return fmt::format("{:.1f} MB", static_cast<double>(bytes) / (1024 * 1024));
}

}  // namespace

std::string document_file_name(const std::string* content_disposition, const std::string& fallback) {
    if (!content_disposition) return fallback;
    const std::string key = "filename=\"";
    const auto start = content_disposition->find(key);
    if (start == std::string::npos) return fallback;
    const auto from = start + key.size();
    const auto end = content_disposition->find('"', from);
    if (end == std::string::npos) return fallback;
    const std::string name = content_disposition->substr(from, end - from);
    if (name.empty() || name.front() == '.' || name.size() > 100) return fallback;
    for (char ch : name)
        if (!std::isalnum(static_cast<unsigned char>(ch)) && ch != '.' && ch != '_' && ch != '-') return fallback;
    return name;
}

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
    const std::filesystem::path folder =
        output_.empty() ? std::filesystem::path(".") : std::filesystem::path(output_).parent_path();
    const auto where = folder.empty() ? std::filesystem::path(".") : folder;
    if (::access(where.c_str(), W_OK) == 0) return exit_ok;
    err << in(lang, "无法写入文件：", "Cannot write the file: ") << (output_.empty() ? where.string() : output_)
        << in(lang, "（文件夹不存在或不可写）\n", " (the folder does not exist or cannot be written)\n");
    return exit_usage;
}

std::string document_commands::target() const {
    if (card_->parsed()) return fmt::format("/api/v1/households/{}/card", id_);
    if (posting_->parsed()) return fmt::format("/api/v1/postings/{}/document", id_);
    if (export_->parsed()) return fmt::format("/api/v1/areas/{}/archive?format={}", url_encode(area_), export_format_);
    return fmt::format("/api/v1/areas/{}/register?format={}", url_encode(area_), format_);
}

int document_commands::run(const command_context& c) {
    const auto result = c.client.request(http_method::get, target());
    if (result.status < 200 || result.status > 299) throw error_from_response(result);
    const auto* type = result.header("Content-Type");
    const std::string extension = !type                                   ? "bin"
                                  : type->rfind("application/pdf", 0) == 0 ? "pdf"
                                  : type->rfind("text/csv", 0) == 0        ? "csv"
                                                                           : "xlsx";
    const std::string path =
        output_.empty() ? document_file_name(result.header("Content-Disposition"), "document." + extension) : output_;
    save(path, result.body);
    if (c.json) {
        c.out << nlohmann::json{{"file", path}, {"bytes", result.body.size()}, {"content_type", type ? *type : ""}}.dump()
              << "\n";
        return exit_ok;
    }
    c.out << rformat(in(c.lang, "已保存：{}（{}）\n", "Saved: {} ({})\n"), path, size_text(result.body.size()));
    return exit_ok;
}

}  // namespace fupin::client
