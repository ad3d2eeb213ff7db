#include "server/api/procedure_handlers.hpp"

#include "common/application_workflow.hpp"
#include "common/json_fields.hpp"
#include "common/procedure_json.hpp"
#include "common/vocabulary.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"

namespace fupin::server::api {
namespace {

using nlohmann::json;
namespace jf = common::json_fields;

std::string optional_string(const json& body, const char* key) {
    auto it = body.find(key);
    return it == body.end() || it->is_null() ? std::string() : jf::string_at(*it, key);
}

std::vector<std::int64_t> id_list(const json& body, const char* key) {
    std::vector<std::int64_t> ids;
    auto it = body.find(key);
    if (it == body.end() || it->is_null()) return ids;
    if (!it->is_array()) jf::wrong_type(key, "数组", "an array");
    for (std::size_t i = 0; i < it->size(); ++i) ids.push_back(jf::int64_at((*it)[i], jf::index(key, i)));
    return ids;
}

common::exit_vote vote_of(const json& j) {
    const auto& v = jf::object_at(j, "vote");
    require_known_keys(v, {"meeting_date", "panel", "votes_for", "votes_against", "votes_abstain"});
    common::exit_vote vote;
    vote.meeting_date = jf::string_at(required_field(v, "meeting_date"), "vote.meeting_date");
    vote.panel = jf::string_array_at(required_field(v, "panel"), "vote.panel");
    vote.votes_for = jf::int_at(required_field(v, "votes_for"), "vote.votes_for");
    vote.votes_against = jf::int_at(required_field(v, "votes_against"), "vote.votes_against");
    vote.votes_abstain = jf::int_at(required_field(v, "votes_abstain"), "vote.votes_abstain");
    return vote;
}

common::exit_acknowledgement acknowledgement_of(const json& j) {
    const auto& v = jf::object_at(j, "acknowledgement");
    require_known_keys(v, {"acknowledged_on", "signed_by", "witness"});
    common::exit_acknowledgement ack;
    ack.acknowledged_on = jf::string_at(required_field(v, "acknowledged_on"), "acknowledgement.acknowledged_on");
    ack.signed_by = jf::string_at(required_field(v, "signed_by"), "acknowledgement.signed_by");
    ack.witness = jf::string_at(required_field(v, "witness"), "acknowledgement.witness");
    return ack;
}

service::step_request step_of(const json& body) {
    service::step_request r;
    r.action = jf::string_at(required_field(body, "action"), "action");
    if (auto it = body.find("version"); it != body.end() && !it->is_null()) r.version = jf::int64_at(*it, "version");
    r.note = optional_string(body, "note");
    r.reason = optional_string(body, "reason");
    if (auto it = body.find("vote"); it != body.end() && !it->is_null()) r.vote = vote_of(*it);
    if (auto it = body.find("acknowledgement"); it != body.end() && !it->is_null())
        r.acknowledgement = acknowledgement_of(*it);
    // The steps this endpoint takes: the workflow's forward steps that have no endpoint of their own (an
    // application, an exit's proposal and a posting do; so does identification's village appraisal, which the
    // service tells from an exit's), and refusals and returns.
    namespace act = common::procedure_action;
    const bool own_endpoint = r.action == act::apply || r.action == act::propose || r.action == act::post;
    bool known = r.action == act::refuse || r.action == act::send_back;
    for (const auto& t : common::application_workflow::transitions()) known = known || t.action == r.action;
    if (!known || own_endpoint)
        throw common::api_error::invalid_field(
            "action", "invalid_value",
            "action 应为 group_appraise、verify、sign、review、approve、register、appraise、acknowledge、exit、refuse、"
            "return 之一(申请、拟退出、公示和异议各有其接口)",
            "action must be one of group_appraise, verify, sign, review, approve, register, appraise, acknowledge, "
            "exit, refuse, return (applications, exit proposals, postings and objections have their own endpoints)");
    return r;
}

}  // namespace

procedure_handlers::procedure_handlers(service::application_service applications,
                                       service::appraisal_service appraisals, service::posting_service postings,
                                       service::objection_service objections)
    : applications_(std::move(applications)),
      appraisals_(std::move(appraisals)),
      postings_(std::move(postings)),
      objections_(std::move(objections)) {}

api_response procedure_handlers::apply(const api_request& request, const path_params&, const service::principal& who,
                                       sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"household_id", "year", "note"});
    const auto household_id = jf::int64_at(required_field(body, "household_id"), "household_id");
    const auto year = jf::int_at(required_field(body, "year"), "year");
    auto a = applications_.apply(db, who, household_id, year, optional_string(body, "note"));
    return created(common::to_json(a), "/api/v1/applications/" + std::to_string(a.id));
}

