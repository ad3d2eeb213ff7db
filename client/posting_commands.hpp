#pragma once
// township-client's commands for the procedure's postings and the objections raised against them
// (docs/procedure.md): post, postings list|show (as a notice or CSV for Excel), object, objections, answer.
#include <cstdint>
#include <string>
#include <vector>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class posting_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit posting_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;
    // The refusals carry dates and states worth spelling out (procedure_printer).
    std::string explain(const client_error& e, common::language lang) const override;

private:
    int run_answer(const command_context& c);

    // post, postings
    std::vector<std::int64_t> ids_;  // only these cases on the posting
    std::int64_t id_ = 0;            // a posting's, a case's or an objection's id
    int year_ = 0;
    std::string level_;
    std::string area_;
    bool csv_ = false;
    // object, answer
    std::string objector_;
    std::string contact_;
    std::string grounds_;
    std::string date_;
    bool upheld_ = false;
    bool dismissed_ = false;
    std::string answer_text_;
    std::string consequence_;

    subcommands commands_;
    CLI::App* post_ = nullptr;
    CLI::App* postings_list_ = nullptr;
    CLI::App* postings_show_ = nullptr;
    CLI::App* object_ = nullptr;
    CLI::App* objections_ = nullptr;
    CLI::App* answer_ = nullptr;
};

}  // namespace fupin::client
