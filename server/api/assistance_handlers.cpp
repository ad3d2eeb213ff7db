#include "server/api/assistance_handlers.hpp"

#include "common/assistance_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

using nlohmann::json;

}  // namespace

assistance_handlers::assistance_handlers(service::measure_service measures, service::visit_service visits,
                                         service::sandaohu_service sandaohu)
    : measures_(std::move(measures)), visits_(std::move(visits)), sandaohu_(std::move(sandaohu)) {}

api_response assistance_handlers::measures(const api_request& request, const path_params& params,
                                           const service::principal& who, sql::connection& db) const {
    const int year = query_int(request, "year", 0, 2000, 2100);
    return json_response(200, items_json(measures_.of_household(db, who, parse_id(params.at("id")), year)));
}

api_response assistance_handlers::get_measure(const api_request&, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(measures_.get(db, who, parse_id(params.at("id")))));
}

api_response assistance_handlers::add_measure(const api_request& request, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    const auto m = measures_.add(db, who, parse_id(params.at("id")), common::measure_from_json(parse_json_body(request)));
    return created(common::to_json(m), "/api/v1/measures/" + std::to_string(m.id));
}

api_response assistance_handlers::update_measure(const api_request& request, const path_params& params,
                                                 const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    required_field(body, "version");
    return json_response(200, common::to_json(measures_.update(db, who, parse_id(params.at("id")),
                                                               common::measure_from_json(body))));
}

api_response assistance_handlers::suggestions(const api_request&, const path_params& params,
                                              const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(measures_.suggestions(db, who, parse_id(params.at("id")))));
}

api_response assistance_handlers::projects(const api_request& request, const path_params&,
                                           const service::principal& who, sql::connection& db) const {
    const auto area = query_text(request, "area");
    if (!area.empty() && ((area.size() != 6 && area.size() != 9 && area.size() != 12) ||
                          area.find_first_not_of("0123456789") != std::string::npos))
        throw common::api_error(400, "invalid_parameter", "area 应为6、9或12位区划代码",
                                "area must be a division code of 6, 9 or 12 digits", "area");
    return json_response(200, items_json(measures_.projects(db, who, area, query_int(request, "year", 0, 2000, 2100))));
}

api_response assistance_handlers::add_project(const api_request& request, const path_params&,
                                              const service::principal& who, sql::connection& db) const {
    // No Location: a project is read in the list (GET /api/v1/projects), not on its own.
    return json_response(201, common::to_json(measures_.add_project(db, who, common::project_from_json(parse_json_body(request)))));
}

api_response assistance_handlers::plan(const api_request&, const path_params& params, const service::principal& who,
                                       sql::connection& db) const {
    return json_response(200, common::to_json(measures_.plan(db, who, parse_id(params.at("id")), parse_year(params.at("year")))));
}

api_response assistance_handlers::save_plan(const api_request& request, const path_params& params,
                                            const service::principal& who, sql::connection& db) const {
    auto body = parse_json_body(request);
    const int year = parse_year(params.at("year"));
    if (body.is_object()) body["year"] = year;  // the path names the year
    return json_response(200, common::to_json(measures_.save_plan(db, who, parse_id(params.at("id")),
                                                                  common::assistance_plan_from_json(body))));
}

api_response assistance_handlers::visits(const api_request&, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(visits_.of_household(db, who, parse_id(params.at("id")))));
}

api_response assistance_handlers::record_visit(const api_request& request, const path_params& params,
                                               const service::principal& who, sql::connection& db) const {
    const auto v = visits_.record(db, who, parse_id(params.at("id")), common::visit_from_json(parse_json_body(request)));
    return created(common::to_json(v), "/api/v1/households/" + std::to_string(v.household_id) + "/visits");
}

api_response assistance_handlers::sandaohu(const api_request& request, const path_params&,
                                           const service::principal& who, sql::connection& db) const {
    const int year = required_query_year(request);
    const int gaps = query_int(request, "gaps", 200, 0, 10000);
    return json_response(200, common::to_json(sandaohu_.report(db, who, query_text(request, "area"), year, gaps,
                                                               query_text(request, "missing"))));
}

}  // namespace fupin::server::api
