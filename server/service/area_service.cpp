#include "server/service/area_service.hpp"

#include "server/service/access_policy.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/area_repository.hpp"

namespace fupin::server::service {

std::vector<common::area> area_service::within_own_area(sql::connection& db, const principal& who) const {
    access_policy::require(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] { return storage::area_repository(db).within(who.area_code); });
}

}  // namespace fupin::server::service
