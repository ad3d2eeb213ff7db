#pragma once
// Endpoints of the county's figures: as JSON or a workbook, and as a chart (PNG or SVG).
#include "server/api/router.hpp"
#include "server/service/document_service.hpp"
#include "server/service/statistics_service.hpp"

namespace fupin::server::api {

class statistics_handlers {
public:
    statistics_handlers(service::statistics_service statistics, service::document_service documents);

    api_response report(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response chart(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    common::statistics_report read(const api_request& request, const service::principal& who, sql::connection& db) const;

    service::statistics_service statistics_;
    service::document_service documents_;
};

}  // namespace fupin::server::api
