#pragma once
// township-client's cross-township lookup (docs/protocol.md, "GET /api/v1/people"): `lookup ID_NUMBER` says
// whether the person is already in a household file of the county, before a clerk registers them. The number
// is checked locally first (GB 11643), so a typo never reaches the server nor its rate limit. Not found is not
// a failure: it prints 未找到 / not found and exits 0 (scripts read --json's "found").
#include <iosfwd>
#include <string>

#include <nlohmann/json.hpp>

#include "client/command_group.hpp"

namespace CLI {
class App;
}

namespace fupin::client {

class person_commands : public command_group {
public:
    // Adds `lookup` to `app`; its argument is bound to this object, which must outlive the parse.
    explicit person_commands(CLI::App& app);

    bool given() const override;
    int run(const command_context& c) override;

    // The printout of a lookup answer (shared with the tests).
    static std::string lookup_text(const std::string& masked_id_number, const nlohmann::json& answer,
                                   common::language lang);

private:
    std::string id_number_;
    CLI::App* lookup_ = nullptr;
};

}  // namespace fupin::client
