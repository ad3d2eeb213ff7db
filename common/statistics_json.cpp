#include "common/statistics_json.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"

namespace fupin::common {
namespace {

namespace jf = json_fields;

nlohmann::json tally_json(const tally& t) { return {{"households", t.households}, {"people", t.people}}; }

// The member `key` of object j (400 at path.key when it is missing or j is no object).
const nlohmann::json& member(const nlohmann::json& j, const std::string& path, const char* key) {
    const auto here = jf::join(path, key);
    if (!j.is_object()) jf::wrong_type(path, "对象", "an object");
    const auto it = j.find(key);
    if (it == j.end()) jf::wrong_type(here, "必填", "required");
    return *it;
}

std::int64_t int64_of(const nlohmann::json& j, const std::string& path, const char* key) {
    return jf::int64_at(member(j, path, key), jf::join(path, key));
}

std::string string_of(const nlohmann::json& j, const std::string& path, const char* key) {
    return jf::string_at(member(j, path, key), jf::join(path, key));
}

const nlohmann::json& array_of(const nlohmann::json& j, const std::string& path, const char* key) {
    const auto& a = member(j, path, key);
    if (!a.is_array()) jf::wrong_type(jf::join(path, key), "数组", "an array");
    return a;
}

tally tally_from(const nlohmann::json& j, const std::string& path) {
    return {int64_of(j, path, "households"), int64_of(j, path, "people")};
}

nlohmann::json keyed_json(const std::vector<keyed_tally>& items) {
    auto out = nlohmann::json::array();
    for (const auto& k : items) {
        auto item = tally_json(k.count);
        item["key"] = k.key;
        out.push_back(std::move(item));
    }
    return out;
}

std::vector<keyed_tally> keyed_from(const nlohmann::json& j, const std::string& path, const char* key) {
    std::vector<keyed_tally> out;
    const auto& array = array_of(j, path, key);
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto item_path = jf::index(jf::join(path, key), i);
        out.push_back({string_of(array[i], item_path, "key"), tally_from(array[i], item_path)});
    }
    return out;
}

nlohmann::json money_json(const std::vector<money_tally>& items) {
    auto out = nlohmann::json::array();
    for (const auto& m : items)
        out.push_back({{"key", m.key},
                       {"measures", m.measures},
                       {"households", m.households},
                       {"planned", fen_to_json(m.planned)},
                       {"paid", fen_to_json(m.paid)}});
    return out;
}

std::vector<money_tally> money_from(const nlohmann::json& j, const char* key) {
    std::vector<money_tally> out;
    const auto& array = array_of(j, "", key);
    for (std::size_t i = 0; i < array.size(); ++i) {
        const auto path = jf::index(key, i);
        const auto& item = array[i];
        out.push_back({string_of(item, path, "key"), int64_of(item, path, "measures"), int64_of(item, path, "households"),
                       fen_from_json(member(item, path, "planned"), jf::join(path, "planned")),
                       fen_from_json(member(item, path, "paid"), jf::join(path, "paid"))});
    }
    return out;
}

}  // namespace

nlohmann::json to_json(const statistics_report& r) {
    auto areas = nlohmann::json::array();
    for (const auto& a : r.areas) {
        auto item = tally_json(a.all);
        item["area_code"] = a.code;
        item["area_name"] = a.name;
        item["level"] = a.level;
        item["by_status"] = keyed_json(a.by_status);
        item["with_helper"] = a.with_helper;
        areas.push_back(std::move(item));
    }
    return {{"area_code", r.area_code},
            {"area_name", r.area_name},
            {"level", r.area_level},
            {"year", r.year},
            {"areas", std::move(areas)},
            {"by_status", keyed_json(r.by_status)},
            {"by_main_cause", keyed_json(r.by_main_cause)},
            {"by_poverty_type", keyed_json(r.by_poverty_type)},
            {"by_income_band", keyed_json(r.by_income_band)},
            {"by_attribute", keyed_json(r.by_attribute)},
            {"measures_by_category", money_json(r.measures_by_category)},
            {"funds_by_source", money_json(r.funds_by_source)}};
}

statistics_report statistics_report_from_json(const nlohmann::json& j) {
    statistics_report r;
    r.area_code = string_of(j, "", "area_code");
    r.area_name = string_of(j, "", "area_name");
    r.area_level = string_of(j, "", "level");
    r.year = static_cast<int>(int64_of(j, "", "year"));
    const auto& areas = array_of(j, "", "areas");
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const auto path = jf::index("areas", i);
        const auto& item = areas[i];
        area_tally a;
        a.code = string_of(item, path, "area_code");
        a.name = string_of(item, path, "area_name");
        a.level = string_of(item, path, "level");
        a.all = tally_from(item, path);
        a.by_status = keyed_from(item, path, "by_status");
        a.with_helper = int64_of(item, path, "with_helper");
        r.areas.push_back(std::move(a));
    }
    r.by_status = keyed_from(j, "", "by_status");
    r.by_main_cause = keyed_from(j, "", "by_main_cause");
    r.by_poverty_type = keyed_from(j, "", "by_poverty_type");
    r.by_income_band = keyed_from(j, "", "by_income_band");
    r.by_attribute = keyed_from(j, "", "by_attribute");
    r.measures_by_category = money_from(j, "measures_by_category");
    r.funds_by_source = money_from(j, "funds_by_source");
    return r;
}

}  // namespace fupin::common
