#include "server/service/member_change_service.hpp"

#include "common/api_error.hpp"
#include "common/china_date.hpp"
#include "server/service/access_policy.hpp"
#include "server/service/household_access.hpp"
#include "server/service/run_in_transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "server/storage/member_change_repository.hpp"

namespace fupin::server::service {

member_change_service::member_change_service(clock now, household_service households)
    : now_(std::move(now)), households_(std::move(households)) {}

member_change_service::result member_change_service::record(sql::connection& db, const principal& who,
                                                            std::int64_t household_id, std::int64_t version,
                                                            const common::member_change_request& request) const {
    access_policy::require(who, permission::write_households);
    // The file as the clerk saw it: the change is applied to that version, and update() refuses it if another
    // change came first.
    auto current = storage::household_repository(db).find(household_id);
    if (!current) throw common::api_error::not_found("该户档案", "that household");
    access_policy::require(who, permission::write_households, current->village_code);
    if (current->version != version)
        throw common::api_error::version_conflict("该户档案", "the household file", current->version);
    auto next = *current;
    const auto today = common::format_date(common::china_date_of_ms(now_()));
    auto change = common::apply(next, request, today);
    change.household_id = household_id;
    change.recorded_by = who.username;

    household_service::update_options options;
    options.audit_action = "household.member_change";
    options.also = [&change](sql::connection& conn, const common::household&, const common::household& after,
                             std::int64_t now) {
        change.recorded_at_ms = now;
        change.size_after = static_cast<int>(after.members.size());
        storage::member_change_repository(conn).insert(change);
    };
    result out;
    out.household = households_.update(db, who, household_id, next, options);
    out.change = change;
    return out;
}

std::vector<common::member_change> member_change_service::history(sql::connection& db, const principal& who,
                                                                   std::int64_t household_id) const {
    access_policy::require_role(who, permission::read_households);
    return run_in_transaction(db, sql::tx_mode::read, [&] {
        household_in_area(db, who, household_id, permission::read_households, false);
        return storage::member_change_repository(db).of_household(household_id);
    });
}

}  // namespace fupin::server::service
