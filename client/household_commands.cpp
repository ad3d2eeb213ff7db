#include "client/household_commands.hpp"

#include <istream>
#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/household_printer.hpp"
#include "client/input_errors.hpp"
#include "client/input_file.hpp"
#include "common/china_date.hpp"
#include "common/household_json.hpp"
#include "common/household_validation.hpp"

namespace fupin::client {

household_commands::household_commands(CLI::App& app) {
    auto* household = app.add_subcommand("household", "户档案 (household files)")->require_subcommand(1);
    household->fallthrough();
    create_ = household->add_subcommand("create", "新建一户档案 (create a household from FILE.json)");
    create_->add_option("FILE", file_, "户档案 JSON 文件，- 为标准输入 (household JSON file, - for stdin)")->required();
    create_->add_option("--idempotency-key", idempotency_key_,
                        "幂等键：重试时用同一个键不会重复建档 (retry with the same key makes nothing twice)");
    show_ = household->add_subcommand("show", "查看一户档案 (show one household)");
    show_->add_option("ID", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    update_ = household->add_subcommand("update", "修改一户档案 (replace a household; FILE carries version)");
    update_->add_option("ID", id_, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    update_->add_option("FILE", file_, "整户档案 JSON，含 version (the whole household with its version)")->required();
    list_ = household->add_subcommand("list", "列出户档案，最近修改的在前 (list households, newest change first)");
    list_->add_option("--township", filter_.township_code, "乡镇代码 (township code)");
    list_->add_option("--village", filter_.village_code, "村代码 (village code)");
    list_->add_option("--group", filter_.group_code, "组代码 (village group code)");
    list_->add_option("--status", filter_.status, "状态 pending|registered|exited");
    list_->add_option("--page-size", filter_.page_size, "每页户数 1-200，默认 50 (page size)")->check(CLI::Range(1, 200));
    list_->add_option("--page-token", filter_.page_token, "上一页给出的翻页令牌 (from the previous page)");
    list_->add_flag("--all", all_, "列出所有页 (every page)");
}

bool household_commands::given() const {
    return create_->parsed() || show_->parsed() || update_->parsed() || list_->parsed();
}

int household_commands::check_before_connecting(std::istream& in, std::ostream& err, common::language lang) {
    if (!create_->parsed() && !update_->parsed()) return exit_ok;
    // The file is read, its derived fields filled and the county's rules run on it before anything is sent.
    auto json = nlohmann::json::parse(read_input(file_, in), nullptr, false);
    if (json.is_discarded()) throw invalid_json_file(file_ + ": not valid JSON");
    auto h = common::household_from_json(json, common::json_source::request);  // api_error on type/unknown field
    common::derive(h);
    const auto problems = common::find_problems(h, common::today_in_china());
    if (!problems.empty()) {
        err << household_printer(lang).local_problems(problems);
        return exit_refused;
    }
    if (update_->parsed()) {
        h.id = id_;
        if (h.version <= 0) {
            err << common::in(lang, "错误：修改档案时，文件里必须有它所依据的版本号 version（先用 household show --json 取回）\n",
                              "Error: an update needs the version it was based on in the file (get it with household "
                              "show --json)\n");
            return exit_refused;
        }
    }
    input_ = std::move(h);
    return exit_ok;
}

int household_commands::run(const command_context& c) {
    const household_printer printer(c.lang);
    if (create_->parsed()) {
        if (idempotency_key_.empty()) {
            idempotency_key_ = random_idempotency_key();
            generated_key_ = true;
        }
        const auto stored = c.client.create_household(*input_, idempotency_key_);
        if (c.json) print_raw_answer(c.out, c.client.last_result().body);
        else c.out << printer.stored_notice(true, c.client.last_was_replayed()) << printer.household(stored);
    } else if (show_->parsed()) {
        const auto stored = c.client.get_household(id_);
        if (c.json) print_raw_answer(c.out, c.client.last_result().body);
        else c.out << printer.household(stored);
    } else if (update_->parsed()) {
        const auto stored = c.client.update_household(*input_);
        if (c.json) print_raw_answer(c.out, c.client.last_result().body);
        else c.out << printer.stored_notice(false, false) << printer.household(stored);
    } else {
        return list(c);
    }
    return exit_ok;
}

int household_commands::list(const command_context& c) {
    common::household_page all;
    nlohmann::json items = nlohmann::json::array();
    for (;;) {
        auto page = c.client.list_households(filter_);
        if (c.json && !all_) {
            print_raw_answer(c.out, c.client.last_result().body);
            return exit_ok;
        }
        if (c.json)
            for (auto& item : nlohmann::json::parse(c.client.last_result().body).at("items")) items.push_back(std::move(item));
        for (auto& h : page.items) all.items.push_back(std::move(h));
        all.next_page_token = page.next_page_token;
        if (!all_ || page.next_page_token.empty()) break;
        filter_.page_token = page.next_page_token;
    }
    const household_printer printer(c.lang);
    if (c.json) c.out << nlohmann::json{{"items", items}, {"next_page_token", ""}}.dump() << '\n';
    else c.out << printer.household_table(all.items) << printer.next_page_hint(all.next_page_token);
    return exit_ok;
}

std::string household_commands::explain(const client_error& e, common::language lang) const {
    auto text = household_printer(lang).error(e);
    const int code = exit_code_for(e);
    if (generated_key_ && (code == exit_unreachable || code == exit_server_error))
        text += common::in(lang, "若要重试，请加上 --idempotency-key ", "To retry safely, add --idempotency-key ") +
                idempotency_key_ +
                common::in(lang, "，这样不会重复建档。\n", " so that nothing is created twice.\n");
    return text;
}

}  // namespace fupin::client
