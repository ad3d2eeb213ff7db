#pragma once
// HTTP ⇄ measure_service, visit_service and sandaohu_service: measures and their suggestions, projects, plans,
// visits and the 三到户三到人 view.
#include "server/api/router.hpp"
#include "server/service/measure_service.hpp"
#include "server/service/sandaohu_service.hpp"
#include "server/service/visit_service.hpp"

namespace fupin::server::api {

class assistance_handlers {
public:
    assistance_handlers(service::measure_service measures, service::visit_service visits,
                        service::sandaohu_service sandaohu);

    api_response measures(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response get_measure(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response add_measure(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response update_measure(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response suggestions(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response projects(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response add_project(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response plan(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response save_plan(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response visits(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response record_visit(const api_request&, const path_params&, const service::principal&, sql::connection&) const;
    api_response sandaohu(const api_request&, const path_params&, const service::principal&, sql::connection&) const;

private:
    service::measure_service measures_;
    service::visit_service visits_;
    service::sandaohu_service sandaohu_;
};

}  // namespace fupin::server::api
