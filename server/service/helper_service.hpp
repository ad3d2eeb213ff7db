#pragma once
// The helpers the county keeps: the units that send them (帮扶单位), the helpers (帮扶责任人) and the volunteer
// service team (志愿服务队: the helpers with a background). Every official may read them (the household's
// village must reach its helper: 联系到人); the county's administrator and poverty office keep them
// (permission manage_helpers). Each write is one transaction with its event and its audit entry.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/helper.hpp"
#include "server/service/principal.hpp"
#include "server/storage/helper_repository.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

// Whether an edit of a helper sets his account (username, empty for none) or leaves it as it is.
enum class account_edit { set, keep };

class helper_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit helper_service(clock now);

    std::vector<common::helper_unit> units(sql::connection& db, const principal& who) const;
    // 409 unit_name_taken; 422 when the area is not the county's or not of the unit's level.
    common::helper_unit create_unit(sql::connection& db, const principal& who, common::helper_unit unit) const;
    // unit.version is the version the change was based on (409 version_conflict otherwise).
    common::helper_unit update_unit(sql::connection& db, const principal& who, std::int64_t id,
                                    common::helper_unit unit) const;

    std::vector<common::helper> helpers(sql::connection& db, const principal& who,
                                        const storage::helper_filter& filter) const;
    // Every role that reads households by area reads a helper; a helper who logs in reads his own record only.
    common::helper get(sql::connection& db, const principal& who, std::int64_t id) const;
    // get()'s rule on a helper already read: throws 403 access_denied.
    static void require_readable(const principal& who, const common::helper& helper);
    // 422 at unit_id for a unit that does not exist; 422 at username unless it names an account of the role
    // helper; 409 helper_account_taken when another helper logs in with it.
    common::helper create(sql::connection& db, const principal& who, common::helper helper) const;
    // 409 version_conflict; 409 helper_has_households when made inactive while households are paired with the
    // helper (they are given other helpers first, so no household is left without one unknowingly).
    common::helper update(sql::connection& db, const principal& who, std::int64_t id, common::helper helper,
                          account_edit account = account_edit::set) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
