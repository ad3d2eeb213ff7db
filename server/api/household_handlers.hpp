#pragma once
// HTTP ⇄ household_service: parse and check what arrived, call the service, render JSON.
#include "server/api/router.hpp"
#include "server/service/household_service.hpp"

namespace fupin::server::api {

class household_handlers {
public:
    explicit household_handlers(service::household_service households);

    api_response create(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;
    api_response get(const api_request& request, const path_params& params, const service::principal& who,
                     sql::connection& db) const;
    api_response update(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;
    api_response list(const api_request& request, const path_params& params, const service::principal& who,
                      sql::connection& db) const;

private:
    service::household_service households_;
};

}  // namespace fupin::server::api