api_response procedure_handlers::propose_exit(const api_request& request, const path_params&,
                                              const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"household_id", "year", "note"});
    const auto household_id = jf::int64_at(required_field(body, "household_id"), "household_id");
    const auto year = jf::int_at(required_field(body, "year"), "year");
    auto a = applications_.propose_exit(db, who, household_id, year, optional_string(body, "note"));
    return created(common::to_json(a), "/api/v1/applications/" + std::to_string(a.id));
}

api_response procedure_handlers::list(const api_request& request, const path_params&, const service::principal& who,
                                      sql::connection& db) const {
    common::application_filter f;
    f.year = query_int(request, "year", 0, 2000, 2100);
    if (auto it = request.query.find("state"); it != request.query.end()) f.state = it->second;
    if (auto it = request.query.find("kind"); it != request.query.end()) {
        f.kind = it->second;
        if (!common::is_valid(common::vocabulary::case_kinds, f.kind))
            throw common::api_error(400, "invalid_parameter",
                                    "kind 应为 " + common::allowed_codes(common::vocabulary::case_kinds),
                                    "kind must be one of " + common::allowed_codes(common::vocabulary::case_kinds),
                                    "kind");
    }
    f.township_code = query_code(request, "township", 9);
    f.village_code = query_code(request, "village", 12);
    f.household_id = query_int(request, "household", 0, 1, 2'000'000'000);
    f.page_size = query_int(request, "page_size", 100, 1, 500);
    f.after_id = query_int(request, "after", 0, 0, 2'000'000'000);
    const auto found = applications_.list(db, who, f);
    auto body = items_json(found);
    body["next_after"] = static_cast<int>(found.size()) == f.page_size ? json(found.back().id) : json(nullptr);
    return json_response(200, body);
}

api_response procedure_handlers::get(const api_request&, const path_params& params, const service::principal& who,
                                     sql::connection& db) const {
    return json_response(200, common::to_json(applications_.get(db, who, parse_id(params.at("id")))));
}

api_response procedure_handlers::verdict(const api_request& request, const path_params& params,
                                         const service::principal& who, sql::connection& db) const {
    const auto v = applications_.verdict(db, who, parse_id(params.at("id")), required_query_year(request));
    return json_response(200, common::to_json(v));
}

api_response procedure_handlers::step(const api_request& request, const path_params& params,
                                      const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"action", "version", "note", "reason", "vote", "acknowledgement"});
    return json_response(200, common::to_json(applications_.step(db, who, parse_id(params.at("id")), step_of(body))));
}

api_response procedure_handlers::step_many(const api_request& request, const path_params&,
                                           const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"action", "application_ids", "note", "reason"});
    required_field(body, "application_ids");
    return json_response(200, items_json(applications_.step_many(db, who, id_list(body, "application_ids"), step_of(body))));
}

api_response procedure_handlers::proposal(const api_request& request, const path_params&,
                                          const service::principal& who, sql::connection& db) const {
    const auto village = query_code(request, "village", 12);
    if (village.empty())
        throw common::api_error(400, "invalid_parameter", "缺少查询参数 village", "the query parameter village is required",
                                "village");
    return json_response(200, items_json(appraisals_.proposal(db, who, village, required_query_year(request))));
}

