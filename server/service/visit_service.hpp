#pragma once
// Visits to registered households (走访记录: a helper's home visit, call or group assistance), recorded by the
// household's village or township (permission record_visits) or by the helper himself when he logs in (his own
// visits, to the households paired with him), and the county's unannounced checks (明察暗访), recorded by
// supervisors (permission record_checks) on the same file and not shown to a helper. Never changed once recorded.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/assistance.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class visit_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit visit_service(clock now);

    std::vector<common::visit> of_household(sql::connection& db, const principal& who,
                                            std::int64_t household_id) const;
    // 201 the visit. A helper's visit names the helper, one paired with the household now or named on one of its
    // measures, and active (422 at helper_id); a check names none; the date is not
    // in the future (China's calendar). 403 access_denied for a check by anyone but a supervisor, or a
    // helper's visit recorded by a supervisor, or a helper naming another as the visitor (he may name none: the
    // visit is his); 409 household_not_registered.
    common::visit record(sql::connection& db, const principal& who, std::int64_t household_id,
                         common::visit input) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
