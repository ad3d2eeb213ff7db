#include "server/service/access_policy.hpp"

#include <array>
#include <string>

#include "common/api_error.hpp"
#include "common/area.hpp"

namespace fupin::server::service {
namespace {

// Where a role's permissions reach: the records of the user's area, or the households paired with the user.
enum class reach { area, paired_households };

struct grant {
    std::string_view role;
    reach scope;
    bool read_households;
    bool write_households;
    bool manage_users;
    bool read_audit;
    bool set_county_quotas;   // the poverty line, the county's total and the townships' quotas
    bool set_village_quotas;  // the villages' quotas within their township's
    bool manage_helpers;      // helper units, helpers, the volunteer team
    bool pair_helpers;        // pairings of helpers with the area's households
    bool record_assistance;   // measures, projects and plans in the area
    bool record_visits;       // visits (走访)
    bool record_checks;       // unannounced checks (明察暗访) and spot checks
    bool open_review_rounds;  // half-yearly review rounds
    bool import_lists;        // other departments' lists (数据比对)
    bool clear_flags;         // a flag those lists raised, cleared with a reason
    bool import_archive;      // the existing archive, from a spreadsheet
    bool run_campaign;        // the year's campaign phases, and the weights of its supervision's ranking
    bool issue_notices;       // 通报表扬 and 通报批评 on a township
};

constexpr auto area = reach::area;
constexpr auto paired = reach::paired_households;

// Read as a table: who may do what. Supervisors read everything and write nothing but their unannounced checks
// (明察暗访), spot checks and notices (通报) on townships; the poverty office and the administrators open the
// half-yearly review rounds, import other departments' lists and set the year's campaign phases and the weights
// of its ranking; the poverty office alone imports the county's existing archive (it registers households, which
// administrators never do), and issues notices as the leading group's office; the township reviewers and the poverty office clear the flags those lists raise; administrators manage accounts, lines, quotas and the helpers but do not edit household files; the
// poverty office (the approver) keeps the helpers too and pairs them with households, as the townships do with
// theirs; villages and townships record the measures, plans and visits of their households. A helper who logs
// in reads the households paired with him and records his visits to them; his area grants nothing (it says only
// which office's certificate he logs in with). The steps of the identification procedure are granted per role
// in common/application_workflow.cpp, and need read_households for the case's area.
constexpr std::array<grant, 9> grants{{
    //  role              reach   read   write  users  audit  county-q village-q helpers pair   assist visits checks rounds lists  clear  archive campaign notices
    {"village_clerk",     area,   true,  true,  false, false, false,   false,    false,  false, true,  true,  false, false, false, false, false, false, false},
    {"resident_cadre",    area,   true,  false, false, false, false,   false,    false,  false, true,  true,  false, false, false, false, false, false, false},
    {"township_reviewer", area,   true,  true,  false, false, false,   true,     false,  true,  true,  true,  false, false, false, true, false, false, false},
    {"township_head",     area,   true,  false, false, false, false,   true,     false,  true,  true,  true,  false, false, false, false, false, false, false},
    {"county_approver",   area,   true,  false, false, false, false,   false,    true,   true,  false, false, false, true,  true,  true, true, true, true},
    {"county_admin",      area,   true,  false, true,  true,  true,    false,    true,   false, false, false, false, true,  true,  false, false, true, false},
    {"supervisor",        area,   true,  false, false, true,  false,   false,    false,  false, false, false, true, false, false, false, false, false, true},
    {"helper",            paired, true,  false, false, false, false,   false,    false,  false, false, true,  false, false, false, false, false, false, false},
    // Whoever runs county-server's own subcommands on the server machine (imports, user administration):
    // they hold the database anyway. Not a role an account can have (common::vocabulary::roles lacks it).
    {"local_operator",    area,   true,  true,  true,  true,  true,    true,     true,   true,  true,  true,  true, true,  true,  true, true, true, true},
}};

bool granted(const grant& g, permission p) {
    switch (p) {
        case permission::read_households: return g.read_households;
        case permission::write_households: return g.write_households;
        case permission::manage_users: return g.manage_users;
        case permission::read_audit: return g.read_audit;
        case permission::set_county_quotas: return g.set_county_quotas;
        case permission::set_village_quotas: return g.set_village_quotas;
        case permission::manage_helpers: return g.manage_helpers;
        case permission::pair_helpers: return g.pair_helpers;
        case permission::record_assistance: return g.record_assistance;
        case permission::record_visits: return g.record_visits;
        case permission::record_checks: return g.record_checks;
        case permission::open_review_rounds: return g.open_review_rounds;
        case permission::import_department_lists: return g.import_lists;
        case permission::clear_flags: return g.clear_flags;
        case permission::import_archive: return g.import_archive;
        case permission::run_campaign: return g.run_campaign;
        case permission::issue_notices: return g.issue_notices;
    }
    return false;
}

common::api_error role_refused() {
    return common::api_error(403, "access_denied", "您的角色无权进行此项操作", "your role may not do this");
}

bool has(std::string_view role, reach scope, permission p) {
    for (const auto& g : grants)
        if (g.role == role) return g.scope == scope && granted(g, p);
    return false;
}

}  // namespace

bool access_policy::role_has(std::string_view role, permission p) { return has(role, reach::area, p); }

std::string_view access_policy::name_of(permission p) {
    switch (p) {
        case permission::read_households: return "read_households";
        case permission::write_households: return "write_households";
        case permission::manage_users: return "manage_users";
        case permission::read_audit: return "read_audit";
        case permission::set_county_quotas: return "set_county_quotas";
        case permission::set_village_quotas: return "set_village_quotas";
        case permission::manage_helpers: return "manage_helpers";
        case permission::pair_helpers: return "pair_helpers";
        case permission::record_assistance: return "record_assistance";
        case permission::record_visits: return "record_visits";
        case permission::record_checks: return "record_checks";
        case permission::open_review_rounds: return "open_review_rounds";
        case permission::import_department_lists: return "import_department_lists";
        case permission::clear_flags: return "clear_flags";
        case permission::import_archive: return "import_archive";
        case permission::run_campaign: return "run_campaign";
        case permission::issue_notices: return "issue_notices";
    }
    return "";
}

std::vector<std::string_view> access_policy::permissions_of(std::string_view role) {
    static constexpr permission every[] = {
        permission::read_households,    permission::write_households,        permission::manage_users,
        permission::read_audit,         permission::set_county_quotas,       permission::set_village_quotas,
        permission::manage_helpers,     permission::pair_helpers,            permission::record_assistance,
        permission::record_visits,      permission::record_checks,           permission::open_review_rounds,
        permission::import_department_lists, permission::clear_flags,        permission::import_archive,
        permission::run_campaign,       permission::issue_notices};
    static_assert(std::size(every) == static_cast<std::size_t>(permission::issue_notices) + 1,
                  "every permission is listed");
    std::vector<std::string_view> out;
    for (const auto& g : grants)
        if (g.role == role)
            for (const auto p : every)
                if (granted(g, p)) out.push_back(name_of(p));
    return out;
}

bool access_policy::role_has_over_paired(std::string_view role, permission p) {
    return has(role, reach::paired_households, p);
}

void access_policy::require_role(const principal& who, permission p) {
    if (!role_has(who.role, p) && !role_has_over_paired(who.role, p))
        throw role_refused();
}

bool access_policy::area_covers(std::string_view user_area, std::string_view record_area) {
    return !user_area.empty() && record_area.size() >= user_area.size() &&
           record_area.compare(0, user_area.size(), user_area) == 0;
}

bool access_policy::allows(const principal& who, permission p, std::string_view record_area) {
    return role_has(who.role, p) && (record_area.empty() || area_covers(who.area_code, record_area));
}

void access_policy::require(const principal& who, permission p, std::string_view record_area) {
    if (!role_has(who.role, p))
        throw role_refused();
    if (!record_area.empty() && !area_covers(who.area_code, record_area))
        throw common::api_error(403, "area_forbidden", "该记录不在您负责的区域内,无权访问",
                                "that record is outside your area");
}

std::string access_policy::listed_area(const principal& who, const std::string& asked) {
    require(who, permission::read_households);
    if (asked.empty()) return who.area_code;
    const bool digits = asked.find_first_not_of("0123456789") == std::string::npos;
    const auto level = common::area_level_of_code(asked);
    if (!digits || level.empty() || level == "group")
        throw common::api_error(400, "invalid_parameter", "area 应为6、9或12位区划代码",
                                "area must be a division code of 6, 9 or 12 digits", "area");
    require(who, permission::read_households, asked);
    return asked;
}

bool access_policy::may_take_step(const principal& who, const std::vector<std::string_view>& roles,
                                  std::string_view case_village) {
    bool listed = false;
    for (auto r : roles) listed = listed || r == who.role;
    return listed && allows(who, permission::read_households, case_village);
}

void access_policy::require_step(const principal& who, const std::vector<std::string_view>& roles,
                                 std::string_view case_village) {
    bool allowed = false;
    for (auto r : roles) allowed = allowed || r == who.role;
    if (!allowed)
        throw common::api_error(403, "access_denied", "您的角色无权进行此步骤", "your role may not take this step");
    require(who, permission::read_households, case_village);
}

}  // namespace fupin::server::service
