#pragma once
// Endpoints of the year's campaign: its phases (set and read) and each township's progress against them.
#include "server/api/router.hpp"
#include "server/service/campaign_service.hpp"

namespace fupin::server::api {

class campaign_handlers {
public:
    explicit campaign_handlers(service::campaign_service campaigns);

    api_response set(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response progress(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::campaign_service campaigns_;
};

}  // namespace fupin::server::api
