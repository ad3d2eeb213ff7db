#pragma once
// Endpoints of attachments (资料): upload one to a household file (the file's bytes as the body), list a file's,
// fetch one, and a file's completeness.
#include "server/api/router.hpp"
#include "server/service/attachment_service.hpp"

namespace fupin::server::api {

class attachment_handlers {
public:
    explicit attachment_handlers(service::attachment_service attachments);

    api_response upload(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response list(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response fetch(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response completeness(const api_request&, const path_params&, const service::principal&,
                              sql::connection&) const;

private:
    service::attachment_service attachments_;
};

}  // namespace fupin::server::api
