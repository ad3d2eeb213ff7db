#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "server/api/feed_grant.hpp"
#include "server/api/spooled_file.hpp"

namespace fupin::server::api {

struct api_response {
    int status = 200;
    std::string body;  // JSON
    std::vector<std::pair<std::string, std::string>> headers;
    std::string user;  // who made the request, for the log line only (never sent)
    // Set by GET /api/v1/events alone: the connection becomes a feed subscription (never sent).
    std::shared_ptr<const feed_grant> feed = nullptr;
    // When set, the body is this file's contents instead (a printed document: never held in memory).
    std::shared_ptr<spooled_file> file = nullptr;
};

}  // namespace fupin::server::api
