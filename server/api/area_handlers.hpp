#pragma once
// GET /api/v1/areas: the caller's area and the areas below it.
#include "server/api/router.hpp"
#include "server/service/area_service.hpp"

namespace fupin::server::api {

class area_handlers {
public:
    explicit area_handlers(service::area_service areas);

    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::area_service areas_;
};

}  // namespace fupin::server::api
