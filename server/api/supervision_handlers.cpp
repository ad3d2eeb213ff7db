#include "server/api/supervision_handlers.hpp"

#include "common/api_error.hpp"
#include "common/supervision_json.hpp"
#include "server/api/file_response.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

supervision_handlers::supervision_handlers(service::supervision_service supervision, service::document_service documents)
    : supervision_(std::move(supervision)), documents_(std::move(documents)) {}

api_response supervision_handlers::set_weights(const api_request& request, const path_params& params,
                                               const service::principal& who, sql::connection& db) const {
    const auto w = common::supervision_weights_request(parse_json_body(request), parse_year(params.at("year")));
    return json_response(200, common::to_json(supervision_.set_weights(db, who, w)));
}

api_response supervision_handlers::weights(const api_request&, const path_params& params, const service::principal& who,
                                           sql::connection& db) const {
    return json_response(200, common::to_json(supervision_.weights(db, who, parse_year(params.at("year")))));
}

api_response supervision_handlers::add_note(const api_request& request, const path_params& params,
                                            const service::principal& who, sql::connection& db) const {
    const auto n = common::supervision_note_request(parse_json_body(request), parse_year(params.at("year")));
    return json_response(201, common::to_json(supervision_.add_note(db, who, n)));
}

api_response supervision_handlers::ranking(const api_request& request, const path_params& params,
                                           const service::principal& who, sql::connection& db) const {
    const auto format = query_text(request, "format");
    if (!format.empty() && format != "json" && format != "xlsx" && format != "pdf")
        throw common::api_error::invalid_field("format", "invalid_value", "格式应为 json、xlsx 或 pdf",
                                               "format must be json, xlsx or pdf");
    const auto r = supervision_.ranking(db, who, parse_year(params.at("year")), query_text(request, "area"));
    if (format.empty() || format == "json") return json_response(200, common::to_json(r));
    const auto as = format == "pdf" ? service::document_format::pdf : service::document_format::xlsx;
    return file_response([&](const auto& out) { return documents_.supervision_ranking(db, who, r, as, request.lang, out); });
}

}  // namespace fupin::server::api
