#include "client/api_client.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <random>
#include <thread>

#include "client/tls_connection.hpp"
#include "common/exit_json.hpp"
#include "common/json_fields.hpp"
#include "common/review_round_json.hpp"
#include "common/spot_check_json.hpp"
#include "common/statistics_json.hpp"
#include "common/department_check_json.hpp"
#include "common/member_change_json.hpp"
#include "common/bounded_json.hpp"
#include "common/assistance_json.hpp"
#include "common/helper_json.hpp"
#include "common/household_json.hpp"
#include "common/procedure_json.hpp"

#ifndef FUPIN_CLIENT_VERSION
#define FUPIN_CLIENT_VERSION "0.0.0"
#endif

namespace fupin::client {
namespace http = transport::http;

namespace {

bool iequals(std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
               return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
           });
}

http::verb to_verb(http_method method) {
    switch (method) {
    case http_method::get: return http::verb::get;
    case http_method::post: return http::verb::post;
    case http_method::put: return http::verb::put;
    case http_method::delete_: return http::verb::delete_;
    }
    return http::verb::get;
}


// A JSON answer the client expected to be a household (or a page of them) but is not.
template <class Parse>
auto parse_answer(const char* what, Parse parse) {
    try {
        return parse();
    } catch (const client_error&) {
        throw;
    } catch (const common::api_error& e) {
        throw client_error(error_kind::protocol, std::string("the server's ") + what + " is not valid: " + e.code() +
                                                     (e.field().empty() ? "" : " at " + e.field()));
    } catch (const std::exception& e) {
        throw client_error(error_kind::protocol, std::string("the server's ") + what + " is not valid: " + e.what());
    }
}

common::household household_answer(const nlohmann::json& json) {
    return parse_answer("household", [&] { return common::household_from_json(json, common::json_source::response); });
}

// {"items": [...]} read with `parse` for each item.
template <class Parse>
auto items_answer(const char* what, const nlohmann::json& json, Parse parse) {
    return parse_answer(what, [&] {
        if (!json.is_object() || !json.contains("items") || !json.at("items").is_array())
            throw client_error(error_kind::protocol, std::string("the server's ") + what + " has no items");
        std::vector<decltype(parse(json))> out;
        for (const auto& item : json.at("items")) out.push_back(parse(item));
        return out;
    });
}

nlohmann::json step_body(const step_request& step) {
    nlohmann::json body{{"action", step.action}};
    if (!step.note.empty()) body["note"] = step.note;
    if (!step.reason.empty()) body["reason"] = step.reason;
    if (step.vote)
        body["vote"] = {{"meeting_date", step.vote->meeting_date}, {"panel", step.vote->panel},
                        {"votes_for", step.vote->votes_for},       {"votes_against", step.vote->votes_against},
                        {"votes_abstain", step.vote->votes_abstain}};
    if (step.acknowledgement)
        body["acknowledgement"] = {{"acknowledged_on", step.acknowledgement->acknowledged_on},
                                   {"signed_by", step.acknowledgement->signed_by},
                                   {"witness", step.acknowledgement->witness}};
    return body;
}

}  // namespace

const std::string* http_result::header(std::string_view name) const {
    for (const auto& [key, value] : headers)
        if (iequals(key, name)) return &value;
    return nullptr;
}

struct api_client::impl {
    explicit impl(connection_options o) : options(std::move(o)), connection(options) {}
    connection_options options;  // before connection: it keeps a reference
    tls_connection connection;
    http_result last;
    std::string token;
};

connection_options options_from(const client_config& config) {
    check_complete(config);
    const auto hp = split_server(config.server);
    connection_options o;
    o.host = hp.host;
    o.port = hp.port;
    o.tls = tls_files{config.ca, config.certificate, config.private_key};
    o.lang = config.lang;
    o.timeout = std::chrono::seconds(config.timeout_seconds);
    o.busy_retries = 2;
    return o;
}

api_client::api_client(const client_config& config) : api_client(options_from(config)) {}
api_client::api_client(connection_options options) : impl_(std::make_unique<impl>(std::move(options))) {}
api_client::~api_client() = default;
api_client::api_client(api_client&&) noexcept = default;
api_client& api_client::operator=(api_client&&) noexcept = default;

http_result api_client::request(http_method method, std::string_view target, std::optional<std::string> body,
                                const header_list& extra_headers) {
    return send(method, target, std::move(body), extra_headers, nullptr);
}

http_result api_client::download(std::string_view target, const std::string& path) {
    return send(http_method::get, target, std::nullopt, {}, &path);
}

