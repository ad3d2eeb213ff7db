#pragma once
// Splits an HTTP request target into its path (as sent) and its percent-decoded query parameters.
#include <map>
#include <string>
#include <string_view>

namespace fupin::server::net {

struct request_target {
    std::string path;
    std::map<std::string, std::string> query;
};

// Malformed escapes are kept literally; handlers validate every value they use anyway.
request_target split_request_target(std::string_view target);

}  // namespace fupin::server::net
