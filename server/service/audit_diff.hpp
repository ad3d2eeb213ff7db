#pragma once
// What a write changed, as the audit trail stores it: {"path": {"before": x, "after": y}} for each changed leaf,
// e.g. {"phone": {…}, "members[1].name": {…}, "income.wages": {…}}. Personal numbers are masked and secrets
// dropped here, before anything reaches the trail, because the trail is kept for years and read by auditors.
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace fupin::server::service {

class audit_diff {
public:
    // Leaves that differ between two JSON documents (usually the to_json of a record before and after).
    // Objects are compared key by key, arrays index by index; a leaf present on one side only shows null on
    // the other. Skipped: output-only fields that change on every write (version, created_at, updated_at) and
    // any key that names a secret (containing "password" or "token"), at any depth. Masked: every value under
    // a key `id_number` (common::mask_id_number: region and last character), every `bank_account` (last 4
    // digits), every `birth_date` and `sex` ("***": beside the masked ID number they would narrow it to a few
    // dozen people). Raw values are compared, so a value that changed still shows as changed when masked alike.
    static nlohmann::json changes(const nlohmann::json& before, const nlohmann::json& after);

    // For a create: every leaf of `after` with before null, masked and filtered like changes().
    static nlohmann::json created(const nlohmann::json& after) { return changes(nullptr, after); }

    // "****" and the last 4 characters, or "****" alone for 4 characters or fewer (hides the length too).
    static std::string mask_bank_account(std::string_view account);
};

}  // namespace fupin::server::service
