#include "server/api/user_handlers.hpp"

#include "common/household_json.hpp"
#include "server/api/json_response.hpp"
#include "server/api/request_parsing.hpp"
#include "server/storage/area_repository.hpp"

namespace fupin::server::api {
namespace {

using common::api_error;

nlohmann::json to_json(const storage::user_account& u, sql::connection& db) {
    auto area = storage::area_repository(db).find(u.area_code);
    return {{"username", u.username},
            {"display_name", u.display_name},
            {"role", u.role},
            {"area_code", u.area_code},
            {"area_name", area ? area->name : ""},
            {"disabled", u.disabled},
            {"created_at", common::format_utc_ms(u.created_at_ms)},
            {"updated_at", common::format_utc_ms(u.updated_at_ms)}};
}

// Refuses keys the endpoint does not know, and values of the wrong type.
void check_keys(const nlohmann::json& body, std::initializer_list<std::pair<const char*, nlohmann::json::value_t>> known) {
    for (const auto& [key, value] : body.items()) {
        bool found = false;
        for (const auto& [name, type] : known) {
            if (key != name) continue;
            found = true;
            if (value.type() != type)
                throw api_error(400, "invalid_type", "字段 " + key + " 的类型不对", "field " + key + " has the wrong type", key);
        }
        if (!found) throw api_error(400, "unknown_field", "未知字段 " + key, "unknown field " + key, key);
    }
}

std::string string_field(const nlohmann::json& body, const char* name) {
    auto it = body.find(name);
    if (it == body.end())
        throw api_error::invalid_field(name, "missing_field", std::string("缺少 ") + name, std::string(name) + " is required");
    return it->get<std::string>();
}

}  // namespace

user_handlers::user_handlers(std::shared_ptr<const service::account_service> accounts) : accounts_(std::move(accounts)) {}

api_response user_handlers::list(const api_request&, const path_params&, const service::principal& who,
                                 sql::connection& db) const {
    nlohmann::json items = nlohmann::json::array();
    for (const auto& u : accounts_->list(db, who)) items.push_back(to_json(u, db));
    return json_response(200, {{"items", std::move(items)}});
}

api_response user_handlers::create(const api_request& request, const path_params&, const service::principal& who,
                                   sql::connection& db) const {
    const auto s = nlohmann::json::value_t::string;
    const auto body = parse_json_body(request);
    check_keys(body, {{"username", s}, {"display_name", s}, {"role", s}, {"area_code", s}, {"password", s}});
    service::new_account account{string_field(body, "username"), string_field(body, "display_name"),
                                 string_field(body, "role"), string_field(body, "area_code"),
                                 string_field(body, "password")};
    return json_response(201, to_json(accounts_->create(db, who, account), db));
}

api_response user_handlers::update(const api_request& request, const path_params& params, const service::principal& who,
                                   sql::connection& db) const {
    const auto s = nlohmann::json::value_t::string;
    const auto body = parse_json_body(request);
    check_keys(body, {{"display_name", s}, {"role", s}, {"area_code", s}, {"disabled", nlohmann::json::value_t::boolean}});
    service::account_changes changes;
    if (body.contains("display_name")) changes.display_name = body["display_name"].get<std::string>();
    if (body.contains("role")) changes.role = body["role"].get<std::string>();
    if (body.contains("area_code")) changes.area_code = body["area_code"].get<std::string>();
    if (body.contains("disabled")) changes.disabled = body["disabled"].get<bool>();
    return json_response(200, to_json(accounts_->update(db, who, params.at("username"), changes), db));
}

api_response user_handlers::reset_password(const api_request& request, const path_params& params,
                                           const service::principal& who, sql::connection& db) const {
    const auto body = parse_json_body(request);
    check_keys(body, {{"password", nlohmann::json::value_t::string}});
    accounts_->reset_password(db, who, params.at("username"), string_field(body, "password"));
    return api_response{204, "", {}, {}};
}

}  // namespace fupin::server::api
