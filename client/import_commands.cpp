#include "client/import_commands.hpp"

#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/archive_import_client.hpp"
#include "client/downloaded_file.hpp"
#include "client/exit_codes.hpp"
#include "client/text_layout.hpp"
#include "common/archive_import_json.hpp"
#include "common/china_date.hpp"

namespace fupin::client {

using common::in;

namespace {

// The problems as a table: row, column, what is wrong; those not named are counted.
std::string problem_table(const std::vector<common::archive_import_problem>& named, std::size_t count,
                          common::language lang) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& p : named)
        rows.push_back({p.row ? std::to_string(p.row) : "", p.column, lang == common::language::en ? p.en : p.zh});
    std::string out = format_table({in(lang, "行", "Row"), in(lang, "列", "Column"), in(lang, "问题", "Problem")}, rows);
    if (count > named.size())
        out += rformat(in(lang, "……另有 {} 处问题未列出\n", "… and {} more\n"), count - named.size());
    return out;
}

// The bar a clerk watches while the server checks the batches: rows done, rows per second, time left. Drawn on
// a terminal only, at most five times a second; a script's stderr gets nothing.
class progress_bar {
public:
    progress_bar(std::ostream& err, std::size_t total, common::language lang)
        : err_(err), total_(total), lang_(lang), shown_(isatty(STDERR_FILENO) != 0),
          start_(std::chrono::steady_clock::now()) {}

    void update(std::size_t done, bool last = false) {
        if (!shown_) return;
        const auto now = std::chrono::steady_clock::now();
        if (!last && now - drawn_ < std::chrono::milliseconds(200)) return;
        drawn_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
        const auto left = rate > 0 ? static_cast<long>(static_cast<double>(total_ - done) / rate) : 0;
        constexpr int width = 30;
        const int filled = total_ ? static_cast<int>(width * done / total_) : width;
        err_ << "\r" << in(lang_, "检查 [", "checking [") << std::string(static_cast<std::size_t>(filled), '#')
             << std::string(static_cast<std::size_t>(width - filled), '-') << "] "
             << rformat(in(lang_, "{}/{} 行  {:.0f} 行/秒  剩余 {}:{:02d} ", "{}/{} rows  {:.0f} rows/s  {}:{:02d} left "),
                        done, total_, rate, left / 60, left % 60)
             << std::flush;
        if (last) err_ << "\n";
    }

private:
    std::ostream& err_;
    std::size_t total_;
    common::language lang_;
    bool shown_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point drawn_{};
};

}  // namespace

import_commands::import_commands(CLI::App& app) {
    import_ = app.add_subcommand(
        "import", "导入原有档案：XLSX 或 CSV（UTF-8/GB18030），全国登记表各列，县级 (import an existing archive; county)");
    import_->add_option("FILE", file_, "表格文件，列见 template (the spreadsheet; see template)")->required();
    import_->add_flag("--dry-run", dry_run_, "只检查，不写入档案 (check only; write nothing)");
    template_ = app.add_subcommand("template", "保存导入模板 (save the import template)");
    template_->add_option("--format", format_, "xlsx 或 csv (xlsx or csv)")->capture_default_str()->check(
        CLI::IsMember({"xlsx", "csv"}));
    template_->add_option("-o,--output", output_, "保存到的文件 (file to save to)");
}

bool import_commands::given() const { return import_->parsed() || template_->parsed(); }

int import_commands::check_before_connecting(std::istream&, std::ostream& err, common::language lang) {
    if (template_->parsed()) return check_output_folder(output_, err, lang);
    sheet_ = read_archive_spreadsheet(file_, common::today_in_china());
    const auto& t = sheet_.table;
    if (t.problems.empty() && t.files.empty()) {
        err << rformat(in(lang, "{} 的表头下没有档案行，未导入\n", "{} has no rows under its header; nothing was imported\n"),
                       file_);
        return exit_refused;
    }
    if (t.problems.empty()) return exit_ok;
    err << rformat(in(lang, "{} 有 {} 处问题，未导入：\n", "{} has {} problems; nothing was imported:\n"), file_,
                   t.problems.count)
        << problem_table(t.problems.named, t.problems.count, lang);
    return exit_refused;
}

int import_commands::run(const command_context& c) {
    if (template_->parsed()) return download(c, "/api/v1/import-template?format=" + format_, output_);
    return import(c);
}

int import_commands::import(const command_context& c) {
    const auto& t = sheet_.table;
    const auto lang = c.lang;
    if (!c.json)
        c.out << rformat(in(lang, "读取 {}：{} 行，{} 户，{} 人\n", "read {}: {} rows, {} households, {} people\n"),
                         file_, t.rows, t.files.size(), t.people);
    archive_import_client imports(c.client);
    const auto name = std::filesystem::path(file_).filename().string();
    auto opened = imports.open(name.empty() ? file_ : name);
    std::vector<common::archive_import_problem> problems;
    std::size_t done = 0;
    progress_bar bar(c.err, t.rows, lang);
    try {
        for (const auto& batch : archive_import_client::batches(t.files)) {
            auto answer = imports.add(opened.id, batch);
            problems.insert(problems.end(), answer.problems.begin(), answer.problems.end());
            for (const auto* f : batch) done += f->rows.size();
            bar.update(done);
        }
        bar.update(done, true);
    } catch (...) {
        try {
            imports.abandon(opened.id);
        } catch (const std::exception&) {
            // The line went down: the server keeps the open import, which nothing ever commits.
        }
        throw;
    }
    if (!problems.empty() || dry_run_) {
        const auto closed = imports.abandon(opened.id);
        if (c.json) {
            nlohmann::json list = nlohmann::json::array();
            for (const auto& p : problems) list.push_back(common::to_json(p));
            c.out << nlohmann::json{{"import", common::to_json(closed)}, {"problems", list}}.dump() << "\n";
        } else if (problems.empty()) {
            c.out << rformat(in(lang, "检查通过：{} 户 {} 人可以导入（试导入，未写入档案）\n",
                                "all checks passed: {} households, {} people can be imported (dry run: nothing written)\n"),
                             closed.households, closed.people);
        } else {
            std::stable_sort(problems.begin(), problems.end(), [](const auto& a, const auto& b) { return a.row < b.row; });
            c.err << rformat(in(lang, "与档案比对有 {} 处问题，未导入：\n", "{} problems against the archive; nothing was imported:\n"),
                             problems.size())
                  << problem_table(problems, problems.size(), lang);
        }
        return problems.empty() ? exit_ok : exit_refused;
    }
    if (!c.json) c.out << in(lang, "写入档案……\n", "writing the archive…\n") << std::flush;
    const auto committed = imports.commit(opened.id);
    if (c.json) {
        c.out << common::to_json(committed).dump() << "\n";
    } else {
        c.out << rformat(in(lang, "已导入 {} 户 {} 人（导入批次 {}）\n", "imported {} households, {} people (import {})\n"),
                         committed.households, committed.people, committed.id);
    }
    return exit_ok;
}

}  // namespace fupin::client
