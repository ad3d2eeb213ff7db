#pragma once
// The natural changes of a household's members (人口自然变更): a birth, a death, a marriage in or out, a move in or
// out, a member's new ID number, recorded by those who edit the file (permission write_households over its
// village). Each is an edit of the file (household_service::update: versions, the file's rules, one person one
// household, the audit entry `household.member_change` and the event) together with its history row, in one
// transaction; the per-capita income follows because the file is derived again.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/member_change.hpp"
#include "server/service/household_service.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class member_change_service {
public:
    using clock = std::function<std::int64_t()>;
    member_change_service(clock now, household_service households);

    struct result {
        common::household household;  // the file as it now stands
        common::member_change change;  // its history row
    };
    // `version`: the file's version the change was based on (409 version_conflict otherwise). Refusals: those
    // of common::apply (422 at the request's field, 409 last_member) and of household_service::update.
    result record(sql::connection& db, const principal& who, std::int64_t household_id, std::int64_t version,
                  const common::member_change_request& request) const;
    // Newest first; read by whoever reads the file.
    std::vector<common::member_change> history(sql::connection& db, const principal& who,
                                               std::int64_t household_id) const;

private:
    clock now_;
    household_service households_;
};

}  // namespace fupin::server::service
