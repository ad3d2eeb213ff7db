#pragma once
// 结对帮扶: a registered household gets one or two helpers who answer for it (一帮一, 二帮一), and a helper
// answers for at most `limit` households (the county's setting, 5 by default). Both limits hold under
// concurrent pairings on both databases: a pairing locks the household's row and then the helper's, in that
// order, before it counts, so pairings of one household or of one helper take turns (the database lock on
// SQLite). A pairing ends or is changed for another helper with who, when and why, and is never deleted.
// Who may: permission pair_helpers over the household's village; every reader of the household's area sees its
// helpers and how to reach them (联系到人).
#include <cstdint>
#include <functional>
#include <string>

#include "common/helper.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

inline constexpr std::size_t max_helpers_per_household = 2;

class pairing_service {
public:
    using clock = std::function<std::int64_t()>;
    pairing_service(clock now, int helper_household_limit);

    common::household_helpers of_household(sql::connection& db, const principal& who, std::int64_t household_id) const;
    // The households a helper answers for now: those in the caller's area; all of them to the helper himself.
    std::vector<common::pairing> of_helper(sql::connection& db, const principal& who, std::int64_t helper_id) const;

    // 201 the pairing. 409 household_not_registered, already_paired, household_has_two_helpers, helper_inactive,
    // helper_full (details: limit, households); 404 for an unknown household or helper; 422 reason_required.
    common::pairing pair(sql::connection& db, const principal& who, std::int64_t household_id,
                         std::int64_t helper_id, const std::string& reason) const;
    // Ends a pairing that holds (409 pairing_ended otherwise).
    common::pairing end(sql::connection& db, const principal& who, std::int64_t pairing_id,
                        const std::string& reason) const;
    // Changes the helper of a pairing: the old one ends, replaced by the new, in one transaction; the new
    // helper's limit holds as in pair(). Returns the new pairing.
    common::pairing replace(sql::connection& db, const principal& who, std::int64_t pairing_id,
                            std::int64_t helper_id, const std::string& reason) const;

    int helper_household_limit() const { return limit_; }

private:
    clock now_;
    int limit_;
};

}  // namespace fupin::server::service
