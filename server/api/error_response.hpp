#pragma once
// The one place where failures become the JSON error body of docs/protocol.md.
#include "common/api_error.hpp"
#include "server/api/api_response.hpp"

namespace fupin::server::api {

api_response error_response(const common::api_error& error, common::language lang);

// 500 internal_error: tells the client nothing but the request id; the cause is logged by the caller.
api_response internal_error_response(const std::string& request_id, common::language lang);

// 503 server_busy with Retry-After, when the database work queue is full.
api_response busy_response(common::language lang);

}  // namespace fupin::server::api
