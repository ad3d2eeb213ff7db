#pragma once
// /api/v1/users: county administrators manage the accounts of the county.
#include <memory>

#include "server/api/router.hpp"
#include "server/service/account_service.hpp"

namespace fupin::server::api {

class user_handlers {
public:
    explicit user_handlers(std::shared_ptr<const service::account_service> accounts);

    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response create(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response update(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response reset_password(const api_request&, const path_params&, const service::principal&,
                                sql::connection&) const;

private:
    std::shared_ptr<const service::account_service> accounts_;
};

}  // namespace fupin::server::api
