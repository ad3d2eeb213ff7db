#include "server/service/audit_diff.hpp"

#include <map>

#include "common/id_number.hpp"

namespace fupin::server::service {
namespace {

using nlohmann::json;

enum class mask { none, id_number, certificate, bank_account, hidden };

bool is_noise(const std::string& key) { return key == "version" || key == "created_at" || key == "updated_at"; }

bool is_secret(const std::string& key) {
    return key.find("password") != std::string::npos || key.find("token") != std::string::npos;
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

struct leaf {
    const json* value;
    mask how;  // inherited from the nearest id_number / bank_account key above the leaf
};

// Every leaf (scalar) under `j` by its path. Empty objects and arrays have no leaves.
void flatten(const json& j, const std::string& path, mask how, std::map<std::string, leaf>& out) {
    if (j.is_object()) {
        for (const auto& [key, v] : j.items()) {
            if (is_noise(key) || is_secret(key)) continue;
            // A birth date and sex beside the masked ID number would narrow it to a few dozen people: hidden.
            // A disability certificate begins with its holder's ID number: masked as one.
            const mask m = key == "id_number"                      ? mask::id_number
                           : key == "disability_certificate"       ? mask::certificate
                           : key == "bank_account"                 ? mask::bank_account
                           : key == "birth_date" || key == "sex"   ? mask::hidden
                                                                   : how;
            flatten(v, join(path, key), m, out);
        }
    } else if (j.is_array()) {
        for (std::size_t i = 0; i < j.size(); ++i) flatten(j[i], path + "[" + std::to_string(i) + "]", how, out);
    } else {
        out.emplace(path, leaf{&j, how});
    }
}

json masked(const json* value, mask m) {
    if (value == nullptr) return nullptr;
    if (value->is_null() || m == mask::none) return *value;
    const std::string text = value->is_string() ? value->get<std::string>() : value->dump();
    if (m == mask::hidden) return "***";
    if (m == mask::certificate)
        return text.size() == 20 ? common::mask_id_number(text.substr(0, 18)) + text.substr(18)
                                 : std::string(text.size(), '*');
    return m == mask::id_number ? common::mask_id_number(text) : audit_diff::mask_bank_account(text);
}

}  // namespace

std::string audit_diff::mask_bank_account(std::string_view account) {
    if (account.size() <= 4) return "****";
    return "****" + std::string(account.substr(account.size() - 4));
}

json audit_diff::changes(const json& before, const json& after) {
    std::map<std::string, leaf> old_leaves, new_leaves;
    flatten(before, "", mask::none, old_leaves);
    flatten(after, "", mask::none, new_leaves);
    json out = json::object();
    auto record = [&](const std::string& path, const leaf* b, const leaf* a) {
        const mask m = (b ? b : a)->how;  // the same path has the same keys, so the same mask
        out[path] = {{"before", masked(b ? b->value : nullptr, m)}, {"after", masked(a ? a->value : nullptr, m)}};
    };
    for (const auto& [path, b] : old_leaves) {
        const auto it = new_leaves.find(path);
        if (it == new_leaves.end()) {
            if (!b.value->is_null()) record(path, &b, nullptr);
        } else if (*it->second.value != *b.value) {
            record(path, &b, &it->second);
        }
    }
    for (const auto& [path, a] : new_leaves)
        if (!old_leaves.contains(path) && !a.value->is_null()) record(path, nullptr, &a);
    return out;
}

}  // namespace fupin::server::service
