#include "client/posting_commands.hpp"

#include <ostream>

#include <CLI/CLI.hpp>

#include "client/exit_codes.hpp"
#include "client/procedure_printer.hpp"
#include "client/subcommands.hpp"
#include "common/vocabulary.hpp"

namespace fupin::client {

using common::in;

namespace {

std::vector<std::string> levels() {
    std::vector<std::string> codes;
    for (const auto& e : common::vocabulary::posting_levels.entries) codes.push_back(e.code);
    return codes;
}

}  // namespace

posting_commands::posting_commands(CLI::App& app) {
    post_ = commands_.add(app, "post", "张榜公示 (publish a posting)");
    post_->add_option("--level", level_, "village|township|county|result|exit_village|exit_county")
        ->required()
        ->check(CLI::IsMember(levels()));
    post_->add_option("--area", area_, "村、乡镇或县的区划代码 (area code)")->required();
    add_year_option(*post_, year_, true);
    post_->add_option("ID", ids_, "只公示这些案件，默认全部 (only these cases; default every ready one)")
        ->check(CLI::PositiveNumber);

    auto* postings = app.add_subcommand("postings", "公示榜 (postings)")->require_subcommand(1);
    postings->fallthrough();
    postings_list_ = commands_.add(*postings, "list", "列出公示 (list postings)");
    postings_list_->add_option("--area", area_, "区划代码 (area code)");
    add_year_option(*postings_list_, year_, false);
    postings_list_->add_option("--level", level_, "village|township|county|result|exit_village|exit_county")
        ->check(CLI::IsMember(levels()));
    postings_show_ = commands_.add(*postings, "show", "打印一张公示榜 (print a posting)");
    postings_show_->add_option("ID", id_, "公示编号 (posting id)")->required()->check(CLI::PositiveNumber);
    postings_show_->add_flag("--csv", csv_, "输出 CSV（UTF-8 带 BOM，Excel 可直接打开）(CSV for Excel)");

    object_ = commands_.add(app, "object", "登记异议 (record an objection to a case on a posting)");
    object_->add_option("ID", id_, "案件编号 (case id)")->required()->check(CLI::PositiveNumber);
    object_->add_option("--objector", objector_, "异议人姓名 (objector's name)")->required();
    object_->add_option("--grounds", grounds_, "异议理由 (grounds)")->required();
    object_->add_option("--contact", contact_, "联系方式 (contact)");
    object_->add_option("--date", date_, "提出日期 YYYY-MM-DD，默认今天 (date raised; default today)");

    objections_ = commands_.add(app, "objections", "查看一个案件的异议 (a case's objections)");
    objections_->add_option("ID", id_, "案件编号 (case id)")->required()->check(CLI::PositiveNumber);

    answer_ = commands_.add(app, "answer", "答复异议 (answer an objection)");
    answer_->add_option("OBJECTION_ID", id_, "异议编号 (objection id)")->required()->check(CLI::PositiveNumber);
    auto* upheld = answer_->add_flag("--upheld", upheld_, "异议成立 (upheld)");
    auto* dismissed = answer_->add_flag("--dismissed", dismissed_, "异议不成立 (dismissed)");
    upheld->excludes(dismissed);
    answer_->add_option("--answer", answer_text_, "核实情况与答复 (the answer)")->required();
    answer_->add_option("--consequence", consequence_, "异议成立时：refuse 不予通过 | return 退回重审")
        ->check(CLI::IsMember({"refuse", "return"}));
}

bool posting_commands::given() const { return commands_.any_parsed(); }

std::string posting_commands::explain(const client_error& e, common::language lang) const {
    return procedure_printer(lang).error(e);
}

int posting_commands::run(const command_context& c) {
    const procedure_printer printer(c.lang);
    auto& client = c.client;
    if (post_->parsed()) {
        const auto p = client.create_posting({level_, area_, year_, ids_});
        return print_answer(c, std::string(in(c.lang, "已张榜公示：\n\n", "Posted:\n\n")) + printer.posting(p));
    }
    if (postings_list_->parsed()) return print_answer(c, printer.posting_table(client.list_postings(area_, year_, level_)));
    if (postings_show_->parsed()) {
        const auto p = client.get_posting(id_);
        if (csv_) {
            c.out << printer.posting_csv(p);
            return exit_ok;
        }
        return print_answer(c, printer.posting(p));
    }
    if (object_->parsed()) {
        common::objection input;
        input.objector_name = objector_;
        input.objector_contact = contact_;
        input.grounds = grounds_;
        input.objected_on = date_;
        const auto recorded = client.create_objection(id_, input);
        return print_answer(c, std::string(in(c.lang, "已登记异议；答复之前，该案件停在本步：\n",
                                              "Objection recorded; the case waits at its step until it is answered:\n")) +
                                   printer.objection(recorded));
    }
    if (objections_->parsed()) {
        const auto items = client.list_objections(id_);
        if (c.json) return print_answer(c, "");
        for (const auto& item : items) c.out << printer.objection(item) << '\n';
        c.out << printer.objection_table(items);
        return exit_ok;
    }
    if (answer_->parsed()) return run_answer(c);
    return exit_usage;
}

int posting_commands::run_answer(const command_context& c) {
    if (!upheld_ && !dismissed_) {
        c.err << in(c.lang, "请用 --upheld（异议成立）或 --dismissed（异议不成立）之一。\n",
                   "Give --upheld or --dismissed.\n");
        return exit_usage;
    }
    if (upheld_ && consequence_.empty()) {
        c.err << in(c.lang, "异议成立时须用 --consequence refuse（不予通过）或 return（退回重审）说明如何处理。\n",
                   "An upheld objection needs --consequence refuse or return.\n");
        return exit_usage;
    }
    if (dismissed_ && !consequence_.empty()) {
        c.err << in(c.lang, "异议不成立时不需要 --consequence。\n", "A dismissed objection takes no --consequence.\n");
        return exit_usage;
    }
    const auto answered = c.client.answer_objection(id_, {upheld_ ? "upheld" : "dismissed", answer_text_, consequence_});
    return print_answer(c, std::string(in(c.lang, "已答复异议：\n", "Objection answered:\n")) +
                               procedure_printer(c.lang).objection(answered));
}

}  // namespace fupin::client
