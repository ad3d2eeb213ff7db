#pragma once
#include <string>
#include <utility>
#include <vector>

namespace fupin::server::api {

struct api_response {
    int status = 200;
    std::string body;  // JSON
    std::vector<std::pair<std::string, std::string>> headers;
};

}  // namespace fupin::server::api
