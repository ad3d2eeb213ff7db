#pragma once
// Endpoints of the supervision (专项督查): the year's weights (set and read), a note on a township, and the
// ranking as JSON, or as the circular's PDF or the figures' XLSX.
#include "server/api/router.hpp"
#include "server/service/document_service.hpp"
#include "server/service/supervision_service.hpp"

namespace fupin::server::api {

class supervision_handlers {
public:
    supervision_handlers(service::supervision_service supervision, service::document_service documents);

    api_response set_weights(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response weights(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response add_note(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response ranking(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::supervision_service supervision_;
    service::document_service documents_;
};

}  // namespace fupin::server::api
