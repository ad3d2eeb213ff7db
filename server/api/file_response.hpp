#pragma once
// An answer that is a file (a printed document, an export, a chart): made into a spooled file, never held in
// memory, and saved under its name by a browser or the client. Like every answer it goes out with
// Cache-Control: no-store (net/http_message.cpp).
#include <memory>
#include <string_view>
#include <utility>

#include "server/api/api_response.hpp"
#include "server/api/spooled_file.hpp"
#include "server/service/document_service.hpp"

namespace fupin::server::api {

// make(sink) writes the file to the sink and returns what it is (service::printed_document).
template <class Make>
api_response file_response(Make&& make) {
    auto file = std::make_shared<spooled_file>();
    const service::printed_document document = make([&](std::string_view bytes) { file->append(bytes); });
    file->finish();
    api_response response;
    response.status = 200;
    response.file = std::move(file);
    response.headers = {{"Content-Type", document.content_type},
                        {"Content-Disposition", "attachment; filename=\"" + document.file_name + "\""}};
    return response;
}

}  // namespace fupin::server::api
