#include "server/api/document_handlers.hpp"

#include <fmt/format.h>

#include "common/api_error.hpp"
#include "server/api/file_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

// ?format=: one of the two a document comes in, the first when none is named.
service::document_format format_of(const api_request& request, service::document_format first,
                                   service::document_format second) {
    const auto name = [](service::document_format f) {
        return f == service::document_format::pdf ? "pdf" : f == service::document_format::xlsx ? "xlsx" : "csv";
    };
    const auto text = query_text(request, "format");
    if (text.empty() || text == name(first)) return first;
    if (text == name(second)) return second;
    throw common::api_error::invalid_field(
        "format", "invalid_value", fmt::format("格式应为 {} 或 {}", name(first), name(second)),
        fmt::format("format must be {} or {}", name(first), name(second)));
}

}  // namespace

document_handlers::document_handlers(service::document_service documents, service::posting_service postings)
    : documents_(std::move(documents)), postings_(std::move(postings)) {}

api_response document_handlers::card(const api_request& request, const path_params& params,
                                     const service::principal& who, sql::connection& db) const {
    const auto id = parse_id(params.at("id"));
    return file_response([&](const auto& out) { return documents_.household_card(db, who, id, request.lang, out); });
}

api_response document_handlers::area_register(const api_request& request, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    const auto format = format_of(request, service::document_format::pdf, service::document_format::xlsx);
    return file_response([&](const auto& out) {
        return documents_.area_register(db, who, params.at("code"), format, request.lang, out);
    });
}

api_response document_handlers::archive(const api_request& request, const path_params& params,
                                        const service::principal& who, sql::connection& db) const {
    const auto format = format_of(request, service::document_format::xlsx, service::document_format::csv);
    return file_response([&](const auto& out) {
        return documents_.archive_export(db, who, params.at("code"), format, request.lang, out);
    });
}

api_response document_handlers::import_template(const api_request& request, const path_params&,
                                                const service::principal& who, sql::connection& db) const {
    const auto format = format_of(request, service::document_format::xlsx, service::document_format::csv);
    return file_response([&](const auto& out) { return documents_.import_template(db, who, format, request.lang, out); });
}

api_response document_handlers::posting(const api_request& request, const path_params& params,
                                        const service::principal& who, sql::connection& db) const {
    const auto p = postings_.get(db, who, parse_id(params.at("id")));
    return file_response([&](const auto& out) { return documents_.posting(db, who, p, request.lang, out); });
}

}  // namespace fupin::server::api
