#include "server/api/spot_check_handlers.hpp"

#include "common/json_fields.hpp"
#include "common/spot_check_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

namespace jf = common::json_fields;

spot_check_handlers::spot_check_handlers(service::spot_check_service checks) : checks_(std::move(checks)) {}

api_response spot_check_handlers::draw(const api_request& request, const path_params&, const service::principal& who,
                                       sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"year", "share_percent", "minimum"});
    common::spot_check_plan plan;
    plan.year = jf::int_at(required_field(body, "year"), "year");
    if (auto it = body.find("share_percent"); it != body.end()) plan.share_percent = jf::int_at(*it, "share_percent");
    if (auto it = body.find("minimum"); it != body.end()) plan.minimum = jf::int_at(*it, "minimum");
    const auto c = checks_.draw(db, who, plan);
    return created(common::to_json(c), "/api/v1/spot-checks/" + std::to_string(c.id));
}

api_response spot_check_handlers::list(const api_request&, const path_params&, const service::principal& who,
                                       sql::connection& db) const {
    return json_response(200, items_json(checks_.list(db, who)));
}

api_response spot_check_handlers::get(const api_request&, const path_params& params, const service::principal& who,
                                      sql::connection& db) const {
    return json_response(200, common::to_json(checks_.get(db, who, parse_id(params.at("id")))));
}

api_response spot_check_handlers::record(const api_request& request, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    const auto result = common::spot_check_result_from_request(parse_json_body(request));
    const auto item = checks_.record(db, who, parse_id(params.at("id")), parse_id(params.at("household_id")), result);
    return json_response(200, common::to_json(item));
}

api_response spot_check_handlers::accuracy(const api_request&, const path_params& params,
                                           const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(checks_.accuracy(db, who, parse_id(params.at("id")))));
}

}  // namespace fupin::server::api
