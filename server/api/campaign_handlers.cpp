#include "server/api/campaign_handlers.hpp"

#include "common/campaign_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

campaign_handlers::campaign_handlers(service::campaign_service campaigns) : campaigns_(std::move(campaigns)) {}

api_response campaign_handlers::set(const api_request& request, const path_params& params,
                                    const service::principal& who, sql::connection& db) const {
    const auto phases = common::campaign_phases_from_json(parse_json_body(request));
    return json_response(200, common::to_json(campaigns_.set(db, who, parse_year(params.at("year")), phases)));
}

api_response campaign_handlers::get(const api_request&, const path_params& params, const service::principal& who,
                                    sql::connection& db) const {
    return json_response(200, common::to_json(campaigns_.get(db, who, parse_year(params.at("year")))));
}

api_response campaign_handlers::progress(const api_request& request, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    return json_response(
        200, common::to_json(campaigns_.progress(db, who, parse_year(params.at("year")), query_text(request, "area"))));
}

}  // namespace fupin::server::api
