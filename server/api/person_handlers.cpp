#include "server/api/person_handlers.hpp"

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"
#include "server/api/json_response.hpp"

namespace fupin::server::api {

person_handlers::person_handlers(service::person_lookup_service lookups) : lookups_(std::move(lookups)) {}

api_response person_handlers::lookup(const api_request& request, const path_params&, const service::principal& who,
                                     sql::connection& db) const {
    auto it = request.query.find("id_number");
    if (it == request.query.end() || it->second.empty())
        throw common::api_error(400, "invalid_parameter", "缺少查询参数 id_number(身份证号)",
                                "the query parameter id_number is required", "id_number");
    const auto r = lookups_.lookup(db, who, it->second);
    if (!r.found) return json_response(200, nlohmann::json{{"found", false}});
    nlohmann::json body{{"found", true},
                        {"township_code", r.township_code},
                        {"township_name", r.township_name},
                        {"village_code", r.village_code},
                        {"village_name", r.village_name},
                        {"household_status", r.household_status},
                        {"name", r.name}};
    // Only within the caller's own area; another area's answer carries nothing a posting would not show.
    if (r.own_area) {
        body["household_id"] = r.household_id;
        if (r.household) body["household"] = common::to_json(*r.household);
    }
    return json_response(200, body);
}

}  // namespace fupin::server::api