http_result api_client::send(http_method method, std::string_view target, std::optional<std::string> body,
                             const header_list& extra_headers, const std::string* save_to,
                             std::chrono::seconds answer_wait) {
    const auto& o = impl_->options;
    http::request<http::string_body> req{to_verb(method), std::string(target), 11};
    const bool default_port = o.port == "443";
    const bool ipv6 = o.host.find(':') != std::string::npos;
    const std::string host = ipv6 ? "[" + o.host + "]" : o.host;
    req.set(http::field::host, default_port ? host : host + ":" + o.port);
    req.set(http::field::user_agent, "township-client/" FUPIN_CLIENT_VERSION);
    req.set(http::field::accept, "application/json");
    req.set(http::field::accept_language, o.lang == common::language::en ? "en" : "zh-CN");
    req.keep_alive(true);
    if (body) {
        req.set(http::field::content_type, "application/json");
        req.body() = std::move(*body);
    }
    if (!impl_->token.empty()) req.set(http::field::authorization, "Bearer " + impl_->token);
    for (const auto& [name, value] : extra_headers) req.set(name, value);
    req.prepare_payload();

    for (int retries_left = o.busy_retries;; --retries_left) {
        impl_->last = impl_->connection.exchange(req, save_to, answer_wait);
        if (impl_->last.status != 503 || retries_left <= 0) break;
        // The work queue was full, so nothing was done: waiting and sending again is safe for every request.
        const std::string* retry_after = impl_->last.header("Retry-After");
        int seconds = 0;
        if (!retry_after) break;
        std::from_chars(retry_after->data(), retry_after->data() + retry_after->size(), seconds);
        std::this_thread::sleep_for(std::chrono::seconds(std::clamp(seconds, 1, 5)));
    }
    return impl_->last;
}

nlohmann::json api_client::request_json_waiting(http_method method, std::string_view target,
                                                std::optional<std::string> body, std::chrono::seconds wait) {
    send(method, target, std::move(body), {}, nullptr, wait);
    return last_json();
}

nlohmann::json api_client::request_json(http_method method, std::string_view target, std::optional<std::string> body,
                                        const header_list& extra_headers) {
    request(method, target, std::move(body), extra_headers);
    return last_json();
}

nlohmann::json api_client::last_json() const {
    const auto& result = impl_->last;
    if (result.status < 200 || result.status > 299) throw error_from_response(result);
    if (result.body.empty()) return nullptr;
    auto json = common::try_parse_bounded_json(result.body);
    if (!json)
        throw client_error(error_kind::protocol, "the server answered HTTP " + std::to_string(result.status) +
                                                     " with a body that is not JSON (or nests too deep)");
    return std::move(*json);
}

void api_client::set_token(std::string token) { impl_->token = std::move(token); }
const std::string& api_client::token() const { return impl_->token; }

nlohmann::json api_client::login(const std::string& username, const std::string& password) {
    // A login must not ride on an older session (the server would not care, but the audit trail would show it).
    impl_->token.clear();
    auto answer = request_json(http_method::post, "/api/v1/sessions",
                               nlohmann::json{{"username", username}, {"password", password}}.dump());
    if (!answer.is_object() || !answer.contains("token") || !answer.at("token").is_string() ||
        answer.at("token").get_ref<const std::string&>().empty() || !answer.contains("user") ||
        !answer.at("user").is_object())
        throw client_error(error_kind::protocol, "the login answer has no token or no user");
    impl_->token = answer.at("token").get<std::string>();
    return answer;
}

void api_client::logout() {
    // Clears the token on every path, an exception included: after `logout` the caller must not hold a session.
    struct clear_token {
        std::string& token;
        ~clear_token() { token.clear(); }
    } clear{impl_->token};
    if (impl_->token.empty()) return;
    const auto result = request(http_method::delete_, "/api/v1/sessions/current");
    if (result.status == 401 || (result.status >= 200 && result.status <= 299)) return;
    throw error_from_response(result);
}

nlohmann::json api_client::whoami() {
    auto json = request_json(http_method::get, "/api/v1/sessions/current");
    if (!json.is_object() || !json.contains("user") || !json.at("user").is_object())
        throw client_error(error_kind::protocol, "the session answer has no user");
    return json;
}

nlohmann::json api_client::list_users() {
    auto json = request_json(http_method::get, "/api/v1/users");
    if (!json.is_object() || !json.contains("items") || !json.at("items").is_array())
        throw client_error(error_kind::protocol, "the user list has no items");
    return json;
}

nlohmann::json api_client::create_user(const nlohmann::json& user) {
    return request_json(http_method::post, "/api/v1/users", user.dump());
}

nlohmann::json api_client::update_user(const std::string& username, const nlohmann::json& changes) {
    return request_json(http_method::put, "/api/v1/users/" + url_encode(username), changes.dump());
}

void api_client::reset_password(const std::string& username, const std::string& password) {
    request_json(http_method::post, "/api/v1/users/" + url_encode(username) + "/password",
                 nlohmann::json{{"password", password}}.dump());
}

nlohmann::json api_client::health() {
    auto json = request_json(http_method::get, "/api/v1/health");
    if (!json.is_object()) throw client_error(error_kind::protocol, "the health answer is not a JSON object");
    return json;
}

