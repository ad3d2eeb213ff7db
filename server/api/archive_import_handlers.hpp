#pragma once
// Endpoints of an archive import (docs/imports.md): open one, send it batches of the spreadsheet's files, read
// it, commit it, abandon it.
#include "server/api/router.hpp"
#include "server/service/archive_import_service.hpp"

namespace fupin::server::api {

class archive_import_handlers {
public:
    explicit archive_import_handlers(service::archive_import_service imports);

    api_response open(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response add(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response commit(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response abandon(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::archive_import_service imports_;
};

}  // namespace fupin::server::api
