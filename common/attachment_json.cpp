#include "common/attachment_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {

using json = nlohmann::json;
using namespace json_fields;

json to_json(const attachment& a) {
    return {{"id", a.id},
            {"household_id", a.household_id},
            {"application_id", a.application_id ? json(a.application_id) : json(nullptr)},
            {"kind", a.kind},
            {"file_name", a.file_name},
            {"content_type", a.content_type},
            {"size", a.size},
            {"sha256", a.sha256},
            {"uploaded_by", a.uploaded_by},
            {"uploaded_at", utc_ms_or_null(a.uploaded_at_ms)}};
}

attachment attachment_from_json(const json& j) {
    attachment a;
    for (const auto& [key, v] : object_at(j, "").items()) {
        if (key == "id") a.id = int64_at(v, key);
        else if (key == "household_id") a.household_id = int64_at(v, key);
        else if (key == "application_id") a.application_id = v.is_null() ? 0 : int64_at(v, key);
        else if (key == "kind") a.kind = string_at(v, key);
        else if (key == "file_name") a.file_name = string_at(v, key);
        else if (key == "content_type") a.content_type = string_at(v, key);
        else if (key == "size") a.size = int64_at(v, key);
        else if (key == "sha256") a.sha256 = string_at(v, key);
        else if (key == "uploaded_by") a.uploaded_by = string_at(v, key);
        else if (key == "uploaded_at") a.uploaded_at_ms = utc_ms_or_zero_at(v, key);
    }
    return a;
}

json completeness_json(std::int64_t household_id, const std::vector<completeness_gap>& gaps) {
    json list = json::array();
    for (const auto& g : gaps) list.push_back({{"code", g.code}, {"zh", g.zh}, {"en", g.en}});
    return {{"household_id", household_id}, {"complete", gaps.empty()}, {"gaps", list}};
}

std::vector<completeness_gap> completeness_gaps_from_json(const json& j) {
    std::vector<completeness_gap> out;
    for (const auto& g : object_at(j, "").at("gaps"))
        out.push_back({string_at(g.at("code"), "code"), string_at(g.at("zh"), "zh"), string_at(g.at("en"), "en")});
    return out;
}

}  // namespace fupin::common
