#include "server/net/http_message.hpp"

#include <system_error>
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

namespace {

// What every answer carries: JSON unless the answer says otherwise, never cached, the request id and (for
// Chinese) the content language, then the answer's own headers.
template <class Body>
void set_headers(http::response<Body>& message, const api::api_response& response, const api::api_request& request,
                 bool keep_alive) {
    message.set(http::field::content_type, "application/json; charset=utf-8");
    message.set(http::field::cache_control, "no-store");
    message.set("X-Request-Id", request.request_id);
    if (request.lang == common::language::zh) message.set(http::field::content_language, "zh-CN");
    for (const auto& [name, value] : response.headers) message.set(name, value);
    message.keep_alive(keep_alive);
}

}  // namespace

http::response<http::string_body> to_http_response(api::api_response&& response, const api::api_request& request,
                                                   unsigned version, bool keep_alive) {
    http::response<http::string_body> message{static_cast<http::status>(response.status), version};
    set_headers(message, response, request, keep_alive);
    message.body() = std::move(response.body);
    message.prepare_payload();
    return message;
}

http::response<http::file_body> to_http_file_response(api::api_response&& response, const api::api_request& request,
                                                      unsigned version, bool keep_alive) {
    http::response<http::file_body> message{static_cast<http::status>(response.status), version};
    set_headers(message, response, request, keep_alive);
    beast::file_posix file;
    file.native_handle(response.file->release());
    response.file.reset();
    error_code ec;
    message.body().reset(std::move(file), ec);
    if (ec) throw std::system_error(ec, "an answer's spooled file cannot be sent");
    message.prepare_payload();
    return message;
}

}  // namespace fupin::server::net
