#pragma once
// The requests whose body is a whole file (a department's list, docs/protocol.md "Checks against other
// departments"): the network layer reads them with server_config's upload_body_limit and upload_read_timeout
// instead of the limits of an ordinary request. Only these: every other body stays small.
#include <string_view>

namespace fupin::server::api {

// `target` as the request line has it, the query string included.
inline bool is_file_upload(std::string_view method, std::string_view target) {
    const auto path = target.substr(0, target.find('?'));
    return method == "POST" && path == "/api/v1/department-lists";
}

}  // namespace fupin::server::api
