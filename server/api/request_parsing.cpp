#include "server/api/request_parsing.hpp"

#include <charconv>

#include "common/api_error.hpp"
#include "common/bounded_json.hpp"
#include "server/service/digest.hpp"

namespace fupin::server::api {

using common::api_error;

nlohmann::json parse_json_body(const api_request& request) {
    const auto type = request.content_type.substr(0, request.content_type.find(';'));
    if (type != "application/json")
        throw api_error(415, "unsupported_media_type", "请求内容必须是 JSON(Content-Type: application/json)",
                        "the body must be JSON (Content-Type: application/json)");
    auto body = common::parse_bounded_json(request.body);
    if (!body.is_object())
        throw api_error(400, "invalid_json", "请求内容不是有效的 JSON 对象", "the body is not a valid JSON object");
    return body;
}

void require_known_keys(const nlohmann::json& body, std::initializer_list<std::string_view> keys) {
    for (const auto& [key, value] : body.items()) {
        bool known = false;
        for (auto k : keys) known = known || k == key;
        if (!known)
            throw common::api_error(400, "unknown_field", "请求中没有字段 " + key, "the request has no field " + key,
                                    key);
    }
}

std::int64_t parse_id(const std::string& text) {
    std::int64_t id = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
    if (text.empty() || text.size() > 18 || ec != std::errc() || end != text.data() + text.size() || id <= 0)
        throw api_error::not_found("该户档案", "household file");
    return id;
}

int required_query_year(const api_request& request) {
    const int year = query_int(request, "year", 0, 2000, 2100);
    if (!year)
        throw common::api_error(400, "invalid_parameter", "缺少查询参数 year", "the query parameter year is required",
                                "year");
    return year;
}

int parse_year(const std::string& text) {
    const auto year = parse_id(text);  // 404 for anything but a positive number
    if (year < 2000 || year > 2100) throw common::api_error::not_found("该年度", "that year");
    return static_cast<int>(year);
}

const nlohmann::json& required_field(const nlohmann::json& body, const char* key) {
    auto it = body.find(key);
    if (it == body.end())
        throw common::api_error::invalid_field(key, "missing_field", std::string("缺少字段 ") + key,
                                               std::string(key) + " is required");
    return *it;
}

std::string query_text(const api_request& request, const std::string& name) {
    const auto it = request.query.find(name);
    return it == request.query.end() ? std::string() : it->second;
}

int query_int(const api_request& request, const std::string& name, int fallback, int min, int max) {
    auto it = request.query.find(name);
    if (it == request.query.end() || it->second.empty()) return fallback;
    int value = 0;
    auto [end, ec] = std::from_chars(it->second.data(), it->second.data() + it->second.size(), value);
    if (ec != std::errc() || end != it->second.data() + it->second.size() || value < min || value > max)
        throw api_error(400, "invalid_parameter",
                        "参数 " + name + " 必须是 " + std::to_string(min) + " 到 " + std::to_string(max) + " 之间的整数",
                        "parameter " + name + " must be an integer from " + std::to_string(min) + " to " +
                            std::to_string(max),
                        name);
    return value;
}

std::string query_code(const api_request& request, const std::string& name, std::size_t length) {
    auto it = request.query.find(name);
    if (it == request.query.end()) return {};
    const auto& code = it->second;
    bool digits = code.size() == length;
    for (char c : code) digits = digits && c >= '0' && c <= '9';
    if (!digits)
        throw api_error(400, "invalid_parameter",
                        "参数 " + name + " 必须是 " + std::to_string(length) + " 位区划代码",
                        "parameter " + name + " must be a " + std::to_string(length) + "-digit division code", name);
    return code;
}

std::string idempotency_key(const api_request& request) {
    const auto& key = request.idempotency_key;
    bool ok = key.size() <= 128;
    for (char c : key)
        ok = ok && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_');
    if (!ok)
        throw api_error(400, "invalid_idempotency_key", "Idempotency-Key 只能是 1 到 128 个字母、数字、- 或 _",
                        "Idempotency-Key must be 1 to 128 letters, digits, - or _");
    return key;
}

std::string canonical_hash(const nlohmann::json& body) {
    return service::sha256_hex(body.dump());  // nlohmann orders object keys: one text per request
}

}  // namespace fupin::server::api
