#include "server/api/document_handlers.hpp"

#include "common/api_error.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

// The document as the answer's body (moved: a long book is held once), saved under its name by a browser or
// the client. Like every answer it goes out with Cache-Control: no-store (net/http_message.cpp).
api_response file_response(service::printed_document&& document) {
    api_response response;
    response.status = 200;
    response.body = std::move(document.bytes);
    response.headers = {{"Content-Type", document.content_type},
                        {"Content-Disposition", "attachment; filename=\"" + document.file_name + "\""}};
    return response;
}

service::document_format format_of(const api_request& request) {
    const auto text = query_text(request, "format");
    if (text.empty() || text == "pdf") return service::document_format::pdf;
    if (text == "xlsx") return service::document_format::xlsx;
    throw common::api_error::invalid_field("format", "invalid_value", "格式应为 pdf 或 xlsx", "format must be pdf or xlsx");
}

}  // namespace

document_handlers::document_handlers(service::document_service documents, service::posting_service postings)
    : documents_(std::move(documents)), postings_(std::move(postings)) {}

api_response document_handlers::card(const api_request& request, const path_params& params,
                                     const service::principal& who, sql::connection& db) const {
    return file_response(documents_.household_card(db, who, parse_id(params.at("id")), request.lang));
}

api_response document_handlers::area_register(const api_request& request, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    return file_response(documents_.area_register(db, who, params.at("code"), format_of(request), request.lang));
}

api_response document_handlers::posting(const api_request& request, const path_params& params,
                                        const service::principal& who, sql::connection& db) const {
    const auto p = postings_.get(db, who, parse_id(params.at("id")));
    return file_response(documents_.posting(db, who, p, request.lang));
}

}  // namespace fupin::server::api
