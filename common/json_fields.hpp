#pragma once
// Typed reads of one JSON field, each refusing a wrong type with the field's path (400 invalid_type) or an
// out-of-range value (422 invalid_value). Every strict codec in common/ reads through these, so a client bug
// gets the same clear error whatever the record.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace fupin::common::json_fields {

std::string join(const std::string& path, std::string_view key);        // "a.b"
std::string index(const std::string& path, std::size_t i);              // "a[3]"

[[noreturn]] void wrong_type(const std::string& path, const char* zh, const char* en);
[[noreturn]] void invalid_value(const std::string& path, const std::string& zh, const std::string& en);
// 400 unknown_field: a strict request has a key its record does not.
[[noreturn]] void unknown_field(const std::string& path);

const nlohmann::json& object_at(const nlohmann::json& j, const std::string& path);
std::string string_at(const nlohmann::json& j, const std::string& path);
bool bool_at(const nlohmann::json& j, const std::string& path);
std::int64_t int64_at(const nlohmann::json& j, const std::string& path);
int int_at(const nlohmann::json& j, const std::string& path);
double double_at(const nlohmann::json& j, const std::string& path);
std::vector<std::string> string_array_at(const nlohmann::json& j, const std::string& path);

}  // namespace fupin::common::json_fields
