#pragma once
// The one place that decides who may do what: (role, permission, area of the record) → allow or deny.
// Deny by default: a role not in the table, or a permission not granted to it, is refused. Every endpoint asks
// here, reads by id included, so no one reaches another area's file by guessing an id.
#include <string_view>
#include <vector>

#include "server/service/principal.hpp"

namespace fupin::server::service {

enum class permission {
    read_households,   // read one file, list files
    write_households,  // create and edit files
    manage_users,      // accounts of the county
    read_audit,        // the audit trail
    set_county_quotas,   // poverty lines, the county's total, the townships' quotas
    set_village_quotas,  // the villages' quotas within a township's
    manage_helpers,      // the helper units, the helpers and the volunteer team: the county keeps them
    pair_helpers,        // pair a household with its helpers, change and end pairings
    record_assistance,   // measures, projects and plans of the area's households
    record_visits,       // visits (走访) to the area's households
    record_checks,       // the county's unannounced checks (明察暗访) on a file, and its spot checks (抽查)
    open_review_rounds,  // the county's half-yearly review rounds (半年审核调整)
    import_department_lists,  // other departments' lists for the checks (数据比对)
    clear_flags,              // clear a household's flag from those checks, with a reason (核销)
    import_archive,           // the county's existing archive, from a spreadsheet (docs/imports.md)
    run_campaign,             // the year's campaign: its phases and dates (建档立卡工作阶段)
    issue_notices,            // 通报表扬 and 通报批评 on a township (专项督查); the last (permissions_of lists them all)
};

class access_policy {
public:
    // What the role may do over the records of the user's area (and below it).
    static bool role_has(std::string_view role, permission p);

    // What the role may do over the households paired with the user now, wherever they are: a helper (帮扶责任人)
    // who logs in reaches these and nothing of his area. The pairing is looked up in the database
    // (household_access.hpp: require_over_household).
    static bool role_has_over_paired(std::string_view role, permission p);

    // The permission's name as the session's answer lists it ("write_households", …).
    static std::string_view name_of(permission p);
    // The names of what the role may do (over its area, or over its paired households): the session's answer
    // lists them so a client offers only what the server would allow, without a copy of this table.
    static std::vector<std::string_view> permissions_of(std::string_view role);

    // Before a household is loaded: throws 403 access_denied unless the role may do p by area or over paired
    // households. The household's own check follows (require_over_household).
    static void require_role(const principal& who, permission p);

    // A record belongs to an area (a household: its village code). The user's area covers it when it is the
    // same area or an ancestor: the county covers everything, a township its villages, a village itself.
    static bool area_covers(std::string_view user_area, std::string_view record_area);

    // What require() decides, as a yes or no.
    static bool allows(const principal& who, permission p, std::string_view record_area = {});

    // Throws api_error 403 access_denied (the role may not) or 403 area_forbidden (not in the user's area).
    // An empty record_area checks the role only. By area only: a role that reaches paired households is refused
    // here.
    static void require(const principal& who, permission p, std::string_view record_area = {});

    // A step of the identification procedure: the role must be among `roles` (from common/application_workflow)
    // and the user's area must cover the case's village. Throws like require().
    // The area a listing covers: the caller's own when `asked` is empty, else `asked`, a county, township or
    // village code within the caller's area (400 invalid_parameter at "area" for anything else, 403 area_forbidden
    // outside it; the role must read households).
    static std::string listed_area(const principal& who, const std::string& asked);

    // What require_step() decides, as a yes or no.
    static bool may_take_step(const principal& who, const std::vector<std::string_view>& roles,
                              std::string_view case_village);
    static void require_step(const principal& who, const std::vector<std::string_view>& roles,
                             std::string_view case_village);
};

}  // namespace fupin::server::service
