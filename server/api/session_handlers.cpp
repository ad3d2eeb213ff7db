#include "server/api/session_handlers.hpp"

#include "common/household_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"
#include "server/service/access_policy.hpp"
#include "server/storage/area_repository.hpp"
#include "server/storage/helper_repository.hpp"

namespace fupin::server::api {
namespace {

// A string field of a small JSON body; 400 invalid_type / 422 missing_field otherwise.
std::string required_string(const nlohmann::json& body, const char* name, std::size_t max_length) {
    auto it = body.find(name);
    if (it == body.end() || (it->is_string() && it->get_ref<const std::string&>().empty()))
        throw common::api_error::invalid_field(name, "missing_field", std::string("缺少 ") + name,
                                               std::string(name) + " is required");
    if (!it->is_string())
        throw common::api_error(400, "invalid_type", std::string(name) + " 必须是字符串",
                                std::string(name) + " must be a string", name);
    const auto& value = it->get_ref<const std::string&>();
    if (value.size() > max_length)
        throw common::api_error::invalid_field(name, "too_long", std::string(name) + " 过长", std::string(name) + " is too long");
    return value;
}

}  // namespace

service::certificate_identity certificate_of(const api_request& request) {
    return service::certificate_identity{request.caller_subject, request.caller_area};
}

nlohmann::json user_summary(const service::principal& who, sql::connection& db) {
    auto area = storage::area_repository(db).find(who.area_code);
    nlohmann::json user{{"username", who.username},   {"display_name", who.display_name},
                        {"role", who.role},           {"area_code", who.area_code},
                        {"area_name", area ? area->name : ""},
                        {"permissions", service::access_policy::permissions_of(who.role)}};
    // A helper's client asks for his households by his helper's id.
    if (service::access_policy::role_has_over_paired(who.role, service::permission::read_households)) {
        const auto helper = storage::helper_repository(db).find_by_username(who.username);
        user["helper_id"] = helper ? nlohmann::json(helper->id) : nlohmann::json(nullptr);
    }
    return user;
}

session_handlers::session_handlers(std::shared_ptr<const service::session_service> sessions)
    : sessions_(std::move(sessions)) {}

api_response session_handlers::login(const api_request& request, const path_params&, sql::connection& db) const {
    const auto body = parse_json_body(request);
    const auto username = required_string(body, "username", 64);
    const auto password = required_string(body, "password", 200);
    auto result = sessions_->login(db, username, password, certificate_of(request));
    return json_response(201, {{"token", result.token},
                               {"expires_at", common::format_utc_ms(result.who.expires_at_ms)},
                               {"idle_timeout_seconds", sessions_->idle_timeout_seconds()},
                               {"user", user_summary(result.who, db)}});
}

api_response session_handlers::whoami(const api_request&, const path_params&, const service::principal& who,
                                      sql::connection& db) const {
    return json_response(200, {{"user", user_summary(who, db)},
                               {"expires_at", common::format_utc_ms(who.expires_at_ms)},
                               {"idle_expires_at", common::format_utc_ms(who.idle_expires_at_ms)}});
}

api_response session_handlers::logout(const api_request&, const path_params&, const service::principal& who,
                                      sql::connection& db) const {
    sessions_->logout(db, who);
    return api_response{204, "", {}, {}};
}

}  // namespace fupin::server::api