nlohmann::json api_client::lookup_person(const std::string& id_number) {
    auto json = request_json(http_method::get, "/api/v1/people?id_number=" + url_encode(id_number));
    if (!json.is_object() || !json.contains("found") || !json.at("found").is_boolean())
        throw client_error(error_kind::protocol, "the lookup answer has no found");
    return json;
}

common::household api_client::create_household(const common::household& household,
                                               const std::string& idempotency_key) {
    header_list headers;
    if (!idempotency_key.empty()) headers.emplace_back("Idempotency-Key", idempotency_key);
    auto json = request_json(http_method::post, "/api/v1/households", common::to_json(household).dump(), headers);
    return household_answer(json);
}

common::household api_client::get_household(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(id));
    return household_answer(json);
}

common::household api_client::update_household(const common::household& household) {
    auto json = request_json(http_method::put, "/api/v1/households/" + std::to_string(household.id),
                             common::to_json(household).dump());
    return household_answer(json);
}

common::household_page api_client::list_households(const common::household_filter& filter) {
    auto json = request_json(http_method::get, households_query(filter));
    return parse_answer("household list", [&] { return common::household_page_from_json(json); });
}

std::vector<common::area> api_client::list_areas() {
    auto json = request_json(http_method::get, "/api/v1/areas");
    // Read field by field: the list starts below the county (a township's or a village's), so the area file's
    // rule that every parent comes first does not hold for it.
    return items_answer("area list", json, [](const nlohmann::json& j) {
        namespace jf = common::json_fields;
        return common::area{jf::string_at(j.at("code"), "code"), jf::string_at(j.at("parent_code"), "parent_code"),
                            jf::string_at(j.at("level"), "level"), jf::string_at(j.at("name"), "name"),
                            j.contains("poor_village") && jf::bool_at(j.at("poor_village"), "poor_village")};
    });
}

std::vector<common::poverty_line> api_client::list_poverty_lines() {
    auto json = request_json(http_method::get, "/api/v1/poverty-lines");
    return items_answer("poverty line list", json, [](const nlohmann::json& j) { return common::poverty_line_from_json(j); });
}

common::poverty_line api_client::set_poverty_line(int year, common::money_fen amount) {
    auto json = request_json(http_method::put, "/api/v1/poverty-lines/" + std::to_string(year),
                             nlohmann::json{{"amount", common::fen_to_json(amount)}}.dump());
    return parse_answer("poverty line", [&] { return common::poverty_line_from_json(json); });
}

std::pair<common::household, common::member_change> api_client::change_members(
    std::int64_t household_id, std::int64_t version, const common::member_change_request& change) {
    auto body = common::to_json(change);
    body["version"] = version;
    auto json = request_json(http_method::post, "/api/v1/households/" + std::to_string(household_id) + "/member-changes",
                             body.dump());
    return parse_answer("member change", [&] {
        return std::make_pair(common::household_from_json(json.at("household"), common::json_source::response),
                              common::member_change_from_json(json.at("change")));
    });
}

std::vector<common::member_change> api_client::member_changes(std::int64_t household_id) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) + "/member-changes");
    return items_answer("member change list", json,
                        [](const nlohmann::json& j) { return common::member_change_from_json(j); });
}

std::vector<common::exit_standard> api_client::list_exit_standards() {
    auto json = request_json(http_method::get, "/api/v1/exit-standards");
    return items_answer("exit standard list", json,
                        [](const nlohmann::json& j) { return common::exit_standard_from_json(j); });
}

common::exit_standard api_client::set_exit_standard(int year, common::money_fen income_line, int transition_years) {
    auto json = request_json(http_method::put, "/api/v1/exit-standards/" + std::to_string(year),
                             nlohmann::json{{"income_line", common::fen_to_json(income_line)},
                                            {"transition_years", transition_years}}
                                 .dump());
    return parse_answer("exit standard", [&] { return common::exit_standard_from_json(json); });
}

common::exit_verdict api_client::exit_verdict(std::int64_t household_id, int year) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) +
                                                   "/exit-verdict?year=" + std::to_string(year));
    return parse_answer("exit verdict", [&] { return common::exit_verdict_from_json(json); });
}

common::department_list api_client::import_department_list(const std::string& kind, int year,
                                                           const std::string& source, const std::string& file_name,
                                                           std::string csv_bytes) {
    std::string target = "/api/v1/department-lists?kind=" + url_encode(kind) + "&year=" + std::to_string(year);
    if (!source.empty()) target += "&source=" + url_encode(source);
    if (!file_name.empty()) target += "&file_name=" + url_encode(file_name);
    auto json = request_json(http_method::post, target, std::move(csv_bytes), {{"Content-Type", "text/csv"}});
    return parse_answer("department list", [&] { return common::department_list_from_json(json); });
}

