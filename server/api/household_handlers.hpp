#pragma once
// HTTP ⇄ household_service: parse and check what arrived, call the service, render JSON.
#include "server/api/router.hpp"
#include "server/service/household_service.hpp"
#include "server/service/member_change_service.hpp"
#include "server/service/person_lookup_service.hpp"

namespace fupin::server::api {

class household_handlers {
public:
    // lookups: a refusal that tells where another area's person is registered is charged as a lookup.
    household_handlers(service::household_service households, service::member_change_service member_changes,
                       service::person_lookup_service lookups);

    api_response create(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;
    api_response get(const api_request& request, const path_params& params, const service::principal& who,
                     sql::connection& db) const;
    // get() from the file cache alone, on the network thread: nullopt whenever it cannot answer a 200.
    std::optional<api_response> get_from_memory(const api_request& request, const path_params& params,
                                                const service::principal& who) const;
    api_response update(const api_request& request, const path_params& params, const service::principal& who,
                        sql::connection& db) const;
    api_response list(const api_request& request, const path_params& params, const service::principal& who,
                      sql::connection& db) const;
    // 人口自然变更: POST records one (201 {"household", "change"}), GET lists them.
    api_response change_members(const api_request& request, const path_params& params, const service::principal& who,
                                sql::connection& db) const;
    api_response member_changes(const api_request& request, const path_params& params, const service::principal& who,
                                sql::connection& db) const;

private:
    service::household_service households_;
    service::member_change_service member_changes_;
    service::person_lookup_service lookups_;
};

}  // namespace fupin::server::api
