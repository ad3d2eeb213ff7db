#include "common/area_json.hpp"

#include <map>

#include "common/api_error.hpp"
#include "common/utf8.hpp"

namespace fupin::common {
namespace {

using nlohmann::json;

constexpr std::string_view levels[] = {"county", "township", "village", "group"};

std::string at(std::size_t i, std::string_view key = {}) {
    std::string p = "[" + std::to_string(i) + "]";
    if (!key.empty()) p += "." + std::string(key);
    return p;
}

[[noreturn]] void refuse(const std::string& field, const char* code, const std::string& zh, const std::string& en) {
    throw api_error::invalid_field(field, code, "区划文件 " + field + ": " + zh, "area file " + field + ": " + en);
}

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

}  // namespace

std::size_t area_code_length(std::string_view level) {
    for (std::size_t i = 0; i < std::size(levels); ++i)
        if (levels[i] == level) return 6 + 3 * i;
    return 0;
}

std::string_view child_area_level(std::string_view level) {
    for (std::size_t i = 0; i + 1 < std::size(levels); ++i)
        if (levels[i] == level) return levels[i + 1];
    return {};
}

std::vector<area> parse_area_file(std::string_view text) {
    json j = json::parse(text, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        throw api_error(400, "invalid_json", "区划文件不是有效的JSON", "the area file is not valid JSON");
    return areas_from_json(j);
}

std::vector<area> areas_from_json(const json& j) {
    if (!j.is_array())
        throw api_error(400, "invalid_json", "区划文件应为JSON数组", "the area file must be a JSON array");
    std::vector<area> out;
    out.reserve(j.size());
    std::map<std::string, std::string, std::less<>> level_of;  // code → level of the areas read so far
    for (std::size_t i = 0; i < j.size(); ++i) {
        const json& o = j[i];
        if (!o.is_object())
            throw api_error(400, "invalid_type", "区划文件 " + at(i) + " 应为对象", "area file " + at(i) + " must be an object", at(i));
        area a;
        for (const auto& [key, v] : o.items()) {
            if (key == "poor_village") {
                if (!v.is_boolean())
                    throw api_error(400, "invalid_type", "区划文件 " + at(i, key) + " 应为 true 或 false",
                                    "area file " + at(i, key) + " must be true or false", at(i, key));
                a.poor_village = v.get<bool>();
                continue;
            }
            std::string* target = key == "code" ? &a.code
                                  : key == "parent_code" ? &a.parent_code
                                  : key == "level" ? &a.level
                                  : key == "name" ? &a.name
                                  : nullptr;
            if (!target)
                throw api_error(400, "unknown_field", "区划文件中没有字段 " + at(i, key), "the area file has no field " + at(i, key), at(i, key));
            if (!v.is_string())
                throw api_error(400, "invalid_type", "区划文件 " + at(i, key) + " 应为字符串", "area file " + at(i, key) + " must be a string", at(i, key));
            *target = v.get<std::string>();
        }

        if (a.level.empty()) refuse(at(i, "level"), "missing_field", "缺少层级", "level is required");
        const std::size_t length = area_code_length(a.level);
        if (length == 0)
            refuse(at(i, "level"), "invalid_value", "层级「" + a.level + "」无效,可选:county | township | village | group",
                   "'" + a.level + "' is not one of county | township | village | group");
        if (a.code.empty()) refuse(at(i, "code"), "missing_field", "缺少区划代码", "code is required");
        if (a.code.size() != length || !all_digits(a.code))
            refuse(at(i, "code"), "invalid_value", a.level + " 的代码应为" + std::to_string(length) + "位数字",
                   "a " + a.level + " code must be " + std::to_string(length) + " digits");
        if (level_of.count(a.code)) refuse(at(i, "code"), "invalid_value", "代码 " + a.code + " 重复", "code " + a.code + " appears twice");

        if (a.level == "county") {
            if (!a.parent_code.empty())
                refuse(at(i, "parent_code"), "invalid_value", "县级区划不应有上级代码", "a county has no parent_code");
        } else {
            if (a.parent_code.empty()) refuse(at(i, "parent_code"), "missing_field", "缺少上级代码", "parent_code is required");
            const auto parent = level_of.find(a.parent_code);
            if (parent == level_of.end())
                refuse(at(i, "parent_code"), "invalid_value", "上级 " + a.parent_code + " 须在本行之前出现",
                       "parent " + a.parent_code + " must appear earlier in the file");
            if (child_area_level(parent->second) != a.level)
                refuse(at(i, "level"), "invalid_value", "上级 " + a.parent_code + " 是 " + parent->second + ",下级不能是 " + a.level,
                       "the parent " + a.parent_code + " is a " + parent->second + ", so this cannot be a " + a.level);
            if (a.code.compare(0, a.parent_code.size(), a.parent_code) != 0)
                refuse(at(i, "code"), "invalid_value", "代码应以上级代码 " + a.parent_code + " 开头",
                       "code must start with the parent code " + a.parent_code);
        }

        const auto name_length = utf8_length(a.name);
        if (a.name.empty()) refuse(at(i, "name"), "missing_field", "缺少名称", "name is required");
        if (!name_length || has_control_characters(a.name))
            refuse(at(i, "name"), "invalid_value", "名称不是有效的单行UTF-8文本", "name is not single-line UTF-8 text");
        if (*name_length > max_area_name_chars)
            refuse(at(i, "name"), "too_long", "名称最多" + std::to_string(max_area_name_chars) + "个字",
                   "name must be at most " + std::to_string(max_area_name_chars) + " characters");

        if (a.poor_village && a.level != "village")
            refuse(at(i, "poor_village"), "invalid_value", "只有村可以标为贫困村", "only a village can be a poor village");

        level_of.emplace(a.code, a.level);
        out.push_back(std::move(a));
    }
    return out;
}

json to_json(const area& a) {
    json j{{"code", a.code}, {"level", a.level}, {"parent_code", a.parent_code}, {"name", a.name}};
    if (a.level == "village") j["poor_village"] = a.poor_village;
    return j;
}

std::string format_area_file(const std::vector<area>& areas) {
    std::string out = "[\n";
    for (std::size_t i = 0; i < areas.size(); ++i) {
        // nlohmann::json sorts keys, so every line reads code, level, name, parent_code (, poor_village) in that
        // order.
        out += to_json(areas[i]).dump();
        out += i + 1 < areas.size() ? ",\n" : "\n";
    }
    out += "]\n";
    return out;
}

}  // namespace fupin::common
