#include "server/api/household_handlers.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "common/member_change_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"
#include "server/service/person_registered_elsewhere.hpp"

namespace fupin::server::api {

household_handlers::household_handlers(service::household_service households,
                                       service::member_change_service member_changes,
                                       service::person_lookup_service lookups)
    : households_(std::move(households)), member_changes_(std::move(member_changes)), lookups_(std::move(lookups)) {}

api_response household_handlers::create(const api_request& request, const path_params&, const service::principal& who,
                                         sql::connection& db) const {
    const auto key = idempotency_key(request);
    const auto body = parse_json_body(request);
    auto input = common::household_from_json(body);
    service::household_service::create_result result;
    try {
        result = households_.create(db, who, input, key, canonical_hash(body));
    } catch (const service::person_registered_elsewhere& e) {
        // The refusal tells where another area's person is registered: charged as the lookup it is.
        lookups_.charge(db, who, e.id_number(), e.township_code());
        throw;
    }
    auto response = json_response(result.replayed ? 200 : 201, common::to_json(result.stored));
    response.headers.emplace_back("Location", "/api/v1/households/" + std::to_string(result.stored.id));
    if (result.replayed) response.headers.emplace_back("Idempotent-Replayed", "true");
    return response;
}

api_response household_handlers::get(const api_request&, const path_params& params, const service::principal& who,
                                      sql::connection& db) const {
    return api_response{200, *households_.get_json(db, who, parse_id(params.at("id"))), {}, {}};
}

std::optional<api_response> household_handlers::get_from_memory(const api_request&, const path_params& params,
                                                                const service::principal& who) const {
    std::int64_t id = 0;
    try {
        id = parse_id(params.at("id"));
    } catch (const common::api_error&) {
        return std::nullopt;  // the handler answers the 404
    }
    auto json = households_.get_json_from_memory(who, id);
    if (!json) return std::nullopt;
    return api_response{200, *json, {}, {}};
}

api_response household_handlers::update(const api_request& request, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    const auto id = parse_id(params.at("id"));
    auto input = common::household_from_json(parse_json_body(request));
    common::household stored;
    try {
        stored = households_.update(db, who, id, input);
    } catch (const service::person_registered_elsewhere& e) {
        lookups_.charge(db, who, e.id_number(), e.township_code());
        throw;
    }
    return json_response(200, common::to_json(stored));
}

api_response household_handlers::list(const api_request& request, const path_params&, const service::principal& who,
                                       sql::connection& db) const {
    common::household_filter filter;
    filter.township_code = query_code(request, "township", 9);
    filter.village_code = query_code(request, "village", 12);
    filter.group_code = query_code(request, "group", 15);
    if (auto it = request.query.find("status"); it != request.query.end()) filter.status = it->second;
    if (auto it = request.query.find("cause"); it != request.query.end()) filter.main_cause = it->second;
    if (auto it = request.query.find("q"); it != request.query.end()) filter.search = it->second;
    filter.page_size = query_int(request, "page_size", 50, 1, 200);
    if (auto it = request.query.find("page_token"); it != request.query.end()) filter.page_token = it->second;
    auto page = households_.list(db, who, std::move(filter));
    return json_response(200, common::to_json(page));
}

api_response household_handlers::change_members(const api_request& request, const path_params& params,
                                                 const service::principal& who, sql::connection& db) const {
    const auto id = parse_id(params.at("id"));
    const auto body = parse_json_body(request);
    require_known_keys(body, {"kind", "effective_on", "reason", "member", "id_number", "new_id_number",
                              "new_head_id_number", "version"});
    const auto version = common::json_fields::int64_at(required_field(body, "version"), "version");
    const auto change = common::member_change_request_from_json(body);
    try {
        const auto done = member_changes_.record(db, who, id, version, change);
        return created(nlohmann::json{{"household", common::to_json(done.household)},
                                      {"change", common::to_json(done.change)}},
                       "/api/v1/households/" + std::to_string(id) + "/member-changes");
    } catch (const service::person_registered_elsewhere& e) {
        lookups_.charge(db, who, e.id_number(), e.township_code());
        throw;
    }
}

api_response household_handlers::member_changes(const api_request&, const path_params& params,
                                                 const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(member_changes_.history(db, who, parse_id(params.at("id")))));
}

}  // namespace fupin::server::api
