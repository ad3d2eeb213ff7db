#include "server/api/error_response.hpp"

#include <nlohmann/json.hpp>

namespace fupin::server::api {

api_response error_response(const common::api_error& error, common::language lang) {
    nlohmann::json body{{"code", error.code()}, {"message", error.message(lang)}};
    if (!error.field().empty()) body["field"] = error.field();
    if (!error.details().empty()) body["details"] = error.details();
    api_response response;
    response.status = error.status();
    response.body = nlohmann::json{{"error", std::move(body)}}.dump();
    if (error.retry_after_seconds() > 0) response.headers.emplace_back("Retry-After", std::to_string(error.retry_after_seconds()));
    return response;
}

api_response internal_error_response(const std::string& request_id, common::language lang) {
    auto response = error_response(
        common::api_error(500, "internal_error", "服务器内部错误,请联系县扶贫办(请求编号 " + request_id + ")",
                          "internal server error; quote request id " + request_id + " to the county office"),
        lang);
    return response;
}

api_response busy_response(common::language lang) {
    auto response = error_response(
        common::api_error(503, "server_busy", "服务器繁忙,请稍后重试", "the server is busy; retry shortly"), lang);
    response.headers.emplace_back("Retry-After", "1");
    return response;
}

}  // namespace fupin::server::api
