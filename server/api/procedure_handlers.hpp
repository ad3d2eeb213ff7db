#pragma once
// HTTP ⇄ the identification procedure's services (cases and steps, appraisals, postings, objections): its
// endpoints (docs/protocol.md, "Identification").
#include "server/api/router.hpp"
#include "server/service/application_service.hpp"
#include "server/service/appraisal_service.hpp"
#include "server/service/objection_service.hpp"
#include "server/service/posting_service.hpp"

namespace fupin::server::api {

class procedure_handlers {
public:
    procedure_handlers(service::application_service applications, service::appraisal_service appraisals,
                       service::posting_service postings, service::objection_service objections);

    api_response apply(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response propose_exit(const api_request&, const path_params&, const service::principal&,
                              sql::connection&) const;
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
    service::application_service applications_;
    service::appraisal_service appraisals_;
    service::posting_service postings_;
    service::objection_service objections_;
};

}  // namespace fupin::server::api
