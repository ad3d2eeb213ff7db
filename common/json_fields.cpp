#include "common/json_fields.hpp"

#include <cmath>
#include <limits>

#include "common/api_error.hpp"

namespace fupin::common::json_fields {

using nlohmann::json;

std::string join(const std::string& path, std::string_view key) {
    return path.empty() ? std::string(key) : path + "." + std::string(key);
}
std::string index(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

[[noreturn]] void wrong_type(const std::string& path, const char* zh, const char* en) {
    throw api_error(400, "invalid_type", "字段 " + path + " 类型错误,应为" + zh, path + " must be " + en, path);
}
[[noreturn]] void invalid_value(const std::string& path, const std::string& zh, const std::string& en) {
    throw api_error::invalid_field(path, "invalid_value", "字段 " + path + " " + zh, path + " " + en);
}

[[noreturn]] void unknown_field(const std::string& path) {
    throw api_error(400, "unknown_field", "没有字段 " + path, "there is no field " + path, path);
}

const json& object_at(const json& j, const std::string& path) {
    if (!j.is_object()) wrong_type(path, "对象", "an object");
    return j;
}

std::string string_at(const json& j, const std::string& path) {
    if (!j.is_string()) wrong_type(path, "字符串", "a string");
    return j.get<std::string>();
}

bool bool_at(const json& j, const std::string& path) {
    if (!j.is_boolean()) wrong_type(path, "布尔值 true 或 false", "true or false");
    return j.get<bool>();
}

std::int64_t int64_at(const json& j, const std::string& path) {
    if (j.is_number_unsigned()) {
        if (j.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()))
            invalid_value(path, "超出范围", "is out of range");
        return static_cast<std::int64_t>(j.get<std::uint64_t>());
    }
    if (!j.is_number_integer()) wrong_type(path, "整数", "an integer");
    return j.get<std::int64_t>();
}

int int_at(const json& j, const std::string& path) {
    const auto v = int64_at(j, path);
    if (v < std::numeric_limits<int>::min() || v > std::numeric_limits<int>::max())
        invalid_value(path, "超出范围", "is out of range");
    return static_cast<int>(v);
}

double double_at(const json& j, const std::string& path) {
    if (!j.is_number()) wrong_type(path, "数值", "a number");
    const double v = j.get<double>();
    if (!std::isfinite(v)) invalid_value(path, "不是有效数值", "is not a finite number");
    return v;
}

std::vector<std::string> string_array_at(const json& j, const std::string& path) {
    if (!j.is_array()) wrong_type(path, "数组", "an array");
    std::vector<std::string> out;
    for (std::size_t i = 0; i < j.size(); ++i) out.push_back(string_at(j[i], index(path, i)));
    return out;
}

}  // namespace fupin::common::json_fields
