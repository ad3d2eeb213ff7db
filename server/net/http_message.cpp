#include "server/net/http_message.hpp"

#include <utility>

#include <fmt/format.h>

#include "server/net/request_target.hpp"

namespace fupin::server::net {

api::api_request to_api_request(http::request<http::string_body>& message, std::uint64_t number) {
    api::api_request request;
    request.request_id = fmt::format("{:08x}", number);
    request.method = std::string(message.method_string());
    auto raw_target = message.target();
    auto target = split_request_target(std::string_view(raw_target.data(), raw_target.size()));
    request.path = std::move(target.path);
    request.query = std::move(target.query);
    request.content_type = std::string(message[http::field::content_type]);
    request.idempotency_key = std::string(message["Idempotency-Key"]);
    request.authorization = std::string(message[http::field::authorization]);
    request.lang = common::language_from_accept_language(std::string(message[http::field::accept_language]));
    request.body = std::move(message.body());
    return request;
}

http::response<http::string_body> to_http_response(api::api_response&& response, const api::api_request& request,
                                                   unsigned version, bool keep_alive) {
    http::response<http::string_body> message{static_cast<http::status>(response.status), version};
    message.set(http::field::content_type, "application/json; charset=utf-8");
    message.set(http::field::cache_control, "no-store");
    message.set("X-Request-Id", request.request_id);
    if (request.lang == common::language::zh) message.set(http::field::content_language, "zh-CN");
    for (const auto& [name, value] : response.headers) message.set(name, value);
    message.body() = std::move(response.body);
    message.keep_alive(keep_alive);
    message.prepare_payload();
    return message;
}

}  // namespace fupin::server::net