std::vector<common::department_list> api_client::list_department_lists() {
    auto json = request_json(http_method::get, "/api/v1/department-lists");
    return items_answer("department lists", json,
                        [](const nlohmann::json& j) { return common::department_list_from_json(j); });
}

std::vector<common::household_flag> api_client::household_flags(const std::string& area, bool all,
                                                               std::int64_t list_id) {
    std::vector<common::household_flag> out;
    std::int64_t after = 0;
    for (;;) {
        std::string target = "/api/v1/household-flags?page_size=500&state=" + std::string(all ? "all" : "open");
        if (after) target += "&after=" + std::to_string(after);
        if (!area.empty()) target += "&area=" + url_encode(area);
        if (list_id) target += "&list_id=" + std::to_string(list_id);
        auto json = request_json(http_method::get, target);
        for (auto& f : items_answer("household flags", json,
                                    [](const nlohmann::json& j) { return common::household_flag_from_json(j); }))
            out.push_back(std::move(f));
        if (!json.contains("next_after") || !json.at("next_after").is_number_integer()) break;
        after = json.at("next_after").get<std::int64_t>();
    }
    return out;
}

std::vector<common::household_flag> api_client::flags_of_household(std::int64_t household_id) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) + "/flags");
    return items_answer("household flags", json,
                        [](const nlohmann::json& j) { return common::household_flag_from_json(j); });
}

common::household_flag api_client::clear_household_flag(std::int64_t flag_id, const std::string& reason) {
    auto json = request_json(http_method::post, "/api/v1/household-flags/" + std::to_string(flag_id) + "/clear",
                             nlohmann::json{{"reason", reason}}.dump());
    return parse_answer("household flag", [&] { return common::household_flag_from_json(json); });
}

common::spot_check api_client::draw_spot_check(const common::spot_check_plan& plan) {
    nlohmann::json body{{"year", plan.year}, {"share_percent", plan.share_percent}, {"minimum", plan.minimum}};
    auto json = request_json(http_method::post, "/api/v1/spot-checks", body.dump());
    return parse_answer("spot check", [&] { return common::spot_check_from_json(json); });
}

std::vector<common::spot_check> api_client::list_spot_checks() {
    auto json = request_json(http_method::get, "/api/v1/spot-checks");
    return items_answer("spot check list", json, [](const nlohmann::json& j) { return common::spot_check_from_json(j); });
}

common::spot_check api_client::get_spot_check(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/spot-checks/" + std::to_string(id));
    return parse_answer("spot check", [&] { return common::spot_check_from_json(json); });
}

common::spot_check_item api_client::record_spot_check(std::int64_t id, std::int64_t household_id,
                                                      const common::spot_check_result& result) {
    auto body = common::to_json(result);
    for (const char* server_side : {"checked_by", "recorded_at", "household_version"}) body.erase(server_side);
    auto json = request_json(http_method::put,
                             "/api/v1/spot-checks/" + std::to_string(id) + "/households/" + std::to_string(household_id),
                             body.dump());
    return parse_answer("spot check item", [&] {
        auto wrapped = common::spot_check_from_json(nlohmann::json{{"items", nlohmann::json::array({json})}});
        return wrapped.items.at(0);
    });
}

std::vector<common::spot_check_accuracy> api_client::spot_check_accuracy(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/spot-checks/" + std::to_string(id) + "/accuracy");
    return items_answer("accuracy", json,
                        [](const nlohmann::json& j) { return common::spot_check_accuracy_from_json(j); });
}

common::review_round api_client::open_review_round(int year, int half, const std::string& deadline) {
    auto json = request_json(http_method::post, "/api/v1/review-rounds",
                             nlohmann::json{{"year", year}, {"half", half}, {"deadline", deadline}}.dump());
    return parse_answer("review round", [&] { return common::review_round_from_json(json); });
}

std::vector<common::review_round> api_client::list_review_rounds() {
    auto json = request_json(http_method::get, "/api/v1/review-rounds");
    return items_answer("review round list", json,
                        [](const nlohmann::json& j) { return common::review_round_from_json(j); });
}

common::review_entry api_client::enter_review(std::int64_t round_id, const common::household& household,
                                              const std::string& note) {
    nlohmann::json body{{"household", common::to_json(household)}};
    if (!note.empty()) body["note"] = note;
    auto json = request_json(http_method::put,
                             "/api/v1/review-rounds/" + std::to_string(round_id) + "/households/" +
                                 std::to_string(household.id),
                             body.dump());
    return parse_answer("review entry", [&] { return common::review_entry_from_json(json); });
}

