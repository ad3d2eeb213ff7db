#include "server/api/quota_handlers.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "common/procedure_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

namespace jf = common::json_fields;

}  // namespace

quota_handlers::quota_handlers(service::quota_service quotas) : quotas_(std::move(quotas)) {}

api_response quota_handlers::lines(const api_request&, const path_params&, const service::principal& who,
                                   sql::connection& db) const {
    return json_response(200, items_json(quotas_.lines(db, who)));
}

api_response quota_handlers::set_line(const api_request& request, const path_params& params,
                                      const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"amount"});
    const auto amount = common::fen_from_json(required_field(body, "amount"), "amount");
    return json_response(200, common::to_json(quotas_.set_line(db, who, parse_year(params.at("year")), amount)));
}

api_response quota_handlers::list(const api_request& request, const path_params&, const service::principal& who,
                                  sql::connection& db) const {
    const int year = required_query_year(request);
    std::string parent;
    if (auto it = request.query.find("parent"); it != request.query.end()) parent = it->second;
    if (!parent.empty() && parent.size() != 6 && parent.size() != 9 && parent.size() != 12)
        throw common::api_error(400, "invalid_parameter", "parent 应为6、9或12位区划代码",
                                "parent must be a division code of 6, 9 or 12 digits", "parent");
    return json_response(200, items_json(quotas_.list(db, who, year, parent)));
}

api_response quota_handlers::set(const api_request& request, const path_params& params, const service::principal& who,
                                 sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"quota"});
    const auto places = jf::int_at(required_field(body, "quota"), "quota");
    return json_response(200, common::to_json(quotas_.set_quota(db, who, parse_year(params.at("year")), params.at("area"),
                                                                places)));
}

}  // namespace fupin::server::api
