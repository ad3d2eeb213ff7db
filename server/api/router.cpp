#include "server/api/router.hpp"

#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "server/api/error_response.hpp"
#include "server/sql/connection.hpp"
#include "server/sql/error.hpp"

namespace fupin::server::api {
namespace {

std::vector<std::string> split_path(const std::string& path) {
    std::vector<std::string> segments;
    std::size_t start = 1;
    while (start <= path.size()) {
        auto end = path.find('/', start);
        if (end == std::string::npos) end = path.size();
        segments.push_back(path.substr(start, end - start));
        start = end + 1;
    }
    return segments;
}

bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void router::add(std::string method, std::string pattern, handler h, memory_handler from_memory) {
    routes_.push_back(route{std::move(method), split_path(pattern), std::move(h), std::move(from_memory)});
}

std::vector<std::string> router::endpoints() const {
    std::vector<std::string> all;
    for (const auto& r : routes_) {
        std::string path;
        for (const auto& s : r.segments) path += "/" + s;
        all.push_back(r.method + " " + path);
    }
    return all;
}

route_match router::match(const api_request& request) const {
    route_match result;
    const auto segments = split_path(request.path);
    bool path_known = false;
    for (const auto& r : routes_) {
        if (r.segments.size() != segments.size()) continue;
        path_params params;
        bool same = true;
        for (std::size_t i = 0; i < segments.size() && same; ++i) {
            if (is_parameter(r.segments[i]))
                if (segments[i].empty()) same = false;
                else params[r.segments[i].substr(1, r.segments[i].size() - 2)] = segments[i];
            else
                same = r.segments[i] == segments[i];
        }
        if (!same) continue;
        path_known = true;
        if (r.method == request.method) {
            result.target = &r.target;
            if (r.from_memory) result.from_memory = &r.from_memory;
            result.params = std::move(params);
            return result;
        }
    }
    result.error = path_known
        ? error_response(common::api_error(405, "method_not_allowed", "该接口不支持此请求方法",
                                           "this endpoint does not take that method"), request.lang)
        : error_response(common::api_error(404, "not_found", "接口不存在", "no such endpoint"), request.lang);
    return result;
}

api_response router::run(const route_match& match, const api_request& request, sql::connection& connection) const {
    try {
        return (*match.target)(request, match.params, connection);
    } catch (const common::api_error& e) {
        return error_response(e, request.lang);
    } catch (const sql::storage_full& e) {
        // Nothing was written, and nothing will be until someone makes room: say so, as no retry helps.
        spdlog::error("request {}: the database is full: {}", request.request_id, e.what());
        return error_response(common::api_error(507, "storage_full",
                                                "档案服务器的存储空间已满,本次未保存任何内容;请联系县扶贫办的系统管理员",
                                                "the archive server's storage is full; nothing was saved. Tell the "
                                                "county office's system administrator"),
                              request.lang);
    } catch (const sql::retryable_error& e) {
        // Still busy after run_in_transaction's retries (another transaction held the database or the rows, e.g.
        // an import's commit on SQLite): nothing was written, and the same request will do later.
        spdlog::warn("request {}: the database stayed busy: {}", request.request_id, e.what());
        auto response = error_response(common::api_error(503, "database_busy", "档案数据库正忙（正在写入大批数据），请稍后重试",
                                                         "the archive database is busy with a long write; retry shortly"),
                                       request.lang);
        response.headers.emplace_back("Retry-After", "5");
        return response;
    } catch (const nlohmann::json::exception& e) {
        // Codecs turn bad input into api_error; a json exception here is a server bug, not the client's fault.
        spdlog::error("request {}: JSON error in handler: {}", request.request_id, e.what());
    } catch (const std::exception& e) {
        spdlog::error("request {}: {}", request.request_id, e.what());
        // The database went away under the request (a timeout, a restart): the worker connects again for its
        // next job; the client may retry.
        if (connection.broken()) return database_unavailable(request);
    } catch (...) {
        spdlog::error("request {}: unknown exception", request.request_id);
    }
    return internal_error_response(request.request_id, request.lang);
}

std::optional<api_response> router::run_from_memory(const route_match& match, const api_request& request) const {
    if (!match.from_memory) return std::nullopt;
    try {
        return (*match.from_memory)(request, match.params);
    } catch (const std::exception& e) {
        spdlog::warn("request {}: answering from memory failed, asking the database: {}", request.request_id,
                     e.what());
    } catch (...) {
        spdlog::warn("request {}: answering from memory failed, asking the database", request.request_id);
    }
    return std::nullopt;
}

api_response router::database_unavailable(const api_request& request) {
    auto response = error_response(common::api_error(503, "database_unavailable", "档案数据库暂时无法连接,请稍后重试",
                                                     "the archive database cannot be reached; retry shortly"),
                                   request.lang);
    response.headers.emplace_back("Retry-After", "5");
    return response;
}

}  // namespace fupin::server::api