std::vector<common::review_entry> api_client::review_entries(std::int64_t round_id, const std::string& area,
                                                             const std::string& outcome) {
    // Every page, in household order.
    std::vector<common::review_entry> all;
    std::int64_t after = 0;
    for (;;) {
        std::string target = "/api/v1/review-rounds/" + std::to_string(round_id) + "/entries?page_size=500";
        if (after) target += "&after=" + std::to_string(after);
        if (!area.empty()) target += "&area=" + url_encode(area);
        if (!outcome.empty()) target += "&outcome=" + url_encode(outcome);
        auto json = request_json(http_method::get, target);
        for (auto& e : items_answer("review entry list", json,
                                    [](const nlohmann::json& j) { return common::review_entry_from_json(j); }))
            all.push_back(std::move(e));
        if (!json.contains("next_after") || !json.at("next_after").is_number_integer()) break;
        after = json.at("next_after").get<std::int64_t>();
    }
    return all;
}

std::vector<common::review_progress> api_client::review_progress(std::int64_t round_id, const std::string& area,
                                                                 bool by_township) {
    std::string target = "/api/v1/review-rounds/" + std::to_string(round_id) + "/progress?by=" +
                         (by_township ? "township" : "village");
    if (!area.empty()) target += "&area=" + url_encode(area);
    auto json = request_json(http_method::get, target);
    return items_answer("review progress", json,
                        [](const nlohmann::json& j) { return common::review_progress_from_json(j); });
}

std::vector<common::quota> api_client::list_quotas(int year, const std::string& parent_code) {
    std::string target = "/api/v1/quotas?year=" + std::to_string(year);
    if (!parent_code.empty()) target += "&parent=" + url_encode(parent_code);
    auto json = request_json(http_method::get, target);
    return items_answer("quota list", json, [](const nlohmann::json& j) { return common::quota_from_json(j); });
}

common::quota api_client::set_quota(int year, const std::string& area_code, int places) {
    auto json = request_json(http_method::put, "/api/v1/quotas/" + std::to_string(year) + "/" + url_encode(area_code),
                             nlohmann::json{{"quota", places}}.dump());
    return parse_answer("quota", [&] { return common::quota_from_json(json); });
}

std::vector<common::helper_unit> api_client::list_helper_units() {
    auto json = request_json(http_method::get, "/api/v1/helper-units");
    return items_answer("helper unit list", json, [](const nlohmann::json& j) {
        return common::helper_unit_from_json(j, common::json_source::response);
    });
}

common::helper_unit api_client::create_helper_unit(const common::helper_unit& unit) {
    const nlohmann::json body{{"name", unit.name}, {"level", unit.level}, {"area_code", unit.area_code}};
    auto json = request_json(http_method::post, "/api/v1/helper-units", body.dump());
    return parse_answer("helper unit",
                        [&] { return common::helper_unit_from_json(json, common::json_source::response); });
}

std::vector<common::helper> api_client::list_helpers(std::int64_t unit_id, bool volunteers_only) {
    std::string target = "/api/v1/helpers?volunteers=" + std::string(volunteers_only ? "true" : "false");
    if (unit_id > 0) target += "&unit=" + std::to_string(unit_id);
    auto json = request_json(http_method::get, target);
    return items_answer("helper list", json, [](const nlohmann::json& j) {
        return common::helper_from_json(j, common::json_source::response);
    });
}

common::helper api_client::get_helper(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/helpers/" + std::to_string(id));
    return parse_answer("helper", [&] { return common::helper_from_json(json, common::json_source::response); });
}

namespace {
// What a helper request sends: the fields the county keeps, and the version an edit is based on.
nlohmann::json helper_request(const common::helper& h) {
    nlohmann::json body{{"unit_id", h.unit_id},
                        {"name", h.name},
                        {"post", h.post},
                        {"phone", h.phone},
                        {"active", h.active},
                        {"volunteer_background", h.volunteer_background},
                        {"team_leader", h.team_leader},
                        {"username", h.username.empty() ? nlohmann::json(nullptr) : nlohmann::json(h.username)}};
    if (h.version) body["version"] = h.version;
    return body;
}
}  // namespace

common::helper api_client::create_helper(const common::helper& helper) {
    auto json = request_json(http_method::post, "/api/v1/helpers", helper_request(helper).dump());
    return parse_answer("helper", [&] { return common::helper_from_json(json, common::json_source::response); });
}

common::helper api_client::update_helper(const common::helper& helper) {
    auto json = request_json(http_method::put, "/api/v1/helpers/" + std::to_string(helper.id),
                             helper_request(helper).dump());
    return parse_answer("helper", [&] { return common::helper_from_json(json, common::json_source::response); });
}

std::vector<common::pairing> api_client::helper_households(std::int64_t helper_id) {
    auto json = request_json(http_method::get, "/api/v1/helpers/" + std::to_string(helper_id) + "/households");
    return items_answer("pairing list", json, [](const nlohmann::json& j) { return common::pairing_from_json(j); });
}

common::household_helpers api_client::household_helpers(std::int64_t household_id) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) + "/helpers");
    return parse_answer("household helpers", [&] { return common::household_helpers_from_json(json); });
}

