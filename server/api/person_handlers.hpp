#pragma once
// HTTP ⇄ person_lookup_service: GET /api/v1/people?id_number=… (the cross-township lookup).
#include "server/api/router.hpp"
#include "server/service/person_lookup_service.hpp"

namespace fupin::server::api {

class person_handlers {
public:
    explicit person_handlers(service::person_lookup_service lookups);

    api_response lookup(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;

private:
    service::person_lookup_service lookups_;
};

}  // namespace fupin::server::api
