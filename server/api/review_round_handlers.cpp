#include "server/api/review_round_handlers.hpp"

#include "common/household_json.hpp"
#include "common/json_fields.hpp"
#include "common/review_round_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"
#include "server/service/person_registered_elsewhere.hpp"

namespace fupin::server::api {

namespace jf = common::json_fields;

review_round_handlers::review_round_handlers(service::review_round_service rounds,
                                             service::person_lookup_service lookups)
    : rounds_(std::move(rounds)), lookups_(std::move(lookups)) {}

api_response review_round_handlers::open(const api_request& request, const path_params&, const service::principal& who,
                                         sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"year", "half", "deadline"});
    const auto r = rounds_.open(db, who, jf::int_at(required_field(body, "year"), "year"),
                                jf::int_at(required_field(body, "half"), "half"),
                                jf::string_at(required_field(body, "deadline"), "deadline"));
    return created(common::to_json(r), "/api/v1/review-rounds/" + std::to_string(r.id));
}

api_response review_round_handlers::list(const api_request&, const path_params&, const service::principal& who,
                                         sql::connection& db) const {
    return json_response(200, items_json(rounds_.list(db, who)));
}

api_response review_round_handlers::get(const api_request&, const path_params& params, const service::principal& who,
                                        sql::connection& db) const {
    return json_response(200, common::to_json(rounds_.get(db, who, parse_id(params.at("id")))));
}

api_response review_round_handlers::enter(const api_request& request, const path_params& params,
                                          const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"household", "note"});
    auto file = common::household_from_json(required_field(body, "household"));
    std::string note;
    if (auto it = body.find("note"); it != body.end() && !it->is_null()) note = jf::string_at(*it, "note");
    try {
        const auto entry = rounds_.enter(db, who, parse_id(params.at("id")), parse_id(params.at("household_id")),
                                         std::move(file), note);
        return json_response(200, common::to_json(entry));
    } catch (const service::person_registered_elsewhere& e) {
        // As an edit of the file: the refusal tells where another area's person is, so it is charged as a lookup.
        lookups_.charge(db, who, e.id_number(), e.township_code());
        throw;
    }
}

api_response review_round_handlers::entries(const api_request& request, const path_params& params,
                                            const service::principal& who, sql::connection& db) const {
    const int page_size = query_int(request, "page_size", 200, 1, 500);
    const auto found = rounds_.entries(db, who, parse_id(params.at("id")), query_text(request, "area"),
                                       query_text(request, "outcome"), query_int(request, "after", 0, 0, 2'000'000'000),
                                       page_size);
    auto body = items_json(found);
    body["next_after"] = static_cast<int>(found.size()) == page_size ? nlohmann::json(found.back().household_id)
                                                                      : nlohmann::json(nullptr);
    return json_response(200, body);
}

api_response review_round_handlers::progress(const api_request& request, const path_params& params,
                                             const service::principal& who, sql::connection& db) const {
    const auto by = query_text(request, "by");
    if (!by.empty() && by != "village" && by != "township")
        throw common::api_error(400, "invalid_parameter", "by 应为 village 或 township", "by must be village or township",
                                "by");
    return json_response(200, items_json(rounds_.progress(db, who, parse_id(params.at("id")),
                                                          query_text(request, "area"), by == "township")));
}

}  // namespace fupin::server::api
