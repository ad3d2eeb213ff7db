#include "client/procedure_commands.hpp"

#include <algorithm>
#include <fstream>
#include <ostream>
#include <sstream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/name_list.hpp"
#include "client/procedure_printer.hpp"
#include "common/procedure_input.hpp"
#include "common/application_workflow.hpp"
#include "common/household_validation.hpp"
#include "common/identification_rules.hpp"
#include "common/procedure_json.hpp"
#include "common/department_check.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {
namespace {

// The server takes at most this many cases in one POST /applications/steps.
constexpr std::size_t batch_limit = 200;

using common::in;

// The answer's items appended to `items` (for --json over several requests).
void append_items(nlohmann::json& items, const std::string& body) {
    auto json = nlohmann::json::parse(body, nullptr, false);
    if (json.is_object() && json.contains("items") && json.at("items").is_array())
        for (auto& item : json.at("items")) items.push_back(std::move(item));
}

int read_int(const nlohmann::json& object, const char* key, int fallback) {
    if (!object.contains(key)) return fallback;
    if (!object.at(key).is_number_integer()) throw std::invalid_argument(std::string(key) + " is not an integer");
    return object.at(key).get<int>();
}

}  // namespace

procedure_commands::procedure_commands(CLI::App& app) {
    auto& o = o_;
    const auto add = [&](CLI::App* parent, const char* name, const char* help) {
        return commands_.add(*parent, name, help);
    };
    const auto year = [&](CLI::App* command, bool required) { add_year_option(*command, o.year, required); };
    // A step: one or more case ids, or the batch form --village CODE --year Y.
    const auto step = [&](const char* name, const char* help) {
        auto* command = add(&app, name, help);
        command->add_option("ID", o.ids, "案件编号，可多个 (case ids)")->check(CLI::PositiveNumber);
        command->add_option("--village", o.village, "整村办理：该村该年度处于此步之前状态的全部案件 (batch: a village)");
        year(command, false);
        command->add_option("--note", o.note, "备注 (note)");
        command->add_option("--kind", o.kind, "整村办理时的案件种类：identification（默认）或 exit (batch form: the cases' kind)")
            ->check(CLI::IsMember({"identification", "exit"}));
        command->add_option("--version", o.version, "案件版本，仅单个案件 (the case's version; one case only)")
            ->check(CLI::PositiveNumber);
        return command;
    };

    apply_ = add(&app, "apply", "个人申请：为一户建立本年度识别案件 (apply for a household)");
    apply_->add_option("HOUSEHOLD_ID", o.id, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    year(apply_, true);
    apply_->add_option("--note", o.note, "备注 (note)");

    check_ = add(&app, "check", "按识别标准在本机预先判断一户是否符合条件 (judge a household locally before applying)");
    check_->add_option("HOUSEHOLD_ID", o.id, "户编号 (household id)")->required()->check(CLI::PositiveNumber);
    year(check_, true);

    appraise_ = step("appraise", "评议：--stage group 村小组初评；或 --village 民主评议 (appraisals)");
    appraise_->add_option("--stage", o.stage, "group：村小组初评 (the village group's appraisal step)")
        ->check(CLI::IsMember({"group"}));
    appraise_->add_flag("--proposal", o.proposal, "显示系统建议排名 (print the system's ranking)");
    appraise_->add_option("--meeting-date", o.meeting_date, "评议日期 YYYY-MM-DD (meeting date)");
    appraise_->add_option("--panel", o.panel, "评议小组成员，逗号分隔，9-15 人 (panel members, comma-separated)");
    appraise_->add_option("--results", o.results_file,
                          "评议结果 JSON 数组 [{application_id, final_rank, votes_for, votes_against, votes_abstain}]");
    appraise_->add_flag("--accept-proposal", o.accept_proposal, "按系统建议排名 (use the proposal's ranks)");
    appraise_->add_option("--votes-for", o.votes_for, "每户赞成票 (votes for, each case)")->check(CLI::NonNegativeNumber);
    appraise_->add_option("--votes-against", o.votes_against, "每户反对票 (votes against)")->check(CLI::NonNegativeNumber);
    appraise_->add_option("--votes-abstain", o.votes_abstain, "每户弃权票 (abstentions)")->check(CLI::NonNegativeNumber);

    verify_ = step("verify", "村委会调查核实 (the village committee's verification)");
    sign_ = step("sign", "签字上报：驻村干部或乡镇长 (signature: resident cadre or township head)");
    review_ = step("review", "乡镇审核 (township review)");
    approve_ = step("approve", "县级审批 (county approval)");
    register_ = step("register", "建档立卡 (registration)");
    refuse_ = step("refuse", "不予通过，须写明理由 (refuse, with a reason)");
    return_ = step("return", "退回重审，须写明理由 (return for another look, with a reason)");
    for (auto* command : {refuse_, return_}) {
        command->add_option("--reason", o.reason, "理由 (reason)")->required();
        command->add_option("--state", o.state, "整村办理时案件所处的状态 (batch form: the cases' state)")
            ->check(CLI::IsMember([] {
                std::vector<std::string> open;
                for (const auto& e : common::vocabulary::application_states.entries)
                    if (!common::application_workflow::is_final(e.code)) open.push_back(e.code);
                return open;
            }()));
    }

    auto* applications = app.add_subcommand("applications", "识别案件 (cases)")->require_subcommand(1);
    applications->fallthrough();
    applications_list_ = add(applications, "list", "列出案件 (list cases)");
    applications_list_->add_option("--state", o.state, "状态 (state)")
        ->check(CLI::IsMember([] {
            std::vector<std::string> codes;
            for (const auto& e : common::vocabulary::application_states.entries) codes.push_back(e.code);
            return codes;
        }()));
    applications_list_->add_option("--kind", o.kind, "种类：identification 识别，exit 脱贫退出 (kind of case)")
        ->check(CLI::IsMember({"identification", "exit"}));
    applications_list_->add_option("--village", o.village, "村代码 (village code)");
    applications_list_->add_option("--township", o.township, "乡镇代码 (township code)");
    year(applications_list_, false);
    applications_list_->add_option("--household", o.household, "户编号 (household id)")->check(CLI::PositiveNumber);
    applications_list_->add_option("--page-size", o.page_size, "每页件数 1-500 (page size)")->check(CLI::Range(1, 500));
    applications_list_->add_option("--after", o.after, "从此编号之后 (ids above this)")->check(CLI::NonNegativeNumber);
    applications_list_->add_flag("--all", o.all, "列出所有页 (every page)");
    applications_show_ = add(applications, "show", "查看案件及其全部办理经过 (a case with its whole history)");
    applications_show_->add_option("ID", o.id, "案件编号 (case id)")->required()->check(CLI::PositiveNumber);

}

bool procedure_commands::given() const { return commands_.any_parsed(); }

std::string procedure_commands::explain(const client_error& e, common::language lang) const {
    return procedure_printer(lang).error(e);
}

int procedure_commands::run(const command_context& c) {
    const procedure_printer printer(c.lang);
    auto& client = c.client;

    if (apply_->parsed()) {
        const auto a = client.create_application(o_.id, o_.year, o_.note);
        if (c.json) return print_answer(c, "");
        c.out << in(c.lang, "已受理申请：\n", "Application recorded:\n") << printer.application(a);
        return exit_ok;
    }
    if (check_->parsed()) return run_check(c);
    if (appraise_->parsed()) return run_appraise(c);
    if (verify_->parsed()) return run_step("verify", c);
    if (sign_->parsed()) return run_step("sign", c);
    if (review_->parsed()) return run_step("review", c);
    if (approve_->parsed()) return run_step("approve", c);
    if (register_->parsed()) return run_step("register", c);
    if (refuse_->parsed()) return run_step("refuse", c);
    if (return_->parsed()) return run_step("return", c);

    if (applications_list_->parsed()) {
        common::application_filter filter;
        filter.kind = o_.kind;
        filter.year = o_.year;
        filter.state = o_.state;
        filter.township_code = o_.township;
        filter.village_code = o_.village;
        filter.household_id = o_.household;
        filter.page_size = o_.page_size;
        filter.after_id = o_.after;
        std::vector<common::application> all;
        nlohmann::json items = nlohmann::json::array();
        std::int64_t next = 0;
        for (;;) {
            auto page = client.list_applications(filter);
            if (c.json && !o_.all) return print_answer(c, "");
            if (c.json) append_items(items, client.last_result().body);
            for (auto& a : page.items) all.push_back(std::move(a));
            next = page.next_after;
            if (!o_.all || next == 0) break;
            filter.after_id = next;
        }
        if (c.json) {
            c.out << nlohmann::json{{"items", items}, {"next_after", nullptr}}.dump() << '\n';
            return exit_ok;
        }
        c.out << printer.application_table(all);
        if (next != 0)
            c.out << in(c.lang, "还有下一页：加上 --after ", "There is more: add --after ") << next
                  << in(c.lang, "，或用 --all 列出全部。\n", ", or --all for every page.\n");
        return exit_ok;
    }
    if (applications_show_->parsed()) return print_answer(c, printer.application(client.get_application(o_.id)));

    return exit_usage;
}

int procedure_commands::run_check(const command_context& c) {
    auto h = c.client.get_household(o_.id);
    // The household as it is now, judged with the same code the server runs at apply, verify and approve, and
    // with the flags the server holds it by.
    common::derive(h);
    const auto lines = c.client.list_poverty_lines();
    const auto line = std::find_if(lines.begin(), lines.end(), [&](const auto& l) { return l.year == o_.year; });
    if (line == lines.end()) {
        c.err << o_.year
              << in(c.lang, " 年的扶贫标准尚未设定，无法判断；请县级系统管理员先用 lines set 设定。\n",
                   ": the poverty line of this year is not set, so nothing can be judged; a county administrator "
                   "sets it with lines set.\n");
        return exit_conflict;  // what the server answers then: 409 poverty_line_not_set
    }
    auto verdict = common::identification_rules::judge(h, line->amount, o_.year);
    // Other departments' flags that hold the household stop apply before the rules do (as the server's verdict).
    const auto held = common::excluding_reasons(c.client.flags_of_household(h.id));
    const bool flagged = !held.empty();
    if (flagged) {
        verdict.eligible = false;
        verdict.reasons.insert(verdict.reasons.begin(), held.begin(), held.end());
    }
    if (c.json) {
        c.out << nlohmann::json{{"household_id", h.id}, {"year", o_.year}, {"verdict", common::to_json(verdict)}}.dump()
              << '\n';
    } else {
        c.out << in(c.lang, "户编号 ", "Household ") << h.id << "  " << h.head_name << "  "
              << h.village_name << h.group_name << "  " << o_.year << in(c.lang, " 年度\n", "\n")
              << procedure_printer(c.lang).verdict(verdict);
        if (flagged)
            c.out << in(c.lang, "提交申请将被县服务器拒绝（department_flag），须先由乡镇或县核销部门比对疑点。\n",
                       "An application would be refused by the county server (department_flag) until a reviewer "
                       "clears the flags.\n");
        else if (!verdict.eligible)
            c.out << in(c.lang, "提交申请将被县服务器拒绝（not_eligible）。\n",
                       "An application would be refused by the county server (not_eligible).\n");
    }
    return verdict.eligible ? exit_ok : exit_refused;
}

std::vector<std::int64_t> procedure_commands::cases_ready_for(const std::string& action, const command_context& c) {
    // The state the step starts from: one for most steps of a kind (identification unless --kind exit); `sign`
    // is taken at two levels, so the user's role says which (a resident cadre signs the first posting's cases, a
    // township head the second's).
    std::string from = o_.state;
    if (from.empty()) {
        const std::string kind = o_.kind.empty() ? "identification" : o_.kind;
        std::vector<const common::workflow_transition*> candidates;
        for (const auto& tr : common::application_workflow::transitions())
            if (tr.action == action && !tr.from_state.empty() &&
                common::application_workflow::kind_of(tr.from_state) == kind)
                candidates.push_back(&tr);
        if (candidates.size() > 1) {
            const auto who = c.client.whoami();
            const std::string role = who.at("user").value("role", "");
            candidates.erase(std::remove_if(candidates.begin(), candidates.end(),
                                            [&](const auto* tr) { return !common::role_in(role, tr->roles); }),
                             candidates.end());
        }
        if (candidates.size() != 1) return {};
        from = std::string(candidates.front()->from_state);
    }
    common::application_filter filter;
    filter.village_code = o_.village;
    filter.year = o_.year;
    filter.state = from;
    filter.page_size = 500;
    std::vector<std::int64_t> ids;
    for (;;) {
        const auto page = c.client.list_applications(filter);
        for (const auto& a : page.items) ids.push_back(a.id);
        if (page.next_after == 0) break;
        filter.after_id = page.next_after;
    }
    o_.state = from;  // for the message when there are none
    return ids;
}

int procedure_commands::run_step(const std::string& action, const command_context& c) {
    const bool batch = !o_.village.empty();
    if (batch == !o_.ids.empty() || (batch && o_.year == 0)) {
        c.err << in(c.lang, "请给出案件编号，或用 --village 村代码 --year 年度 整村办理（二者取其一）。\n",
                   "Give case ids, or --village CODE --year Y for a whole village (not both).\n");
        return exit_usage;
    }
    if ((action == "refuse" || action == "return") && batch && o_.state.empty()) {
        c.err << in(c.lang, "整村办理不予通过或退回时，须用 --state 指明案件所处的状态。\n",
                   "Refusing or returning a whole village needs --state: the cases' state.\n");
        return exit_usage;
    }
    if (o_.version > 0 && o_.ids.size() != 1) {
        c.err << in(c.lang, "--version 只能用于单个案件。\n", "--version is for one case only.\n");
        return exit_usage;
    }
    const procedure_printer printer(c.lang);
    step_request step;
    step.action = action;
    step.version = o_.version;
    step.note = o_.note;
    step.reason = o_.reason;

    std::vector<std::int64_t> ids = o_.ids;
    if (batch) {
        ids = cases_ready_for(action, c);
        if (o_.state.empty()) {
            c.err << in(c.lang, "您的角色不能办理这一步。\n", "Your role cannot take this step.\n");
            return exit_forbidden;
        }
        if (ids.empty()) {
            c.out << in(c.lang, "该村该年度没有处于“", "No case of this village and year is ")
                  << printer.state_label(o_.state) << in(c.lang, "”状态的案件，无需办理。\n", "; nothing to do.\n");
            return exit_ok;
        }
    }

    if (ids.size() == 1 && !batch) {
        const auto a = c.client.take_step(ids.front(), step);
        if (c.json) print_raw_answer(c.out, c.client.last_result().body);
        else c.out << printer.step_taken(action, {a});
        return exit_ok;
    }
    // Several cases: the batch endpoint, all or none, in slices the server accepts.
    std::vector<common::application> done;
    nlohmann::json items = nlohmann::json::array();
    for (std::size_t at = 0; at < ids.size(); at += batch_limit) {
        const std::vector<std::int64_t> slice(ids.begin() + at, ids.begin() + std::min(ids.size(), at + batch_limit));
        auto cases = c.client.take_steps(slice, step);
        append_items(items, c.client.last_result().body);
        for (auto& a : cases) done.push_back(std::move(a));
    }
    if (c.json) c.out << nlohmann::json{{"items", items}}.dump() << '\n';
    else c.out << printer.step_taken(action, done);
    return exit_ok;
}

int procedure_commands::run_appraise(const command_context& c) {
    if (o_.stage == "group") return run_step("group_appraise", c);
    const procedure_printer printer(c.lang);
    if (o_.village.empty() || o_.year == 0 || !o_.ids.empty()) {
        c.err << in(c.lang, "村小组初评用 appraise --stage group 案件编号…；民主评议用 appraise --village 村代码 --year 年度 …\n",
                   "The group step: appraise --stage group ID…; the village appraisal: appraise --village CODE --year Y …\n");
        return exit_usage;
    }
    if (o_.proposal) {
        const auto items = c.client.appraisal_proposal(o_.village, o_.year);
        if (c.json) print_raw_answer(c.out, c.client.last_result().body);
        else c.out << printer.proposal(items);
        return exit_ok;
    }
    if (o_.meeting_date.empty() || o_.panel.empty() || o_.results_file.empty() == !o_.accept_proposal) {
        c.err << in(c.lang, "民主评议需要 --meeting-date、--panel，以及 --results 文件或 --accept-proposal 之一。\n",
                   "A village appraisal needs --meeting-date, --panel, and either --results FILE or --accept-proposal.\n");
        return exit_usage;
    }
    common::appraisal input;
    input.village_code = o_.village;
    input.year = o_.year;
    input.meeting_date = o_.meeting_date;
    input.panel = split_names(o_.panel);
    // The plan's panel, checked by the server's own rule here so that a typo costs no round trip.
    try {
        common::check_panel(input.panel);
    } catch (const common::api_error& e) {
        c.err << e.message(c.lang) << in(c.lang, "（现为 ", " (now ") << input.panel.size()
              << in(c.lang, " 名）\n", ")\n");
        return exit_refused;
    }
    if (o_.accept_proposal) {
        if (o_.votes_for < 0) {
            c.err << in(c.lang, "按系统建议排名时，须用 --votes-for（以及 --votes-against、--votes-abstain）给出各户的票数。\n",
                       "With --accept-proposal give the votes: --votes-for (and --votes-against, --votes-abstain).\n");
            return exit_usage;
        }
        for (const auto& e : c.client.appraisal_proposal(o_.village, o_.year))
            input.results.push_back({e.application_id, e.rank, e.rank, o_.votes_for, o_.votes_against, o_.votes_abstain});
    } else {
        std::ifstream file(o_.results_file, std::ios::binary);
        if (!file) {
            c.err << in(c.lang, "无法读取文件：", "Cannot read the file: ") << o_.results_file << '\n';
            return exit_usage;
        }
        std::ostringstream text;
        text << file.rdbuf();
        auto json = nlohmann::json::parse(text.str(), nullptr, false);
        if (json.is_object() && json.contains("results")) json = json.at("results");
        try {
            if (!json.is_array()) throw std::invalid_argument("not a JSON array of results");
            for (const auto& r : json) {
                if (!r.is_object()) throw std::invalid_argument("a result is not an object");
                if (!r.contains("application_id") || !r.at("application_id").is_number_integer())
                    throw std::invalid_argument("a result has no application_id");
                input.results.push_back({r.at("application_id").get<std::int64_t>(), 0, read_int(r, "final_rank", 0),
                                         read_int(r, "votes_for", 0), read_int(r, "votes_against", 0),
                                         read_int(r, "votes_abstain", 0)});
            }
        } catch (const std::exception& e) {
            c.err << in(c.lang, "评议结果文件有误：", "The results file is not valid: ") << o_.results_file << ": "
                  << e.what() << '\n';
            return exit_refused;
        }
    }
    const auto recorded = c.client.create_appraisal(input);
    if (c.json) print_raw_answer(c.out, c.client.last_result().body);
    else c.out << printer.appraisal(recorded);
    return exit_ok;
}

}  // namespace fupin::client