api_response procedure_handlers::appraise(const api_request& request, const path_params&,
                                          const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"village_code", "year", "meeting_date", "panel", "results"});
    common::appraisal in;
    in.village_code = jf::string_at(required_field(body, "village_code"), "village_code");
    in.year = jf::int_at(required_field(body, "year"), "year");
    in.meeting_date = jf::string_at(required_field(body, "meeting_date"), "meeting_date");
    in.panel = jf::string_array_at(required_field(body, "panel"), "panel");
    const auto& results = required_field(body, "results");
    if (!results.is_array()) jf::wrong_type("results", "数组", "an array");
    for (std::size_t i = 0; i < results.size(); ++i) {
        const auto path = jf::index("results", i);
        const auto& r = jf::object_at(results[i], path);
        require_known_keys(r, {"application_id", "final_rank", "votes_for", "votes_against", "votes_abstain"});
        common::appraisal_result res;
        res.application_id = jf::int64_at(required_field(r, "application_id"), path + ".application_id");
        res.final_rank = jf::int_at(required_field(r, "final_rank"), path + ".final_rank");
        res.votes_for = jf::int_at(required_field(r, "votes_for"), path + ".votes_for");
        res.votes_against = jf::int_at(required_field(r, "votes_against"), path + ".votes_against");
        res.votes_abstain = jf::int_at(required_field(r, "votes_abstain"), path + ".votes_abstain");
        in.results.push_back(res);
    }
    return json_response(201, common::to_json(appraisals_.appraise(db, who, std::move(in))));
}

api_response procedure_handlers::publish(const api_request& request, const path_params&,
                                         const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"level", "area_code", "year", "application_ids"});
    const auto level = jf::string_at(required_field(body, "level"), "level");
    const auto area = jf::string_at(required_field(body, "area_code"), "area_code");
    const auto year = jf::int_at(required_field(body, "year"), "year");
    auto p = postings_.publish(db, who, level, area, year, id_list(body, "application_ids"));
    return created(common::to_json(p), "/api/v1/postings/" + std::to_string(p.id));
}

api_response procedure_handlers::list_postings(const api_request& request, const path_params&,
                                               const service::principal& who, sql::connection& db) const {
    std::string area;
    if (auto it = request.query.find("area"); it != request.query.end()) area = it->second;
    if (!area.empty() && ((area.size() != 6 && area.size() != 9 && area.size() != 12) ||
                          area.find_first_not_of("0123456789") != std::string::npos))
        throw common::api_error(400, "invalid_parameter", "area 应为6、9或12位区划代码",
                                "area must be a division code of 6, 9 or 12 digits", "area");
    std::string level;
    if (auto it = request.query.find("level"); it != request.query.end()) level = it->second;
    const int year = query_int(request, "year", 0, 2000, 2100);
    return json_response(200, items_json(postings_.list(db, who, area, year, level)));
}

api_response procedure_handlers::get_posting(const api_request&, const path_params& params,
                                             const service::principal& who, sql::connection& db) const {
    return json_response(200, common::to_json(postings_.get(db, who, parse_id(params.at("id")))));
}

api_response procedure_handlers::object(const api_request& request, const path_params& params,
                                        const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"objector_name", "objector_contact", "grounds", "objected_on"});
    common::objection in;
    in.objector_name = jf::string_at(required_field(body, "objector_name"), "objector_name");
    in.objector_contact = optional_string(body, "objector_contact");
    in.grounds = jf::string_at(required_field(body, "grounds"), "grounds");
    in.objected_on = optional_string(body, "objected_on");
    auto o = objections_.object(db, who, parse_id(params.at("id")), std::move(in));
    return json_response(201, common::to_json(o));
}

api_response procedure_handlers::objections(const api_request&, const path_params& params,
                                            const service::principal& who, sql::connection& db) const {
    return json_response(200, items_json(objections_.list(db, who, parse_id(params.at("id")))));
}

api_response procedure_handlers::answer(const api_request& request, const path_params& params,
                                        const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    require_known_keys(body, {"outcome", "answer", "consequence"});
    const auto o = objections_.answer(db, who, parse_id(params.at("id")),
                                     jf::string_at(required_field(body, "outcome"), "outcome"),
                                     optional_string(body, "answer"), optional_string(body, "consequence"));
    return json_response(200, common::to_json(o));
}

}  // namespace fupin::server::api
