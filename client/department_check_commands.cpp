#include "client/department_check_commands.hpp"

#include <filesystem>
#include <istream>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/department_check_printer.hpp"
#include "client/exit_codes.hpp"
#include "client/input_file.hpp"
#include "client/quota_commands.hpp"
#include "common/china_date.hpp"
#include "common/department_check_json.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

department_check_commands::department_check_commands(CLI::App& app) {
    auto* lists = app.add_subcommand("lists", "其他部门的比对名单，县级 (other departments' lists; county)")
                      ->require_subcommand(1);
    lists->fallthrough();
    import_ = commands_.add(*lists, "import",
                            "导入名单 CSV（UTF-8 或 GB18030），比对全县档案 (import a CSV list and check the archive)");
    import_->add_option("FILE", file_, "名单文件；表头须有“身份证号”，可有姓名、明细、日期 (the CSV file)")->required();
    std::vector<std::string> kinds;
    for (const auto& e : common::vocabulary::department_list_kinds.entries) kinds.push_back(e.code);
    import_->add_option("--kind", kind_,
                        "dibao 低保 | tekun 特困供养 | disability 残疾人证 | vehicle 机动车 | commercial_housing 商品房 "
                        "| business 工商登记 | state_payroll 财政供养")
        ->required()
        ->check(CLI::IsMember(kinds));
    add_year_option(*import_, year_, true);
    import_->add_option("--source", source_, "提供名单的部门，如 公安车管 (the department; default by kind)");
    lists_ = commands_.add(*lists, "list", "已导入的名单 (the lists imported)");

    auto* flags = app.add_subcommand("flags", "部门比对疑点 (flags raised by other departments' lists)")
                      ->require_subcommand(1);
    flags->fallthrough();
    flags_ = commands_.add(*flags, "list", "本辖区的比对疑点，默认只列未核销的 (the flags of an area; open ones by default)");
    flags_->add_option("--area", area_, "乡镇或村的区划代码 (a township or village code)");
    flags_->add_flag("--all", all_, "也列出已核销的 (cleared ones too)");
    flags_->add_option("--list", list_id_, "只列某一名单的 (of one list)")->check(CLI::PositiveNumber);
    show_ = commands_.add(*flags, "show", "一户的比对疑点 (a household's flags)");
    show_->add_option("HOUSEHOLD", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    clear_ = commands_.add(*flags, "clear", "核实后核销疑点，乡镇审核人或县扶贫办 (clear a flag with a reason; reviewer)");
    clear_->add_option("ID", id_, "疑点编号 (flag id)")->required()->check(CLI::PositiveNumber);
    clear_->add_option("--reason", reason_, "核销理由，如 车辆已于2027年5月过户他人 (why it does not stand)")->required();
}

bool department_check_commands::given() const { return commands_.any_parsed(); }

int department_check_commands::check_before_connecting(std::istream& in_stream, std::ostream& err,
                                                       common::language lang) {
    if (!import_->parsed()) return exit_ok;
    bytes_ = read_input(file_, in_stream);
    const auto file = common::read_department_list(bytes_, common::today_in_china());
    if (file.ok()) return exit_ok;
    err << in(lang, "名单文件有错误，未导入：\n", "the list has problems; nothing was imported:\n")
        << department_check_printer(lang).problems(file.problems, file.problem_count);
    return exit_refused;
}

int department_check_commands::run(const command_context& c) {
    const department_check_printer printer(c.lang);
    auto& client = c.client;
    if (import_->parsed()) {
        const auto name = file_ == "-" ? std::string() : std::filesystem::path(file_).filename().string();
        return print_answer(c, printer.list(client.import_department_list(kind_, year_, source_, name, bytes_)));
    }
    if (lists_->parsed()) return print_answer(c, printer.lists(client.list_department_lists()));
    if (flags_->parsed()) return print_answer(c, printer.flags(client.household_flags(area_, all_, list_id_)));
    if (show_->parsed()) return print_answer(c, printer.flags(client.flags_of_household(id_)));
    if (clear_->parsed()) return print_answer(c, printer.flag(client.clear_household_flag(id_, reason_)));
    return exit_usage;
}

std::string department_check_commands::explain(const client_error& e, common::language lang) const {
    auto out = command_group::explain(e, lang);
    if (e.code() != "list_malformed" || !e.details().is_object() || !e.details().contains("problems")) return out;
    try {
        std::vector<common::department_list_problem> problems;
        for (const auto& p : e.details().at("problems")) problems.push_back(common::department_list_problem_from_json(p));
        const auto count = e.details().value("problem_count", problems.size());
        return out + department_check_printer(lang).problems(problems, count);
    } catch (const std::exception&) {
        return out;  // a newer server's details: its message says enough
    }
}

}  // namespace fupin::client
