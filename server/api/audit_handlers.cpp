#include "server/api/audit_handlers.hpp"

#include <optional>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "common/api_error.hpp"
#include "common/household_json.hpp"
#include "server/api/request_parsing.hpp"
#include "server/storage/audit_repository.hpp"

namespace fupin::server::api {
namespace {

using common::api_error;
using nlohmann::json;

// Longest accepted filter texts: the column widths of schema/*/004_audit.sql (longer could never match).
constexpr std::size_t max_user_length = 64;
constexpr std::size_t max_record_length = 128;
constexpr std::size_t max_action_length = 64;
constexpr std::size_t max_token_length = 40;

api_error invalid_parameter(const std::string& name, const std::string& zh, const std::string& en) {
    return api_error(400, "invalid_parameter", "参数 " + name + " " + zh, "parameter " + name + " " + en, name);
}

std::string query_text(const api_request& request, const std::string& name, std::size_t max_bytes) {
    const auto it = request.query.find(name);
    if (it == request.query.end()) return {};
    if (it->second.size() > max_bytes)
        throw invalid_parameter(name, "过长(最多 " + std::to_string(max_bytes) + " 字节)",
                                "is too long (at most " + std::to_string(max_bytes) + " bytes)");
    return it->second;
}

std::optional<std::int64_t> query_time(const api_request& request, const std::string& name) {
    const auto it = request.query.find(name);
    if (it == request.query.end() || it->second.empty()) return std::nullopt;
    try {
        return common::parse_utc_ms(it->second, name);
    } catch (const api_error&) {  // 422 for a body field; a query parameter is a 400
        throw invalid_parameter(name, "应为UTC时间,如 2026-11-29T10:00:00.000Z",
                                "must be a UTC time like 2026-11-29T10:00:00.000Z");
    }
}

json to_json(const storage::audit_entry& e) {
    // The stored changes are canonical JSON; a row edited into something else is shown as the text it holds.
    auto changes = json::parse(e.changes, nullptr, false);
    if (changes.is_discarded()) changes = e.changes;
    return json{{"seq", e.seq},
                {"time", common::format_utc_ms(e.at_ms)},
                {"user", e.username},
                {"role", e.role},
                {"certificate_subject", e.certificate_subject},
                {"action", e.action},
                {"record", e.record},
                {"outcome", e.outcome},
                {"changes", std::move(changes)},
                {"hash", e.hash}};
}

}  // namespace

api_response audit_handlers::list(const api_request& request, const path_params&, sql::connection& db) {
    storage::audit_filter filter;
    filter.username = query_text(request, "user", max_user_length);
    filter.record = query_text(request, "record", max_record_length);
    filter.action = query_text(request, "action", max_action_length);
    filter.from_ms = query_time(request, "from");
    filter.to_ms = query_time(request, "to");
    if (filter.from_ms && filter.to_ms && *filter.to_ms < *filter.from_ms)
        throw invalid_parameter("to", "不能早于 from", "must not be before from");
    filter.page_size = query_int(request, "page_size", 50, 1, storage::audit_repository::max_page_size);
    filter.page_token = query_text(request, "page_token", max_token_length);

    storage::audit_page page;
    try {
        page = storage::audit_repository(db).list(filter);
    } catch (const std::invalid_argument&) {
        throw invalid_parameter("page_token", "不是服务器给出的翻页标记", "is not a page token from the server");
    }
    json items = json::array();
    for (const auto& e : page.items) items.push_back(to_json(e));
    api_response response;
    response.body = json{{"items", std::move(items)}, {"next_page_token", page.next_page_token}}.dump(
        -1, ' ', false, json::error_handler_t::replace);
    return response;
}

}  // namespace fupin::server::api
