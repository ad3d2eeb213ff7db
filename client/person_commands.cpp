#include "client/person_commands.hpp"

#include <ostream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/id_number.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {
namespace {

std::string text_at(const nlohmann::json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::string area_text(const std::string& name, const std::string& code) {
    if (name.empty()) return code.empty() ? "-" : code;
    return code.empty() ? name : name + " (" + code + ")";
}

}  // namespace

person_commands::person_commands(CLI::App& app) {
    lookup_ = app.add_subcommand("lookup", "按身份证号查询某人是否已在全县建档 (is this person in a household file "
                                           "of the county?)");
    lookup_->add_option("ID_NUMBER", id_number_, "18位身份证号 (the 18-character resident ID number)")->required();
}

bool person_commands::given() const { return lookup_ && lookup_->parsed(); }

int person_commands::run(const command_context& c) {
    const bool en = c.lang == common::language::en;
    const auto check = common::check_id_number(id_number_, common::today_in_china());
    if (!check.ok()) {
        // The number itself is not repeated: the terminal's scrollback is no place for it.
        c.err << (en ? "The ID number is invalid: " : "身份证号有误：")
            << common::id_number_problem_message(check.problem, en) << '\n';
        return exit_refused;
    }
    const auto answer = c.client.lookup_person(check.normalized);
    if (c.json) print_raw_answer(c.out, c.client.last_result().body);
    else c.out << lookup_text(common::mask_id_number(check.normalized), answer, c.lang);
    return exit_ok;
}

std::string person_commands::lookup_text(const std::string& masked_id_number, const nlohmann::json& answer,
                                         common::language lang) {
    const bool en = lang == common::language::en;
    if (!answer.value("found", false))
        return en ? fmt::format("Not found: {} is in no household file of the county.\n", masked_id_number)
                  : fmt::format("未找到：身份证号 {} 不在本县任何农户档案中。\n", masked_id_number);
    const auto status = text_at(answer, "household_status");
    const auto& status_label = common::label(common::vocabulary::household_statuses, status, lang);
    std::string out =
        en ? fmt::format("Found: {} is in a household file of the county.\n", masked_id_number)
           : fmt::format("已登记：身份证号 {} 已在本县的农户档案中。\n", masked_id_number);
    const auto line = [&](const char* zh, const char* label_en, const std::string& value) {
        out += en ? fmt::format("  {:<17}{}\n", std::string(label_en) + ":", value)
                  : fmt::format("  {}：{}\n", zh, value);
    };
    line("姓名", "Name", text_at(answer, "name"));
    line("乡镇", "Township", area_text(text_at(answer, "township_name"), text_at(answer, "township_code")));
    line("村", "Village", area_text(text_at(answer, "village_name"), text_at(answer, "village_code")));
    line("档案状态", "File status", status_label.empty() ? status : status_label + " (" + status + ")");
    if (answer.contains("household_id") && answer.at("household_id").is_number_integer())
        line("户编号", "Household id", std::to_string(answer.at("household_id").get<long long>()));
    else
        out += en ? "  (another area's file: only what a public posting shows)\n"
                  : "  （其他乡镇的档案：只显示公示榜上可见的内容）\n";
    if (answer.contains("household") && answer.at("household").is_object())
        out += "\n" + household_printer(lang).household(
                          common::household_from_json(answer.at("household"), common::json_source::response));
    return out;
}

}  // namespace fupin::client