common::pairing api_client::pair_helper(std::int64_t household_id, std::int64_t helper_id, const std::string& reason) {
    auto json = request_json(http_method::post, "/api/v1/households/" + std::to_string(household_id) + "/helpers",
                             nlohmann::json{{"helper_id", helper_id}, {"reason", reason}}.dump());
    return parse_answer("pairing", [&] { return common::pairing_from_json(json); });
}

common::pairing api_client::end_pairing(std::int64_t pairing_id, const std::string& reason) {
    auto json = request_json(http_method::post, "/api/v1/pairings/" + std::to_string(pairing_id) + "/end",
                             nlohmann::json{{"reason", reason}}.dump());
    return parse_answer("pairing", [&] { return common::pairing_from_json(json); });
}

common::pairing api_client::change_pairing(std::int64_t pairing_id, std::int64_t helper_id,
                                           const std::string& reason) {
    auto json = request_json(http_method::post, "/api/v1/pairings/" + std::to_string(pairing_id) + "/change",
                             nlohmann::json{{"helper_id", helper_id}, {"reason", reason}}.dump());
    return parse_answer("pairing", [&] { return common::pairing_from_json(json); });
}

std::vector<common::measure> api_client::list_measures(std::int64_t household_id, int year) {
    std::string target = "/api/v1/households/" + std::to_string(household_id) + "/measures";
    if (year) target += "?year=" + std::to_string(year);
    auto json = request_json(http_method::get, target);
    return items_answer("measure list", json, [](const nlohmann::json& j) {
        return common::measure_from_json(j, common::json_source::response);
    });
}

common::measure api_client::get_measure(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/measures/" + std::to_string(id));
    return parse_answer("measure", [&] { return common::measure_from_json(json, common::json_source::response); });
}

// A measure, a project, a plan and a visit are sent as they are read: the server ignores what it fills itself.
common::measure api_client::add_measure(std::int64_t household_id, const common::measure& m) {
    auto json = request_json(http_method::post, "/api/v1/households/" + std::to_string(household_id) + "/measures",
                             common::to_json(m).dump());
    return parse_answer("measure", [&] { return common::measure_from_json(json, common::json_source::response); });
}

common::measure api_client::update_measure(const common::measure& m) {
    auto json = request_json(http_method::put, "/api/v1/measures/" + std::to_string(m.id), common::to_json(m).dump());
    return parse_answer("measure", [&] { return common::measure_from_json(json, common::json_source::response); });
}

std::vector<common::category_suggestion> api_client::suggestions(std::int64_t household_id) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) + "/suggestions");
    return items_answer("suggestion list", json,
                        [](const nlohmann::json& j) { return common::category_suggestion_from_json(j); });
}

std::vector<common::project> api_client::list_projects(const std::string& area_code, int year) {
    std::string target = "/api/v1/projects?area=" + url_encode(area_code);
    if (year) target += "&year=" + std::to_string(year);
    auto json = request_json(http_method::get, target);
    return items_answer("project list", json, [](const nlohmann::json& j) {
        return common::project_from_json(j, common::json_source::response);
    });
}

common::project api_client::add_project(const common::project& p) {
    auto json = request_json(http_method::post, "/api/v1/projects", common::to_json(p).dump());
    return parse_answer("project", [&] { return common::project_from_json(json, common::json_source::response); });
}

common::assistance_plan api_client::get_plan(std::int64_t household_id, int year) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) + "/plans/" +
                                                   std::to_string(year));
    return parse_answer("plan", [&] { return common::assistance_plan_from_json(json, common::json_source::response); });
}

common::assistance_plan api_client::save_plan(std::int64_t household_id, const common::assistance_plan& p) {
    auto json = request_json(http_method::put, "/api/v1/households/" + std::to_string(household_id) + "/plans/" +
                                                   std::to_string(p.year),
                             common::to_json(p).dump());
    return parse_answer("plan", [&] { return common::assistance_plan_from_json(json, common::json_source::response); });
}

std::vector<common::visit> api_client::list_visits(std::int64_t household_id) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) + "/visits");
    return items_answer("visit list", json, [](const nlohmann::json& j) {
        return common::visit_from_json(j, common::json_source::response);
    });
}

common::visit api_client::record_visit(std::int64_t household_id, const common::visit& v) {
    auto json = request_json(http_method::post, "/api/v1/households/" + std::to_string(household_id) + "/visits",
                             common::to_json(v).dump());
    return parse_answer("visit", [&] { return common::visit_from_json(json, common::json_source::response); });
}

common::sandaohu_report api_client::sandaohu(const std::string& area_code, int year, int gaps,
                                             const std::string& missing) {
    std::string target = "/api/v1/sandaohu?year=" + std::to_string(year) + "&gaps=" + std::to_string(gaps);
    if (!area_code.empty()) target += "&area=" + url_encode(area_code);
    if (!missing.empty()) target += "&missing=" + url_encode(missing);
    auto json = request_json(http_method::get, target);
    return parse_answer("sandaohu", [&] { return common::sandaohu_report_from_json(json); });
}

