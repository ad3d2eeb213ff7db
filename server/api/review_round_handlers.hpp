#pragma once
// Endpoints of the half-yearly review rounds (半年审核调整): open a round, read rounds, enter a file again in one,
// its entries and its progress.
#include "server/api/router.hpp"
#include "server/service/person_lookup_service.hpp"
#include "server/service/review_round_service.hpp"

namespace fupin::server::api {

class review_round_handlers {
public:
    review_round_handlers(service::review_round_service rounds, service::person_lookup_service lookups);

    api_response open(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response enter(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response entries(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response progress(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::review_round_service rounds_;
    service::person_lookup_service lookups_;
};

}  // namespace fupin::server::api
