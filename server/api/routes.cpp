#include "server/api/routes.hpp"

#include <memory>

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"
#include "server/api/audit_handlers.hpp"
#include "server/api/document_handlers.hpp"
#include "server/api/error_response.hpp"
#include "server/api/household_handlers.hpp"
#include "server/api/person_handlers.hpp"
#include "server/api/procedure_handlers.hpp"
#include "server/api/exit_handlers.hpp"
#include "server/api/review_round_handlers.hpp"
#include "server/api/spot_check_handlers.hpp"
#include "server/api/statistics_handlers.hpp"
#include "server/api/archive_import_handlers.hpp"
#include "server/api/attachment_handlers.hpp"
#include "server/api/area_handlers.hpp"
#include "server/api/campaign_handlers.hpp"
#include "server/api/supervision_handlers.hpp"
#include "server/api/department_check_handlers.hpp"
#include "server/api/quota_handlers.hpp"
#include "server/api/helper_handlers.hpp"
#include "server/api/assistance_handlers.hpp"
#include "server/api/session_handlers.hpp"
#include "server/api/user_handlers.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/audit_trail.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::api {
namespace {

using authenticated_handler =
    std::function<api_response(const api_request&, const path_params&, const service::principal&, sql::connection&)>;

// Health also proves the database answers, through the same worker a real request would use. It needs a valid
// office certificate but no login, so an office can tell "server down" from "not logged in".
api_response health(const api_request& request, sql::connection& db, const server_config& config) {
    db.query("SELECT 1");
    nlohmann::json body{{"status", "ok"},
                        {"service", "county-server"},
                        {"version", FUPIN_VERSION},
                        {"database", db.backend_name()},
                        {"caller_area", request.caller_area},
                        {"time", common::format_utc_ms(config.clock())}};
    return api_response{200, body.dump(), {}, {}};
}

// Every endpoint but health and login goes through here: the session becomes a principal, and whatever the
// policy denies on the way goes to the audit trail (denial_recorder: in its own transaction, since the request's
// own transaction has been rolled back, and bounded per user and minute) before the 403 goes out.
handler authenticated(std::shared_ptr<const service::session_service> sessions,
                      std::shared_ptr<service::denial_recorder> denials, const server_config& config,
                      authenticated_handler inner) {
    return [sessions, denials, &config, inner = std::move(inner)](const api_request& request, const path_params& params,
                                                                 sql::connection& db) {
        const auto who = sessions->authenticate(db, request.authorization, certificate_of(request));
        denials->write_ended_windows(db, config.clock());
        api_response response;
        try {
            response = inner(request, params, who, db);
        } catch (const common::api_error& e) {
            if (e.status() == 403)
                denials->denied(db, service::audit_actor::of(who), request.method + " " + request.path, e.code(),
                                config.clock());
            response = error_response(e, request.lang);
        }
        response.user = who.username;
        return response;
    };
}

using authenticated_memory_handler =
    std::function<std::optional<api_response>(const api_request&, const path_params&, const service::principal&)>;

// authenticated() for a memory handler: only a session the session cache can vouch for without the database;
// anything else, and every refusal, is left to the route's handler on a database worker.
memory_handler authenticated_from_memory(std::shared_ptr<const service::session_service> sessions,
                                         authenticated_memory_handler inner) {
    return [sessions, inner = std::move(inner)](const api_request& request,
                                                const path_params& params) -> std::optional<api_response> {
        const auto who = sessions->authenticate_from_memory(request.authorization, certificate_of(request));
        if (!who) return std::nullopt;
        auto response = inner(request, params, *who);
        if (response) response->user = who->username;
        return response;
    };
}

// Binds a member function of a shared handler object.
template <class Handlers, class Method>
authenticated_handler bind(std::shared_ptr<Handlers> handlers, Method method) {
    return [handlers, method](const api_request& q, const path_params& p, const service::principal& w,
                              sql::connection& db) { return ((*handlers).*method)(q, p, w, db); };
}

}  // namespace