common::statistics_report api_client::statistics(const std::string& area_code, int year) {
    std::string target = "/api/v1/statistics?year=" + std::to_string(year);
    if (!area_code.empty()) target += "&area=" + url_encode(area_code);
    auto json = request_json(http_method::get, target);
    return parse_answer("statistics", [&] { return common::statistics_report_from_json(json); });
}

common::application api_client::create_application(std::int64_t household_id, int year, const std::string& note) {
    nlohmann::json body{{"household_id", household_id}, {"year", year}};
    if (!note.empty()) body["note"] = note;
    auto json = request_json(http_method::post, "/api/v1/applications", body.dump());
    return parse_answer("case", [&] { return common::application_from_json(json); });
}

common::application api_client::propose_exit(std::int64_t household_id, int year, const std::string& note) {
    nlohmann::json body{{"household_id", household_id}, {"year", year}};
    if (!note.empty()) body["note"] = note;
    auto json = request_json(http_method::post, "/api/v1/exit-proposals", body.dump());
    return parse_answer("case", [&] { return common::application_from_json(json); });
}

application_page api_client::list_applications(const common::application_filter& filter) {
    auto json = request_json(http_method::get, applications_query(filter));
    application_page page;
    page.items = items_answer("case list", json, [](const nlohmann::json& j) { return common::application_from_json(j); });
    if (json.contains("next_after") && !json.at("next_after").is_null()) {
        if (!json.at("next_after").is_number_integer())
            throw client_error(error_kind::protocol, "the server's case list has a next_after that is not a number");
        page.next_after = json.at("next_after").get<std::int64_t>();
    }
    return page;
}

common::application api_client::get_application(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/applications/" + std::to_string(id));
    return parse_answer("case", [&] { return common::application_from_json(json); });
}

common::identification_verdict api_client::household_verdict(std::int64_t household_id, int year) {
    auto json = request_json(http_method::get, "/api/v1/households/" + std::to_string(household_id) +
                                                   "/verdict?year=" + std::to_string(year));
    return parse_answer("verdict", [&] { return common::verdict_from_json(json); });
}

common::application api_client::take_step(std::int64_t application_id, const step_request& step) {
    auto body = step_body(step);
    if (step.version > 0) body["version"] = step.version;
    auto json = request_json(http_method::post, "/api/v1/applications/" + std::to_string(application_id) + "/steps",
                             body.dump());
    return parse_answer("case", [&] { return common::application_from_json(json); });
}

std::vector<common::application> api_client::take_steps(const std::vector<std::int64_t>& application_ids,
                                                        const step_request& step) {
    auto body = step_body(step);
    body["application_ids"] = application_ids;
    auto json = request_json(http_method::post, "/api/v1/applications/steps", body.dump());
    return items_answer("case list", json, [](const nlohmann::json& j) { return common::application_from_json(j); });
}

std::vector<common::ranking_entry> api_client::appraisal_proposal(const std::string& village_code, int year) {
    auto json = request_json(http_method::get, "/api/v1/appraisals/proposal?village=" + url_encode(village_code) +
                                                   "&year=" + std::to_string(year));
    return items_answer("proposed ranking", json,
                        [](const nlohmann::json& j) { return common::ranking_entry_from_json(j); });
}

common::appraisal api_client::create_appraisal(const common::appraisal& appraisal) {
    // Only what the request carries: proposed_rank, recorded_by and the id are the server's.
    nlohmann::json results = nlohmann::json::array();
    for (const auto& r : appraisal.results)
        results.push_back({{"application_id", r.application_id},
                           {"final_rank", r.final_rank},
                           {"votes_for", r.votes_for},
                           {"votes_against", r.votes_against},
                           {"votes_abstain", r.votes_abstain}});
    const nlohmann::json body{{"village_code", appraisal.village_code},
                              {"year", appraisal.year},
                              {"meeting_date", appraisal.meeting_date},
                              {"panel", appraisal.panel},
                              {"results", results}};
    auto json = request_json(http_method::post, "/api/v1/appraisals", body.dump());
    return parse_answer("appraisal", [&] { return common::appraisal_from_json(json); });
}

common::posting api_client::create_posting(const posting_request& request) {
    nlohmann::json body{{"level", request.level}, {"area_code", request.area_code}, {"year", request.year}};
    if (!request.application_ids.empty()) body["application_ids"] = request.application_ids;
    auto json = request_json(http_method::post, "/api/v1/postings", body.dump());
    return parse_answer("posting", [&] { return common::posting_from_json(json); });
}

