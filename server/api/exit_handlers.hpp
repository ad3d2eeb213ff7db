#pragma once
// Endpoints of exit (脱贫退出): the county's exit standard per year, and a household judged against it.
#include "server/api/router.hpp"
#include "server/service/exit_standard_service.hpp"

namespace fupin::server::api {

class exit_handlers {
public:
    explicit exit_handlers(service::exit_standard_service standards);

    api_response standards(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response set_standard(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response verdict(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::exit_standard_service standards_;
};

}  // namespace fupin::server::api
