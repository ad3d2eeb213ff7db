#include "server/api/routes.hpp"

#include <memory>

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"
#include "server/api/household_handlers.hpp"
#include "server/storage/sql_connection.hpp"

namespace fupin::server::api {
namespace {

// Health also proves the database answers, through the same worker a real request would use.
api_response health(const api_request& request, sql::connection& db, const server_config& config) {
    db.query("SELECT 1");
    nlohmann::json body{{"status", "ok"},
                        {"service", "county-server"},
                        {"version", FUPIN_VERSION},
                        {"database", db.backend_name()},
                        {"caller_area", request.caller_area},
                        {"time", common::format_utc_ms(config.clock())}};
    return api_response{200, body.dump(), {}};
}

}  // namespace

void add_routes(router& r, const server_config& config) {
    r.add("GET", "/api/v1/health",
          [&config](const api_request& request, const path_params&, sql::connection& db) {
              return health(request, db, config);
          });

    auto households = std::make_shared<household_handlers>(service::household_service(config.clock));
    r.add("POST", "/api/v1/households",
          [households](const api_request& q, const path_params& p, sql::connection& db) { return households->create(q, p, db); });
    r.add("GET", "/api/v1/households",
          [households](const api_request& q, const path_params& p, sql::connection& db) { return households->list(q, p, db); });
    r.add("GET", "/api/v1/households/{id}",
          [households](const api_request& q, const path_params& p, sql::connection& db) { return households->get(q, p, db); });
    r.add("PUT", "/api/v1/households/{id}",
          [households](const api_request& q, const path_params& p, sql::connection& db) { return households->update(q, p, db); });
}

}  // namespace fupin::server::api
