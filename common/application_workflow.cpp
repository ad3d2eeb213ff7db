#include "common/application_workflow.hpp"

#include <algorithm>

namespace fupin::common {
namespace {

namespace s = application_state;
namespace a = procedure_action;

constexpr std::string_view village_clerk = "village_clerk";
constexpr std::string_view resident_cadre = "resident_cadre";
constexpr std::string_view township_reviewer = "township_reviewer";
constexpr std::string_view township_head = "township_head";
constexpr std::string_view county_approver = "county_approver";

constexpr bool waits = true, judges = true, quota = true, vote = true, acknowledgement = true;

// Read as the procedures of DOMAIN.md, top to bottom: identification, then exit.
const std::vector<workflow_transition>& table() {
    static const std::vector<workflow_transition> t{
        //  action             from                  to                   roles
        //                                           waits for posting, takes a quota place, judges the file,
        //                                           takes a vote, takes an acknowledgement
        {a::apply, "", s::applied, {village_clerk}, false, false, judges},
        {a::group_appraise, s::applied, s::group_appraised, {village_clerk}},
        {a::verify, s::group_appraised, s::village_verified, {village_clerk}, false, false, judges},
        {a::appraise, s::village_verified, s::village_appraised, {village_clerk}},
        {a::post, s::village_appraised, s::village_posted, {village_clerk}},
        {a::sign, s::village_posted, s::cadre_signed, {resident_cadre}, waits},
        {a::review, s::cadre_signed, s::township_reviewed, {township_reviewer}},
        {a::post, s::township_reviewed, s::township_posted, {township_reviewer}},
        {a::sign, s::township_posted, s::township_signed, {township_head}, waits},
        {a::approve, s::township_signed, s::county_approved, {county_approver}, false, quota, judges},
        {a::post, s::county_approved, s::county_posted, {county_approver}},
        {a::register_household, s::county_posted, s::registered, {county_approver}, waits},
        {a::post, s::registered, s::announced, {village_clerk}},

        // Exit: the village proposes a household that meets the exit standard, its panel votes, the household
        // signs, the village posts; the township reviews and the county approves (the standard judged again at
        // each), the county posts, and the household leaves.
        {a::propose, "", s::exit_proposed, {village_clerk}, false, false, judges},
        {a::appraise, s::exit_proposed, s::exit_appraised, {village_clerk}, false, false, false, vote},
        {a::acknowledge, s::exit_appraised, s::exit_acknowledged, {village_clerk}, false, false, false, false,
         acknowledgement},
        {a::post, s::exit_acknowledged, s::exit_village_posted, {village_clerk}},
        {a::review, s::exit_village_posted, s::exit_reviewed, {township_reviewer}, waits, false, judges},
        {a::approve, s::exit_reviewed, s::exit_approved, {county_approver}, false, false, judges},
        {a::post, s::exit_approved, s::exit_county_posted, {county_approver}},
        {a::exit_household, s::exit_county_posted, s::exited, {county_approver}, waits},
    };
    return t;
}

const std::vector<std::string_view> all_states{
    s::applied,      s::group_appraised,   s::village_verified, s::village_appraised, s::village_posted,
    s::cadre_signed, s::township_reviewed, s::township_posted,  s::township_signed,   s::county_approved,
    s::county_posted, s::registered,       s::announced,        s::refused,
    s::exit_proposed, s::exit_appraised,   s::exit_acknowledged, s::exit_village_posted, s::exit_reviewed,
    s::exit_approved, s::exit_county_posted, s::exited};

// A case is at the level whose staff acts on it next: an exit on the village's posting waits for the
// township's review, one reviewed by the township for the county's approval.
bool is_village_level(std::string_view st) {
    return st == s::applied || st == s::group_appraised || st == s::village_verified || st == s::village_appraised ||
           st == s::village_posted || st == s::exit_proposed || st == s::exit_appraised || st == s::exit_acknowledged;
}
bool is_township_level(std::string_view st) {
    return st == s::cadre_signed || st == s::township_reviewed || st == s::township_posted ||
           st == s::exit_village_posted;
}
bool is_county_level(std::string_view st) {
    return st == s::township_signed || st == s::county_approved || st == s::county_posted || st == s::exit_reviewed ||
           st == s::exit_approved || st == s::exit_county_posted;
}

}  // namespace

std::string_view application_workflow::level_of(std::string_view state) {
    if (is_village_level(state)) return "village";
    if (is_township_level(state)) return "township";
    if (is_county_level(state)) return "county";
    return "";
}

bool role_in(std::string_view role, const std::vector<std::string_view>& roles) {
    return std::find(roles.begin(), roles.end(), role) != roles.end();
}

const std::vector<workflow_transition>& application_workflow::transitions() { return table(); }

const workflow_transition* application_workflow::find(std::string_view action, std::string_view state) {
    for (const auto& t : table())
        if (t.action == action && t.from_state == state) return &t;
    return nullptr;
}

std::vector<const workflow_transition*> application_workflow::next_steps(std::string_view state) {
    std::vector<const workflow_transition*> out;
    for (const auto& t : table())
        if (t.from_state == state && !state.empty()) out.push_back(&t);
    return out;
}

bool application_workflow::is_state(std::string_view state) {
    return std::find(all_states.begin(), all_states.end(), state) != all_states.end();
}

bool application_workflow::is_final(std::string_view state) {
    return state == s::registered || state == s::announced || state == s::refused || state == s::exited;
}

std::string_view application_workflow::kind_of(std::string_view state) {
    return state.rfind("exit", 0) == 0 ? case_kind::exit : case_kind::identification;
}

bool application_workflow::stopped_by_department_flags(const workflow_transition& t) {
    return kind_of(t.to_state) == case_kind::identification &&
           (t.judges_household || t.action == procedure_action::register_household);
}

const workflow_transition& application_workflow::opening(std::string_view kind) {
    return *find(kind == case_kind::exit ? a::propose : a::apply, "");
}

std::optional<std::string_view> application_workflow::posting_level_of(std::string_view state) {
    if (state == s::village_posted) return "village";
    if (state == s::township_posted) return "township";
    if (state == s::county_posted) return "county";
    if (state == s::exit_village_posted) return "exit_village";
    if (state == s::exit_county_posted) return "exit_county";
    return std::nullopt;
}

std::optional<std::string_view> application_workflow::state_before_posting(std::string_view level) {
    if (level == "village") return s::village_appraised;
    if (level == "township") return s::township_reviewed;
    if (level == "county") return s::county_approved;
    if (level == "result") return s::registered;
    if (level == "exit_village") return s::exit_acknowledged;
    if (level == "exit_county") return s::exit_approved;
    return std::nullopt;
}

std::string_view application_workflow::posting_area_level(std::string_view level) {
    if (level == "township") return "township";
    if (level == "county" || level == "exit_county") return "county";
    return "village";  // village, result, exit_village
}

std::vector<std::string_view> application_workflow::refusers(std::string_view state) {
    if (is_village_level(state)) return {village_clerk, resident_cadre};
    if (is_township_level(state)) return {township_reviewer, township_head};
    if (is_county_level(state)) return {county_approver};
    return {};
}

std::optional<std::string_view> application_workflow::return_target(std::string_view state) {
    // An exit goes back to its proposal from any level: a doubt about a household's exit is for the village to
    // weigh again, with a new vote, acknowledgement and posting.
    if (kind_of(state) == case_kind::exit) {
        if (state == s::exit_proposed || is_final(state)) return std::nullopt;
        return s::exit_proposed;
    }
    // A village returns a case to the group's preliminary appraisal; a township returns it to the village
    // to verify again; the county returns it to the township to review again.
    if (is_village_level(state) && state != s::applied) return s::applied;
    if (is_township_level(state)) return s::group_appraised;
    if (is_county_level(state)) return s::cadre_signed;
    return std::nullopt;
}

std::vector<std::string_view> application_workflow::objection_recorders(std::string_view level) {
    // An exit's postings take objections as identification's of the same area do.
    if (level == "exit_village") level = "village";
    if (level == "exit_county") level = "county";
    if (level == "village") return {village_clerk, resident_cadre, township_reviewer};
    if (level == "township") return {village_clerk, township_reviewer};
    if (level == "county") return {village_clerk, township_reviewer, county_approver};
    return {};
}

std::vector<std::string_view> application_workflow::objection_answerers(std::string_view level) {
    // The reviewer of the level that posted the list re-verifies and answers; an exit on the village's posting
    // is the township's to decide (its refusers), so the township answers, as the county answers its own.
    if (level == "exit_village") return {township_reviewer};
    if (level == "exit_county") level = "county";
    if (level == "village") return {village_clerk, township_reviewer};
    if (level == "township") return {township_reviewer};
    if (level == "county") return {county_approver};
    return {};
}

const std::vector<std::string_view>& application_workflow::states_holding_a_place() {
    static const std::vector<std::string_view> held{s::county_approved, s::county_posted, s::registered,
                                                    s::announced};
    return held;
}

}  // namespace fupin::common
