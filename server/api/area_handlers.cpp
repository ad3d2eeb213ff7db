#include "server/api/area_handlers.hpp"

#include "common/area_json.hpp"
#include "server/api/json_response.hpp"

namespace fupin::server::api {

area_handlers::area_handlers(service::area_service areas) : areas_(std::move(areas)) {}

api_response area_handlers::list(const api_request&, const path_params&, const service::principal& who,
                                 sql::connection& db) const {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& a : areas_.within_own_area(db, who)) items.push_back(common::to_json(a));
    return json_response(200, nlohmann::json{{"items", items}});
}

}  // namespace fupin::server::api
