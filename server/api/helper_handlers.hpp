#pragma once
// HTTP ⇄ helper_service and pairing_service: helper units, helpers, the volunteer team, and pairings.
#include "server/api/router.hpp"
#include "server/service/helper_service.hpp"
#include "server/service/pairing_service.hpp"

namespace fupin::server::api {

class helper_handlers {
public:
    helper_handlers(service::helper_service helpers, service::pairing_service pairings);

    api_response units(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response create_unit(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response update_unit(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response create(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response update(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response households(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

    api_response of_household(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response pair(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response end(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response change(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::helper_service helpers_;
    service::pairing_service pairings_;
};

}  // namespace fupin::server::api
