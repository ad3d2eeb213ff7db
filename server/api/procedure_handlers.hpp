#pragma once
// HTTP ⇄ procedure_service: the identification procedure's endpoints (docs/protocol.md, "Identification").
#include "server/api/router.hpp"
#include "server/service/procedure_service.hpp"

namespace fupin::server::api {

class procedure_handlers {
public:
    explicit procedure_handlers(service::procedure_service procedure);

    api_response apply(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response verdict(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response step(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response step_many(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response proposal(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response appraise(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response publish(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response list_postings(const api_request&, const path_params&, const service::principal&,
                               sql::connection&) const;
    api_response get_posting(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response object(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response objections(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response answer(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::procedure_service procedure_;
};

}  // namespace fupin::server::api
