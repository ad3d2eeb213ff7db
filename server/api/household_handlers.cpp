#include "server/api/household_handlers.hpp"

#include "common/household_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {

household_handlers::household_handlers(service::household_service households, service::person_lookup_service lookups)
    : households_(std::move(households)), lookups_(std::move(lookups)) {}

void household_handlers::charge_and_rethrow(const common::api_error& e, const common::household& input,
                                            const service::principal& who, sql::connection& db) const {
    // person_already_registered without a household_id: the person is in another area's file, and the refusal
    // says where, as a lookup would. The member is named by the field, "members[i].id_number".
    if (e.code() == "person_already_registered" && !e.details().count("household_id")) {
        const auto& field = e.field();
        const auto open = field.find('['), close = field.find(']');
        if (open != std::string::npos && close != std::string::npos && close > open + 1) {
            const auto index = std::stoul(field.substr(open + 1, close - open - 1));
            if (index < input.members.size())
                lookups_.charge(db, who, input.members[index].id_number, e.details().at("township_code"));
        }
    }
    throw e;
}

api_response household_handlers::create(const api_request& request, const path_params&, const service::principal& who,
                                         sql::connection& db) const {
    const auto key = idempotency_key(request);
    const auto body = parse_json_body(request);
    auto input = common::household_from_json(body);
    service::household_service::create_result result;
    try {
        result = households_.create(db, who, input, key, canonical_hash(body));
    } catch (const common::api_error& e) {
        charge_and_rethrow(e, input, who, db);
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
    } catch (const common::api_error& e) {
        charge_and_rethrow(e, input, who, db);
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
    filter.page_size = query_int(request, "page_size", 50, 1, 200);
    if (auto it = request.query.find("page_token"); it != request.query.end()) filter.page_token = it->second;
    auto page = households_.list(db, who, std::move(filter));
    return json_response(200, common::to_json(page));
}

}  // namespace fupin::server::api
