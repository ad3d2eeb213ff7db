#include "common/verdict_reason_json.hpp"

#include "common/json_fields.hpp"

namespace fupin::common {

using nlohmann::json;
using namespace json_fields;

json to_json(const std::vector<verdict_reason>& reasons) {
    json out = json::array();
    for (const auto& r : reasons) out.push_back({{"code", r.code}, {"zh", r.zh}, {"en", r.en}});
    return out;
}

std::vector<verdict_reason> verdict_reasons_from_json(const json& j, const std::string& path) {
    if (!j.is_array()) wrong_type(path, "数组", "an array");
    std::vector<verdict_reason> out;
    for (std::size_t i = 0; i < j.size(); ++i) {
        const auto p = index(path, i);
        verdict_reason r;
        for (const auto& [key, v] : object_at(j[i], p).items()) {
            if (key == "code") r.code = string_at(v, p + "." + key);
            else if (key == "zh") r.zh = string_at(v, p + "." + key);
            else if (key == "en") r.en = string_at(v, p + "." + key);
        }
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace fupin::common
