#include "server/service/household_access.hpp"

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/pairing_repository.hpp"

namespace fupin::server::service {

void require_over_household(sql::connection& db, const principal& who, permission p, std::int64_t household_id,
                            std::string_view village_code) {
    if (!access_policy::role_has_over_paired(who.role, p)) return access_policy::require(who, p, village_code);
    if (!storage::pairing_repository(db).holds_for_account(who.username, household_id))
        throw common::api_error(403, "not_paired", "该户不是与您结对帮扶的贫困户,无权访问",
                                "you are not paired with that household");
}

common::household household_in_area(sql::connection& db, const principal& who, std::int64_t household_id,
                                     permission p, bool lock) {
    storage::household_repository households(db);
    if (lock && !households.lock(household_id)) throw common::api_error::not_found("该户档案", "that household");
    auto h = households.find(household_id);
    if (!h) throw common::api_error::not_found("该户档案", "that household");
    require_over_household(db, who, p, household_id, h->village_code);
    return *h;
}

void require_helped(const common::household& h, std::int64_t now_ms) {
    if (h.status == "registered") return;
    const int this_year = static_cast<int>(common::china_date_of_ms(now_ms).year());
    if (h.status == "exited" && h.policies_until && this_year <= *h.policies_until) return;
    throw common::api_error(409, "household_not_registered",
                            "只有已建档立卡的贫困户(或过渡期内的脱贫户)才能结对帮扶、落实帮扶措施",
                            "only a registered household, or an exited one in its transition period, is helped");
}

}  // namespace fupin::server::service
