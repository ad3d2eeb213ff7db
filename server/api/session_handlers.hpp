#pragma once
// POST /api/v1/sessions (log in), GET and DELETE /api/v1/sessions/current (who am I, log out).
#include <memory>

#include <nlohmann/json.hpp>

#include "server/api/router.hpp"
#include "server/service/session_service.hpp"

namespace fupin::server::api {

class session_handlers {
public:
    explicit session_handlers(std::shared_ptr<const service::session_service> sessions);

    api_response login(const api_request& request, const path_params& params, sql::connection& db) const;
    api_response whoami(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;
    api_response logout(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;

private:
    std::shared_ptr<const service::session_service> sessions_;
};

// The certificate a request's connection proved.
service::certificate_identity certificate_of(const api_request& request);

// {"username","display_name","role","area_code","area_name"} of a principal, for login and whoami.
nlohmann::json user_summary(const service::principal& who, sql::connection& db);

}  // namespace fupin::server::api