void add_routes(router& r, const server_config& config, const service::services& use_cases) {
    const auto& sessions = use_cases.sessions;
    const auto& denials = use_cases.denials;
    const auto& lookups = use_cases.lookups;
    auto households = std::make_shared<household_handlers>(use_cases.households, use_cases.member_changes, lookups);
    auto session_api = std::make_shared<session_handlers>(sessions);
    auto user_api = std::make_shared<user_handlers>(use_cases.accounts);
    auto procedure = std::make_shared<procedure_handlers>(use_cases.applications, use_cases.appraisals,
                                                          use_cases.postings, use_cases.objections);
    auto quotas = std::make_shared<quota_handlers>(use_cases.quotas);
    auto helpers = std::make_shared<helper_handlers>(use_cases.helpers, use_cases.pairings);
    auto assistance = std::make_shared<assistance_handlers>(use_cases.measures, use_cases.visits, use_cases.sandaohu);
    auto documents = std::make_shared<document_handlers>(use_cases.documents, use_cases.postings);
    auto statistics = std::make_shared<statistics_handlers>(use_cases.statistics, use_cases.documents);
    auto auth = [&](authenticated_handler h) { return authenticated(sessions, denials, config, std::move(h)); };

    r.add("GET", "/api/v1/health", [&config](const api_request& request, const path_params&, sql::connection& db) {
        return health(request, db, config);
    });

    r.add("POST", "/api/v1/sessions", [session_api](const api_request& q, const path_params& p, sql::connection& db) {
        return session_api->login(q, p, db);
    });
    r.add("GET", "/api/v1/sessions/current", auth(bind(session_api, &session_handlers::whoami)));
    r.add("DELETE", "/api/v1/sessions/current", auth(bind(session_api, &session_handlers::logout)));

    r.add("POST", "/api/v1/households", auth(bind(households, &household_handlers::create)));
    r.add("GET", "/api/v1/households", auth(bind(households, &household_handlers::list)));
    auto areas = std::make_shared<area_handlers>(use_cases.areas);
    r.add("GET", "/api/v1/areas", auth(bind(areas, &area_handlers::list)));
    r.add("GET", "/api/v1/households/{id}", auth(bind(households, &household_handlers::get)),
          authenticated_from_memory(sessions, [households](const api_request& q, const path_params& p,
                                                           const service::principal& w) {
              return households->get_from_memory(q, p, w);
          }));
    r.add("PUT", "/api/v1/households/{id}", auth(bind(households, &household_handlers::update)));
    r.add("POST", "/api/v1/households/{id}/member-changes", auth(bind(households, &household_handlers::change_members)));
    r.add("GET", "/api/v1/households/{id}/member-changes", auth(bind(households, &household_handlers::member_changes)));
    r.add("GET", "/api/v1/people", auth(bind(std::make_shared<person_handlers>(lookups), &person_handlers::lookup)));

    r.add("GET", "/api/v1/poverty-lines", auth(bind(quotas, &quota_handlers::lines)));
    r.add("PUT", "/api/v1/poverty-lines/{year}", auth(bind(quotas, &quota_handlers::set_line)));
    r.add("GET", "/api/v1/quotas", auth(bind(quotas, &quota_handlers::list)));
    r.add("PUT", "/api/v1/quotas/{year}/{area}", auth(bind(quotas, &quota_handlers::set)));
    auto exits = std::make_shared<exit_handlers>(use_cases.exit_standards);
    r.add("GET", "/api/v1/exit-standards", auth(bind(exits, &exit_handlers::standards)));
    r.add("PUT", "/api/v1/exit-standards/{year}", auth(bind(exits, &exit_handlers::set_standard)));
    r.add("GET", "/api/v1/households/{id}/exit-verdict", auth(bind(exits, &exit_handlers::verdict)));
    auto spot_checks = std::make_shared<spot_check_handlers>(use_cases.spot_checks);
    r.add("POST", "/api/v1/spot-checks", auth(bind(spot_checks, &spot_check_handlers::draw)));
    r.add("GET", "/api/v1/spot-checks", auth(bind(spot_checks, &spot_check_handlers::list)));
    r.add("GET", "/api/v1/spot-checks/{id}", auth(bind(spot_checks, &spot_check_handlers::get)));
    r.add("PUT", "/api/v1/spot-checks/{id}/households/{household_id}", auth(bind(spot_checks, &spot_check_handlers::record)));
    r.add("GET", "/api/v1/spot-checks/{id}/accuracy", auth(bind(spot_checks, &spot_check_handlers::accuracy)));
    auto rounds = std::make_shared<review_round_handlers>(use_cases.review_rounds, lookups);
    r.add("POST", "/api/v1/review-rounds", auth(bind(rounds, &review_round_handlers::open)));
    r.add("GET", "/api/v1/review-rounds", auth(bind(rounds, &review_round_handlers::list)));
    r.add("GET", "/api/v1/review-rounds/{id}", auth(bind(rounds, &review_round_handlers::get)));
    r.add("PUT", "/api/v1/review-rounds/{id}/households/{household_id}", auth(bind(rounds, &review_round_handlers::enter)));
    r.add("GET", "/api/v1/review-rounds/{id}/entries", auth(bind(rounds, &review_round_handlers::entries)));
    r.add("GET", "/api/v1/review-rounds/{id}/progress", auth(bind(rounds, &review_round_handlers::progress)));
    auto attachments = std::make_shared<attachment_handlers>(use_cases.attachments);
    r.add("POST", "/api/v1/households/{id}/attachments", auth(bind(attachments, &attachment_handlers::upload)));
    r.add("GET", "/api/v1/households/{id}/attachments", auth(bind(attachments, &attachment_handlers::list)));
    r.add("GET", "/api/v1/attachments/{id}", auth(bind(attachments, &attachment_handlers::fetch)));
    r.add("GET", "/api/v1/households/{id}/completeness", auth(bind(attachments, &attachment_handlers::completeness)));

    auto campaigns = std::make_shared<campaign_handlers>(use_cases.campaigns);
    r.add("PUT", "/api/v1/campaigns/{year}", auth(bind(campaigns, &campaign_handlers::set)));
    r.add("GET", "/api/v1/campaigns/{year}", auth(bind(campaigns, &campaign_handlers::get)));
    r.add("GET", "/api/v1/campaigns/{year}/progress", auth(bind(campaigns, &campaign_handlers::progress)));
    auto supervision = std::make_shared<supervision_handlers>(use_cases.supervision, use_cases.documents);
    r.add("PUT", "/api/v1/supervision/{year}/weights", auth(bind(supervision, &supervision_handlers::set_weights)));
    r.add("GET", "/api/v1/supervision/{year}/weights", auth(bind(supervision, &supervision_handlers::weights)));
    r.add("POST", "/api/v1/supervision/{year}/notes", auth(bind(supervision, &supervision_handlers::add_note)));
    r.add("GET", "/api/v1/supervision/{year}/ranking", auth(bind(supervision, &supervision_handlers::ranking)));

    auto imports = std::make_shared<archive_import_handlers>(use_cases.imports);
    r.add("POST", "/api/v1/imports", auth(bind(imports, &archive_import_handlers::open)));
    r.add("GET", "/api/v1/imports/{id}", auth(bind(imports, &archive_import_handlers::get)));
    r.add("POST", "/api/v1/imports/{id}/files", auth(bind(imports, &archive_import_handlers::add)));
    r.add("POST", "/api/v1/imports/{id}/commit", auth(bind(imports, &archive_import_handlers::commit)));
    r.add("DELETE", "/api/v1/imports/{id}", auth(bind(imports, &archive_import_handlers::abandon)));

    auto department_checks = std::make_shared<department_check_handlers>(use_cases.department_checks);
    r.add("POST", "/api/v1/department-lists", auth(bind(department_checks, &department_check_handlers::import_list)));
    r.add("GET", "/api/v1/department-lists", auth(bind(department_checks, &department_check_handlers::lists)));
    r.add("GET", "/api/v1/household-flags", auth(bind(department_checks, &department_check_handlers::flags)));
    r.add("POST", "/api/v1/household-flags/{id}/clear", auth(bind(department_checks, &department_check_handlers::clear)));
    r.add("GET", "/api/v1/households/{id}/flags",
          auth(bind(department_checks, &department_check_handlers::household_flags)));

    r.add("GET", "/api/v1/helper-units", auth(bind(helpers, &helper_handlers::units)));
    r.add("POST", "/api/v1/helper-units", auth(bind(helpers, &helper_handlers::create_unit)));
    r.add("PUT", "/api/v1/helper-units/{id}", auth(bind(helpers, &helper_handlers::update_unit)));
    r.add("GET", "/api/v1/helpers", auth(bind(helpers, &helper_handlers::list)));
    r.add("POST", "/api/v1/helpers", auth(bind(helpers, &helper_handlers::create)));
    r.add("GET", "/api/v1/helpers/{id}", auth(bind(helpers, &helper_handlers::get)));
    r.add("PUT", "/api/v1/helpers/{id}", auth(bind(helpers, &helper_handlers::update)));
    r.add("GET", "/api/v1/helpers/{id}/households", auth(bind(helpers, &helper_handlers::households)));
    r.add("GET", "/api/v1/households/{id}/helpers", auth(bind(helpers, &helper_handlers::of_household)));
    r.add("POST", "/api/v1/households/{id}/helpers", auth(bind(helpers, &helper_handlers::pair)));
    r.add("POST", "/api/v1/pairings/{id}/end", auth(bind(helpers, &helper_handlers::end)));
    r.add("POST", "/api/v1/pairings/{id}/change", auth(bind(helpers, &helper_handlers::change)));

    r.add("GET", "/api/v1/households/{id}/measures", auth(bind(assistance, &assistance_handlers::measures)));
    r.add("POST", "/api/v1/households/{id}/measures", auth(bind(assistance, &assistance_handlers::add_measure)));
    r.add("GET", "/api/v1/measures/{id}", auth(bind(assistance, &assistance_handlers::get_measure)));
    r.add("PUT", "/api/v1/measures/{id}", auth(bind(assistance, &assistance_handlers::update_measure)));
    r.add("GET", "/api/v1/households/{id}/suggestions", auth(bind(assistance, &assistance_handlers::suggestions)));
    r.add("GET", "/api/v1/projects", auth(bind(assistance, &assistance_handlers::projects)));
    r.add("POST", "/api/v1/projects", auth(bind(assistance, &assistance_handlers::add_project)));
    r.add("GET", "/api/v1/households/{id}/plans/{year}", auth(bind(assistance, &assistance_handlers::plan)));
    r.add("PUT", "/api/v1/households/{id}/plans/{year}", auth(bind(assistance, &assistance_handlers::save_plan)));
    r.add("GET", "/api/v1/households/{id}/visits", auth(bind(assistance, &assistance_handlers::visits)));
    r.add("POST", "/api/v1/households/{id}/visits", auth(bind(assistance, &assistance_handlers::record_visit)));
    r.add("GET", "/api/v1/sandaohu", auth(bind(assistance, &assistance_handlers::sandaohu)));

    r.add("POST", "/api/v1/applications", auth(bind(procedure, &procedure_handlers::apply)));
    r.add("POST", "/api/v1/exit-proposals", auth(bind(procedure, &procedure_handlers::propose_exit)));
    r.add("GET", "/api/v1/applications", auth(bind(procedure, &procedure_handlers::list)));
    r.add("POST", "/api/v1/applications/steps", auth(bind(procedure, &procedure_handlers::step_many)));
    r.add("GET", "/api/v1/applications/{id}", auth(bind(procedure, &procedure_handlers::get)));
    r.add("POST", "/api/v1/applications/{id}/steps", auth(bind(procedure, &procedure_handlers::step)));
    r.add("GET", "/api/v1/applications/{id}/objections", auth(bind(procedure, &procedure_handlers::objections)));
    r.add("POST", "/api/v1/applications/{id}/objections", auth(bind(procedure, &procedure_handlers::object)));
    r.add("POST", "/api/v1/objections/{id}/answer", auth(bind(procedure, &procedure_handlers::answer)));
    r.add("GET", "/api/v1/households/{id}/verdict", auth(bind(procedure, &procedure_handlers::verdict)));
    r.add("GET", "/api/v1/appraisals/proposal", auth(bind(procedure, &procedure_handlers::proposal)));
    r.add("POST", "/api/v1/appraisals", auth(bind(procedure, &procedure_handlers::appraise)));
    r.add("POST", "/api/v1/postings", auth(bind(procedure, &procedure_handlers::publish)));
    r.add("GET", "/api/v1/postings", auth(bind(procedure, &procedure_handlers::list_postings)));
    r.add("GET", "/api/v1/postings/{id}", auth(bind(procedure, &procedure_handlers::get_posting)));

    r.add("GET", "/api/v1/households/{id}/card", auth(bind(documents, &document_handlers::card)));
    r.add("GET", "/api/v1/areas/{code}/register", auth(bind(documents, &document_handlers::area_register)));
    r.add("GET", "/api/v1/areas/{code}/archive", auth(bind(documents, &document_handlers::archive)));
    r.add("GET", "/api/v1/postings/{id}/document", auth(bind(documents, &document_handlers::posting)));
    r.add("GET", "/api/v1/import-template", auth(bind(documents, &document_handlers::import_template)));

    r.add("GET", "/api/v1/statistics", auth(bind(statistics, &statistics_handlers::report)));
    r.add("GET", "/api/v1/statistics/chart", auth(bind(statistics, &statistics_handlers::chart)));

    r.add("GET", "/api/v1/users", auth(bind(user_api, &user_handlers::list)));
    r.add("POST", "/api/v1/users", auth(bind(user_api, &user_handlers::create)));
    r.add("PUT", "/api/v1/users/{username}", auth(bind(user_api, &user_handlers::update)));
    r.add("POST", "/api/v1/users/{username}/password", auth(bind(user_api, &user_handlers::reset_password)));

    // The change feed: this route only authenticates the upgrade (and is run again every minute while the
    // subscription lasts); server/feed/websocket_session.cpp serves the events.
    r.add("GET", "/api/v1/events",
          auth([sessions](const api_request& q, const path_params&, const service::principal& who, sql::connection&) {
              service::access_policy::require(who, service::permission::read_households);
              if (!q.websocket_upgrade)
                  throw common::api_error(426, "upgrade_required", "该接口只接受WebSocket连接",
                                          "this endpoint takes WebSocket connections only");
              if (auto it = q.query.find("since"); it != q.query.end()) {
                  const auto& v = it->second;
                  if (v.empty() || v.size() > 18 || v.find_first_not_of("0123456789") != std::string::npos)
                      throw common::api_error(400, "invalid_parameter", "since 应为不小于0的整数",
                                              "since must be a whole number from 0", "since");
              }
              auto grant = std::make_shared<feed_grant>();
              grant->username = who.username;
              grant->role = who.role;
              grant->area_code = who.area_code;
              grant->still_granted = [sessions, authorization = q.authorization,
                                      certificate = certificate_of(q)](sql::connection& db) {
                  try {
                      const auto again = sessions->authenticate(db, authorization, certificate);
                      service::access_policy::require(again, service::permission::read_households);
                      return true;
                  } catch (const common::api_error&) {
                      return false;  // the session ended, or the user lost the right
                  }
              };
              api_response response{200, "", {}, {}};
              response.feed = std::move(grant);
              return response;
          }));

    r.add("GET", "/api/v1/audit",
          auth([](const api_request& q, const path_params& p, const service::principal& who, sql::connection& db) {
              service::access_policy::require(who, service::permission::read_audit);
              return audit_handlers::list(q, p, db);
          }));
}

}  // namespace fupin::server::api
