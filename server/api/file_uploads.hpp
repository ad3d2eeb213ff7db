#pragma once
// The requests whose body is a whole file: a department's list (docs/protocol.md "Checks against other
// departments", the county's alone) and an attachment of a household file ("Attachments"). The network layer
// reads them with their own size and time limits instead of those of an ordinary request. Only these: every other
// body stays small.
#include <string_view>

namespace fupin::server::api {

enum class file_upload { none, department_list, attachment };

// `target` as the request line has it, the query string included.
inline file_upload file_upload_of(std::string_view method, std::string_view target) {
    if (method != "POST") return file_upload::none;
    const auto path = target.substr(0, target.find('?'));
    if (path == "/api/v1/department-lists") return file_upload::department_list;
    constexpr std::string_view households = "/api/v1/households/";
    constexpr std::string_view attachments = "/attachments";
    if (path.starts_with(households) && path.ends_with(attachments) &&
        path.size() > households.size() + attachments.size() &&
        path.substr(households.size(), path.size() - households.size() - attachments.size()).find('/') ==
            std::string_view::npos)
        return file_upload::attachment;
    return file_upload::none;
}

}  // namespace fupin::server::api
