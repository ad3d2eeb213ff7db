#pragma once
// Endpoints of the checks against other departments (数据比对): import a list (the CSV file as the body), read
// the lists, read the flags of an area or of one household, clear a flag.
#include "server/api/router.hpp"
#include "server/service/department_check_service.hpp"

namespace fupin::server::api {

class department_check_handlers {
public:
    explicit department_check_handlers(service::department_check_service checks);

    api_response import_list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response lists(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response flags(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response household_flags(const api_request&, const path_params&, const service::principal&,
                                 sql::connection&) const;
    api_response clear(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::department_check_service checks_;
};

}  // namespace fupin::server::api
