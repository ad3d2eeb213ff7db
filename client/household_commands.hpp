#pragma once
// township-client household create|show|update|list: the household files (docs/protocol.md, "Households").
// A file to create or update is read and checked against the county's rules (common/household_validation)
// before a connection is opened; a create without --idempotency-key gets a new key, printed if the create
// may have to be retried.
#include <cstdint>
#include <optional>
#include <string>

#include "client/command_group.hpp"
#include "common/household.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class household_commands : public command_group {
public:
    explicit household_commands(CLI::App& app);

    bool given() const override;
    int check_before_connecting(std::istream& in, std::ostream& err, common::language lang) override;
    int run(const command_context& c) override;
    std::string explain(const client_error& e, common::language lang) const override;

private:
    int list(const command_context& c);

    std::string file_;
    std::string idempotency_key_;
    bool generated_key_ = false;
    std::int64_t id_ = 0;
    common::household_filter filter_;
    bool all_ = false;
    std::optional<common::household> input_;  // create, update: the file as checked
    CLI::App* create_ = nullptr;
    CLI::App* show_ = nullptr;
    CLI::App* update_ = nullptr;
    CLI::App* list_ = nullptr;
};

}  // namespace fupin::client
