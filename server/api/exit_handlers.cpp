#include "server/api/exit_handlers.hpp"

#include "common/exit_json.hpp"
#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

exit_handlers::exit_handlers(service::exit_standard_service standards) : standards_(std::move(standards)) {}

api_response exit_handlers::standards(const api_request&, const path_params&, const service::principal& who,
                                      sql::connection& db) const {
    return json_response(200, items_json(standards_.list(db, who)));
}

api_response exit_handlers::set_standard(const api_request& request, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"income_line", "transition_years"});
    const auto line = common::fen_from_json(required_field(body, "income_line"), "income_line");
    const auto years = common::json_fields::int_at(required_field(body, "transition_years"), "transition_years");
    return json_response(200, common::to_json(standards_.set(db, who, parse_year(params.at("year")), line, years)));
}

api_response exit_handlers::verdict(const api_request& request, const path_params& params,
                                    const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(standards_.verdict(db, who, parse_id(params.at("id")),
                                                                 required_query_year(request))));
}

}  // namespace fupin::server::api
