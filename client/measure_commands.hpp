#pragma once
// township-client's commands for assistance measures and projects (分类分档):
// measures list|show|suggest|add|update, projects list|add.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "client/command_group.hpp"
#include "client/subcommands.hpp"
#include "common/assistance.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class measure_commands : public command_group {
public:
    // Adds the subcommands to `app`; their flags are bound to this object, which must outlive the parse.
    explicit measure_commands(CLI::App& app);

    bool given() const override;
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;

private:
    std::int64_t id_ = 0;  // a household (list, suggest, add) or a measure (show, update)
    int year_ = 0;
    std::string category_;
    std::string content_;
    std::optional<std::int64_t> helper_;
    std::optional<std::int64_t> project_;
    std::string status_;
    std::string reason_;
    std::optional<std::string> start_;
    std::optional<std::string> end_;
    std::vector<std::string> fund_texts_;  // SOURCE:PLANNED[:PAID] in yuan
    std::vector<common::measure_fund> funds_;
    std::string name_;
    std::string area_;

    subcommands commands_;
    CLI::App* list_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* suggest_ = nullptr;
    CLI::App* add_ = nullptr;
    CLI::App* update_ = nullptr;
    CLI::App* projects_list_ = nullptr;
    CLI::App* projects_add_ = nullptr;
};

// "central:5000" or "county:3000:1500.5": a source of funds and its planned and paid yuan; false when malformed.
bool parse_fund(const std::string& text, common::measure_fund& fund);

}  // namespace fupin::client