std::vector<common::posting> api_client::list_postings(const std::string& area_code, int year, const std::string& level) {
    std::string query;
    const auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        query += query.empty() ? '?' : '&';
        query += std::string(name) + "=" + url_encode(value);
    };
    add("area", area_code);
    if (year > 0) add("year", std::to_string(year));
    add("level", level);
    auto json = request_json(http_method::get, "/api/v1/postings" + query);
    return items_answer("posting list", json, [](const nlohmann::json& j) { return common::posting_from_json(j); });
}

common::posting api_client::get_posting(std::int64_t id) {
    auto json = request_json(http_method::get, "/api/v1/postings/" + std::to_string(id));
    return parse_answer("posting", [&] { return common::posting_from_json(json); });
}

common::objection api_client::create_objection(std::int64_t application_id, const common::objection& objection) {
    nlohmann::json body{{"objector_name", objection.objector_name}, {"grounds", objection.grounds}};
    if (!objection.objector_contact.empty()) body["objector_contact"] = objection.objector_contact;
    if (!objection.objected_on.empty()) body["objected_on"] = objection.objected_on;
    auto json = request_json(http_method::post,
                             "/api/v1/applications/" + std::to_string(application_id) + "/objections", body.dump());
    return parse_answer("objection", [&] { return common::objection_from_json(json); });
}

std::vector<common::objection> api_client::list_objections(std::int64_t application_id) {
    auto json = request_json(http_method::get, "/api/v1/applications/" + std::to_string(application_id) + "/objections");
    return items_answer("objection list", json, [](const nlohmann::json& j) { return common::objection_from_json(j); });
}

common::objection api_client::answer_objection(std::int64_t objection_id, const objection_answer& answer) {
    nlohmann::json body{{"outcome", answer.outcome}, {"answer", answer.answer}};
    if (!answer.consequence.empty()) body["consequence"] = answer.consequence;
    auto json = request_json(http_method::post, "/api/v1/objections/" + std::to_string(objection_id) + "/answer",
                             body.dump());
    return parse_answer("objection", [&] { return common::objection_from_json(json); });
}

const http_result& api_client::last_result() const { return impl_->last; }

bool api_client::last_was_replayed() const {
    const std::string* replayed = impl_->last.header("Idempotent-Replayed");
    return replayed && iequals(*replayed, "true");
}

void api_client::close() { impl_->connection.close(); }

std::string url_encode(std::string_view text) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : text) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

std::string households_query(const common::household_filter& filter) {
    std::string query;
    const auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        query += query.empty() ? '?' : '&';
        query += name;
        query += '=';
        query += url_encode(value);
    };
    add("township", filter.township_code);
    add("village", filter.village_code);
    add("group", filter.group_code);
    add("status", filter.status);
    add("cause", filter.main_cause);
    add("q", filter.search);
    if (filter.page_size > 0) add("page_size", std::to_string(filter.page_size));
    add("page_token", filter.page_token);
    return "/api/v1/households" + query;
}

std::string applications_query(const common::application_filter& filter) {
    std::string query;
    const auto add = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        query += query.empty() ? '?' : '&';
        query += name;
        query += '=';
        query += url_encode(value);
    };
    add("kind", filter.kind);
    if (filter.year > 0) add("year", std::to_string(filter.year));
    add("state", filter.state);
    add("township", filter.township_code);
    add("village", filter.village_code);
    if (filter.household_id > 0) add("household", std::to_string(filter.household_id));
    if (filter.page_size > 0) add("page_size", std::to_string(filter.page_size));
    if (filter.after_id > 0) add("after", std::to_string(filter.after_id));
    return "/api/v1/applications" + query;
}

client_error error_from_response(const http_result& result) {
    int retry_after = 0;
    if (const std::string* header = result.header("Retry-After"))
        std::from_chars(header->data(), header->data() + header->size(), retry_after);
    const auto json = common::try_parse_bounded_json(result.body).value_or(nullptr);
    if (json.is_object() && json.contains("error") && json.at("error").is_object()) {
        const auto& error = json.at("error");
        const auto text = [&](const char* key) {
            return error.contains(key) && error.at(key).is_string() ? error.at(key).get<std::string>() : std::string();
        };
        nlohmann::json details = error.contains("details") ? error.at("details") : nlohmann::json(nullptr);
        return client_error::from_response(result.status, text("code"), text("message"), text("field"),
                                           std::move(details), retry_after);
    }
    // No error body (a proxy, or a server bug): the status still says what happened.
    return client_error::from_response(result.status, {}, "HTTP " + std::to_string(result.status), {}, nullptr,
                                       retry_after);
}

std::string random_idempotency_key() {
    static constexpr char hex[] = "0123456789abcdef";
    std::random_device device;
    std::string key;
    for (int i = 0; i < 4; ++i) {
        auto bits = device();
        for (int j = 0; j < 8; ++j, bits >>= 4) key += hex[bits & 15];
    }
    return key;
}

}  // namespace fupin::client
