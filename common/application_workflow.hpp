#pragma once
// The state machines of a case (docs/procedure.md draws them): identification (识别, a household enters) and exit
// (脱贫退出, a registered household leaves). The one table of which step may be taken from which state, by which
// roles, and which steps wait for a posting to run its course. The two kinds share the refusal, the posting, the
// objections and the history; their states have distinct codes, so a state names its kind. The server enforces
// it; the client reads it to say what comes next. Area: the user's area must cover the case's village (a village clerk
// their village, a township's staff their township, the county office everything), checked by the server's
// access policy.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace fupin::common {

// State codes (labels in vocabulary::application_states).
namespace application_state {
inline constexpr std::string_view applied = "applied";                      // 个人申请
inline constexpr std::string_view group_appraised = "group_appraised";      // 村小组初评
inline constexpr std::string_view village_verified = "village_verified";    // 村委会调查核实
inline constexpr std::string_view village_appraised = "village_appraised";  // 民主评议
inline constexpr std::string_view village_posted = "village_posted";        // 第一榜公示(村,7天)
inline constexpr std::string_view cadre_signed = "cadre_signed";            // 驻村干部签字上报
inline constexpr std::string_view township_reviewed = "township_reviewed";  // 乡镇审核
inline constexpr std::string_view township_posted = "township_posted";      // 第二榜公示(乡镇,7天)
inline constexpr std::string_view township_signed = "township_signed";      // 乡镇长签字盖章上报
inline constexpr std::string_view county_approved = "county_approved";      // 县级审批
inline constexpr std::string_view county_posted = "county_posted";          // 第三榜公示(县,15天)
inline constexpr std::string_view registered = "registered";                // 建档立卡
inline constexpr std::string_view announced = "announced";                  // 结果返村张榜公示
inline constexpr std::string_view refused = "refused";                      // 未通过(终止), either kind
// Exit (脱贫退出).
inline constexpr std::string_view exit_proposed = "exit_proposed";                // 村提出拟退出
inline constexpr std::string_view exit_appraised = "exit_appraised";              // 民主评议通过
inline constexpr std::string_view exit_acknowledged = "exit_acknowledged";        // 贫困户签字认可
inline constexpr std::string_view exit_village_posted = "exit_village_posted";    // 村内公示(7天)
inline constexpr std::string_view exit_reviewed = "exit_reviewed";                // 乡镇审核
inline constexpr std::string_view exit_approved = "exit_approved";                // 县级审批
inline constexpr std::string_view exit_county_posted = "exit_county_posted";      // 县级公告
inline constexpr std::string_view exited = "exited";                              // 已脱贫退出(终止)
}  // namespace application_state

// What a case is for (labels in vocabulary::case_kinds).
namespace case_kind {
inline constexpr std::string_view identification = "identification";
inline constexpr std::string_view exit = "exit";
}  // namespace case_kind

// Action codes (labels in vocabulary::procedure_actions).
namespace procedure_action {
inline constexpr std::string_view apply = "apply";
inline constexpr std::string_view group_appraise = "group_appraise";
inline constexpr std::string_view verify = "verify";
inline constexpr std::string_view appraise = "appraise";  // through a village appraisal (POST /appraisals)
inline constexpr std::string_view post = "post";          // through a posting (POST /postings)
inline constexpr std::string_view sign = "sign";          // the resident cadre, then the township head
inline constexpr std::string_view review = "review";
inline constexpr std::string_view approve = "approve";
inline constexpr std::string_view register_household = "register";
inline constexpr std::string_view refuse = "refuse";      // ends the case
inline constexpr std::string_view send_back = "return";   // returns the case to an earlier step
inline constexpr std::string_view object = "object";      // an objection recorded (the case stays)
inline constexpr std::string_view answer = "answer";      // an objection answered
// Exit.
inline constexpr std::string_view propose = "propose";          // the village proposes the exit (POST /exit-proposals)
inline constexpr std::string_view acknowledge = "acknowledge";  // the household signs that it agrees
inline constexpr std::string_view exit_household = "exit";      // the household leaves: status exited
// A case brought into its final state by an import of the earlier archive (docs/imports.md).
inline constexpr std::string_view import_archive = "import";
}  // namespace procedure_action

struct workflow_transition {
    std::string_view action;
    std::string_view from_state;
    std::string_view to_state;
    std::vector<std::string_view> roles;  // who may take it
    // The from_state is a posting: the step is allowed only from the posting's next_step_on day and only
    // while no objection to the case is open.
    bool waits_for_posting = false;
    // The quota of the year is checked (and a place taken) by this step.
    bool takes_quota_place = false;
    // The rules of the case's kind judge the current household file: the identification rules (an ineligible
    // household stops) or the exit standard (a household that falls short of it stays).
    bool judges_household = false;
    // An exit case's appraisal: the step carries the panel's vote (exit_vote); half the panel or fewer for refuses.
    bool takes_vote = false;
    // The step carries the household's acknowledgement (exit_acknowledgement).
    bool takes_acknowledgement = false;
};

class application_workflow {
public:
    // Every forward step, in procedure order.
    static const std::vector<workflow_transition>& transitions();

    // The step `action` from `state`, or nullptr when the procedure has no such step.
    static const workflow_transition* find(std::string_view action, std::string_view state);
    // The forward steps possible from `state` (what comes next), in order.
    static std::vector<const workflow_transition*> next_steps(std::string_view state);

    static bool is_state(std::string_view state);
    // registered, announced, exited, refused: nothing can undo them
    static bool is_final(std::string_view state);
    // The kind of case a state belongs to (refused: either; answered as identification).
    static std::string_view kind_of(std::string_view state);
    // The step that opens a case of `kind` (apply, propose), from the empty state.
    static const workflow_transition& opening(std::string_view kind);
    // Whether an open flag from another department's list (common/department_check.hpp) stops this step: every
    // step of identification that judges the file (apply, verify, approve), and registration. No exit step.
    static bool stopped_by_department_flags(const workflow_transition& t);

    // The posting a *_posted state waits on: village | township | county | exit_village | exit_county; nullopt
    // for other states.
    static std::optional<std::string_view> posting_level_of(std::string_view state);
    // The state cases must be in to go on a posting of `level`, and the state they move to.
    static std::optional<std::string_view> state_before_posting(std::string_view level);

    // Who may refuse or return a case in `state` (the staff of the level the case is at); empty when final.
    static std::vector<std::string_view> refusers(std::string_view state);
    // Where a return sends a case in `state`: the start of the level below, which must do its part again.
    // nullopt where there is nothing to return to (a fresh application) or the case is final.
    static std::optional<std::string_view> return_target(std::string_view state);

    // The level of area a posting of `level` is published in: village, township or county.
    static std::string_view posting_area_level(std::string_view level);

    // Who may record an objection to a case on a posting of `level`, and who answers it.
    static std::vector<std::string_view> objection_recorders(std::string_view level);
    static std::vector<std::string_view> objection_answerers(std::string_view level);

    // The level whose staff acts next on a case in `state`: "village", "township" or "county"; "" when final.
    static std::string_view level_of(std::string_view state);

    // States in which a case holds one of its area's places for the year (approved by the county or beyond).
    static const std::vector<std::string_view>& states_holding_a_place();
};

bool role_in(std::string_view role, const std::vector<std::string_view>& roles);

}  // namespace fupin::common
