#pragma once
// Endpoints of the printed documents: a household's card, a village's register or a township's book, an area's
// archive as one table, a posting for the notice board. They answer the file itself (PDF, XLSX or CSV) with a
// file name, not JSON.
#include "server/api/router.hpp"
#include "server/service/document_service.hpp"
#include "server/service/posting_service.hpp"

namespace fupin::server::api {

class document_handlers {
public:
    document_handlers(service::document_service documents, service::posting_service postings);

    api_response card(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response area_register(const api_request&, const path_params&, const service::principal&,
                               sql::connection&) const;
    api_response archive(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response posting(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    // The archive import's template (docs/imports.md), XLSX or CSV.
    api_response import_template(const api_request&, const path_params&, const service::principal&,
                                 sql::connection&) const;

private:
    service::document_service documents_;
    service::posting_service postings_;
};

}  // namespace fupin::server::api
