#pragma once
// Endpoints of spot checks (不定期抽查): draw a sample, read samples, record a sampled file's check, the accuracy.
#include "server/api/router.hpp"
#include "server/service/spot_check_service.hpp"

namespace fupin::server::api {

class spot_check_handlers {
public:
    explicit spot_check_handlers(service::spot_check_service checks);

    api_response draw(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response record(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response accuracy(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::spot_check_service checks_;
};

}  // namespace fupin::server::api
