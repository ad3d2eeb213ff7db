#include "server/api/helper_handlers.hpp"

#include "common/helper_json.hpp"
#include "common/json_fields.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

using nlohmann::json;
namespace jf = common::json_fields;

// A flag of the query: absent or "false" is false, "true" is true, anything else a 400.
bool query_flag(const api_request& request, const std::string& name) {
    auto it = request.query.find(name);
    if (it == request.query.end() || it->second == "false") return false;
    if (it->second == "true") return true;
    throw common::api_error(400, "invalid_parameter", "查询参数 " + name + " 应为 true 或 false",
                            "the query parameter " + name + " must be true or false", name);
}

}  // namespace

helper_handlers::helper_handlers(service::helper_service helpers, service::pairing_service pairings)
    : helpers_(std::move(helpers)), pairings_(std::move(pairings)) {}

api_response helper_handlers::units(const api_request&, const path_params&, const service::principal& who,
                                    sql::connection& db) const {
    return json_response(200, items_json(helpers_.units(db, who)));
}

api_response helper_handlers::create_unit(const api_request& request, const path_params&,
                                          const service::principal& who, sql::connection& db) const {
    const auto unit = helpers_.create_unit(db, who, common::helper_unit_from_json(parse_json_body(request)));
    return created(common::to_json(unit), "/api/v1/helper-units/" + std::to_string(unit.id));
}

api_response helper_handlers::update_unit(const api_request& request, const path_params& params,
                                          const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    required_field(body, "version");
    return json_response(200, common::to_json(helpers_.update_unit(db, who, parse_id(params.at("id")),
                                                                   common::helper_unit_from_json(body))));
}

api_response helper_handlers::list(const api_request& request, const path_params&, const service::principal& who,
                                   sql::connection& db) const {
    storage::helper_filter filter;
    if (auto it = request.query.find("unit"); it != request.query.end()) filter.unit_id = parse_id(it->second);
    filter.volunteers_only = query_flag(request, "volunteers");
    filter.active_only = query_flag(request, "active");
    return json_response(200, items_json(helpers_.helpers(db, who, filter)));
}

api_response helper_handlers::get(const api_request&, const path_params& params, const service::principal& who,
                                  sql::connection& db) const {
    return json_response(200, common::to_json(helpers_.get(db, who, parse_id(params.at("id")))));
}

api_response helper_handlers::create(const api_request& request, const path_params&, const service::principal& who,
                                     sql::connection& db) const {
    const auto helper = helpers_.create(db, who, common::helper_from_json(parse_json_body(request)));
    return created(common::to_json(helper), "/api/v1/helpers/" + std::to_string(helper.id));
}

api_response helper_handlers::update(const api_request& request, const path_params& params,
                                     const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    required_field(body, "version");
    // An edit written before helpers had accounts does not send one: it keeps the helper's.
    const auto account = body.contains("username") ? service::account_edit::set : service::account_edit::keep;
    return json_response(200, common::to_json(helpers_.update(db, who, parse_id(params.at("id")),
                                                              common::helper_from_json(body), account)));
}

api_response helper_handlers::households(const api_request&, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(pairings_.of_helper(db, who, parse_id(params.at("id")))));
}

api_response helper_handlers::of_household(const api_request&, const path_params& params,
                                           const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(pairings_.of_household(db, who, parse_id(params.at("id")))));
}

api_response helper_handlers::pair(const api_request& request, const path_params& params,
                                   const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"helper_id", "reason"});
    const auto p = pairings_.pair(db, who, parse_id(params.at("id")), jf::int64_at(required_field(body, "helper_id"), "helper_id"),
                                  jf::string_at(required_field(body, "reason"), "reason"));
    return created(common::to_json(p), "/api/v1/households/" + std::to_string(p.household_id) + "/helpers");
}

api_response helper_handlers::end(const api_request& request, const path_params& params,
                                  const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"reason"});
    return json_response(200, common::to_json(pairings_.end(db, who, parse_id(params.at("id")),
                                                            jf::string_at(required_field(body, "reason"), "reason"))));
}

api_response helper_handlers::change(const api_request& request, const path_params& params,
                                     const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"helper_id", "reason"});
    const auto p = pairings_.replace(db, who, parse_id(params.at("id")),
                                     jf::int64_at(required_field(body, "helper_id"), "helper_id"),
                                     jf::string_at(required_field(body, "reason"), "reason"));
    return created(common::to_json(p), "/api/v1/households/" + std::to_string(p.household_id) + "/helpers");
}

}  // namespace fupin::server::api
