#pragma once
// A request as the API layer sees it: already parsed off the wire, free of Beast types, so handlers and tests
// need no network headers.
#include <map>
#include <string>

#include "common/api_error.hpp"

namespace fupin::server::api {

struct api_request {
    std::string request_id;
    std::string method;                        // "GET", "POST", …
    std::string path;                          // without the query string
    std::map<std::string, std::string> query;  // percent-decoded
    std::string content_type;
    std::string idempotency_key;
    std::string authorization;  // "Bearer <token>"; never logged
    std::string body;
    common::language lang = common::language::zh;
    bool websocket_upgrade = false;  // the request asks to become a WebSocket (the change feed)
    // Who is calling: from the verified client certificate.
    std::string caller_area;     // 9-digit township code, or the 6-digit county code
    std::string caller_subject;  // the certificate subject, for logs
};

}  // namespace fupin::server::api
