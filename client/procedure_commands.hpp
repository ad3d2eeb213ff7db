#pragma once
// The identification procedure's commands of township-client (docs/procedure.md, docs/protocol.md
// "Identification"): apply, check, the steps (appraise --stage group, verify, sign, review, approve, register,
// refuse, return), the village appraisal, postings, objections, the case lists, poverty lines and quotas.
// cli_app owns the parsing of the global flags, the cached session and the mapping of errors to exit codes; this
// class adds its subcommands to the same CLI11 app, checks what can be checked before a connection, does the
// work and prints the success.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

// What the flags of every procedure command land in.
struct procedure_options {
    std::vector<std::int64_t> ids;  // case ids of a step; or the one id of apply/show/…
    std::int64_t id = 0;
    int year = 0;
    std::string village;  // --village: the batch form of a step, the appraisal
    std::string note;
    std::string reason;
    std::string state;     // refuse/return batch form; applications list
    std::string kind;      // identification | exit: the batch form of a step; applications list
    std::int64_t version = 0;

    // appraise
    std::string stage;  // "group": the village group's preliminary appraisal (a step)
    bool proposal = false;
    std::string meeting_date;
    std::string panel;  // "name1,name2,…"
    std::string results_file;
    bool accept_proposal = false;
    int votes_for = -1;  // -1: not given
    int votes_against = 0;
    int votes_abstain = 0;

    // applications list
    std::string township;
    std::int64_t household = 0;
    int page_size = 100;
    std::int64_t after = 0;
    bool all = false;
};

class procedure_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit procedure_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;
    // The procedure's refusals carry states and dates worth spelling out (procedure_printer).
    std::string explain(const client_error& e, common::language lang) const override;

private:
    int run_step(const std::string& action, const command_context& c);
    int run_appraise(const command_context& c);
    int run_check(const command_context& c);
    // The batch form: the cases of --village and --year in the state `action` starts from.
    std::vector<std::int64_t> cases_ready_for(const std::string& action, const command_context& c);

    procedure_options o_;
    subcommands commands_;
    CLI::App* apply_ = nullptr;
    CLI::App* check_ = nullptr;
    CLI::App* appraise_ = nullptr;
    CLI::App* verify_ = nullptr;
    CLI::App* sign_ = nullptr;
    CLI::App* review_ = nullptr;
    CLI::App* approve_ = nullptr;
    CLI::App* register_ = nullptr;
    CLI::App* refuse_ = nullptr;
    CLI::App* return_ = nullptr;
    CLI::App* applications_list_ = nullptr;
    CLI::App* applications_show_ = nullptr;
};


}  // namespace fupin::client
