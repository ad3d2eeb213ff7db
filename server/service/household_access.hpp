#pragma once
// The one check of a caller's permission over one household file, and the file loaded for a use case about it
// (a pairing, a measure, a visit). A role reaches a file by area (the file's village within the user's area:
// access_policy::require) or, a helper who logs in, by a pairing with it that holds now.
#include <cstdint>
#include <string_view>

#include "common/household.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// Throws the 403s of access_policy::require for a role that reaches by area; for one that reaches paired
// households, 403 not_paired unless the user's helper answers for the household now. Reads the database for the
// latter only.
void require_over_household(sql::connection& db, const principal& who, permission p, std::int64_t household_id,
                            std::string_view village_code);

// The file read, and require_over_household. With `lock`, the household's row is locked first (until the
// transaction ends), so writes about one household take turns. Throws 404 not_found. Runs inside the caller's
// transaction.
common::household household_in_area(sql::connection& db, const principal& who, std::int64_t household_id,
                                     permission p, bool lock);

// 409 household_not_registered: only a registered household is helped (paired, given measures, visited), or
// an exited one through its transition period (脱贫不脱政策: to the end of policies_until, in China's calendar
// on the server's clock `now_ms`).
void require_helped(const common::household& h, std::int64_t now_ms);

}  // namespace fupin::server::service
