#pragma once
#include <string>
#include <utility>
#include <vector>

namespace fupin::server::api {

struct api_response {
    int status = 200;
    std::string body;  // JSON
    std::vector<std::pair<std::string, std::string>> headers;
    std::string user;  // who made the request, for the log line only (never sent)
};

}  // namespace fupin::server::api
