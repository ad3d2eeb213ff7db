#pragma once
// A household file loaded for a use case that records something about it (a pairing, a measure, a visit): the
// file read, and the caller's permission checked over the file's village. With `lock`, the household's row is
// locked first (until the transaction ends), so writes about one household take turns. Throws 404 not_found
// and the 403s of access_policy::require. Runs inside the caller's transaction.
#include <cstdint>

#include "common/household.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

common::household household_in_area(sql::connection& db, const principal& who, std::int64_t household_id,
                                     permission p, bool lock);

// 409 household_not_registered: only a registered household is helped (paired, given measures, visited).
void require_registered(const common::household& h);

}  // namespace fupin::server::service
