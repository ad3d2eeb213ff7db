#pragma once
// The two translations between Beast's HTTP messages and the api layer's plain request and answer. http_session
// uses them for every request; the HTTP fuzz target runs the same code on arbitrary bytes.
#include <cstdint>

#include "server/asio_names.hpp"
#include "server/api/api_request.hpp"
#include "server/api/api_response.hpp"

namespace fupin::server::net {

// `number` becomes the request id (8 hex digits) that the log lines and the X-Request-Id header carry. The body
// is moved out of `message` (a department's list may be 32 MiB: it is not copied); its header stays.
api::api_request to_api_request(http::request<http::string_body>& message, std::uint64_t number);

// JSON, never cached, the request id and (for Chinese) the content language, then the answer's own headers.
// The body is moved out of `response` (a printed book is held once, not twice); its other fields stay.
http::response<http::string_body> to_http_response(api::api_response&& response, const api::api_request& request,
                                                   unsigned version, bool keep_alive);
// The same for an answer whose body is a spooled file (response.file, set): Beast sends it from the file, a
// piece at a time. Takes the file's descriptor.
http::response<http::file_body> to_http_file_response(api::api_response&& response, const api::api_request& request,
                                                      unsigned version, bool keep_alive);

}  // namespace fupin::server::net
