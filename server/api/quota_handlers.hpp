#pragma once
// HTTP ⇄ quota_service: poverty lines and quotas.
#include "server/api/router.hpp"
#include "server/service/quota_service.hpp"

namespace fupin::server::api {

class quota_handlers {
public:
    explicit quota_handlers(service::quota_service quotas);

    api_response lines(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response set_line(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response set(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::quota_service quotas_;
};

}  // namespace fupin::server::api
