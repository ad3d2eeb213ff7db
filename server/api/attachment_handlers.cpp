#include "server/api/attachment_handlers.hpp"

#include "common/attachment_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

attachment_handlers::attachment_handlers(service::attachment_service attachments)
    : attachments_(std::move(attachments)) {}

api_response attachment_handlers::upload(const api_request& request, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    service::attachment_upload upload;
    upload.household_id = parse_id(params.at("id"));
    upload.kind = query_text(request, "kind");
    upload.file_name = query_text(request, "name");
    upload.application_id = query_int(request, "case", 0, 0, 2'000'000'000);
    // The type is read from the bytes, whatever the request says it is.
    upload.content = request.body;
    return json_response(201, common::to_json(attachments_.upload(db, who, upload)));
}

api_response attachment_handlers::list(const api_request&, const path_params& params, const service::principal& who,
                                       sql::connection& db) const {
    return json_response(200, items_json(attachments_.of_household(db, who, parse_id(params.at("id")))));
}

api_response attachment_handlers::fetch(const api_request&, const path_params& params, const service::principal& who,
                                        sql::connection& db) const {
    auto [a, content] = attachments_.fetch(db, who, parse_id(params.at("id")));
    const std::string extension =
        a.content_type == "application/pdf" ? "pdf" : a.content_type == "image/png" ? "png" : "jpg";
    api_response response;
    response.status = 200;
    response.body = std::move(content);
    response.headers = {{"Content-Type", a.content_type},
                        {"Content-Disposition",
                         "attachment; filename=\"attachment-" + std::to_string(a.id) + "." + extension + "\""}};
    return response;
}

api_response attachment_handlers::completeness(const api_request&, const path_params& params,
                                               const service::principal& who, sql::connection& db) const {
    const auto id = parse_id(params.at("id"));
    return json_response(200, common::completeness_json(id, attachments_.completeness(db, who, id)));
}

}  // namespace fupin::server::api
