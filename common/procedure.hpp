#pragma once
// The identification procedure (三级复审,三榜公示): the value types shared by client and server.
// The rules of the procedure are in application_workflow.hpp (which step from which state, by whom),
// identification_rules.hpp (who qualifies, the ranking) and posting_period.hpp (when a posting has run).
// JSON is in procedure_json.hpp. docs/procedure.md draws the whole procedure.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/household.hpp"

namespace fupin::common {

// One step of a case as it was taken: who, when, what and why.
struct application_step {
    int seq = 0;
    std::string action;      // application_workflow action code
    std::string from_state;  // "" for the application itself
    std::string to_state;
    std::int64_t at_ms = 0;
    std::string username;
    std::string role;
    std::string note;
    std::string reason;      // required for a refusal or a return
    std::string details;     // JSON object text: verdict, posting, objection, appraisal, quota figures
};

// A household's case for one year: its identification (识别) or its exit (脱贫退出).
struct application {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::string kind = "identification";  // vocabulary::case_kinds
    int year = 0;
    std::string state;  // application_workflow state code
    std::int64_t version = 0;
    std::string township_code;
    std::string village_code;
    int open_objections = 0;               // > 0: held at its step until every objection is answered
    std::optional<std::int64_t> posting_id;  // while on a posting
    std::optional<int> appraisal_rank;       // the village panel's final ranking
    std::int64_t created_at_ms = 0;
    std::int64_t updated_at_ms = 0;

    // Filled on read from the household file and the areas.
    std::string head_name;
    std::string township_name;
    std::string village_name;
    std::string group_code;
    std::string group_name;
    int household_size = 0;
    money_fen per_capita_net_income = 0;
    std::string main_cause;

    std::vector<application_step> steps;  // oldest first; on a single read only
};

struct application_filter {
    std::string kind;           // "": any
    int year = 0;               // 0: any
    std::string state;          // "": any
    std::string township_code;  // narrows within the caller's area
    std::string village_code;
    std::int64_t household_id = 0;  // 0: any
    int page_size = 100;        // 1..500
    std::int64_t after_id = 0;  // keyset paging: ids above this
};

// The village panel's vote on one household's exit (脱贫退出民主评议), given with the step `appraise` of an exit
// case. More than half the panel for passes; otherwise the exit is refused with that reason.
struct exit_vote {
    std::string meeting_date;  // YYYY-MM-DD, not after today
    std::vector<std::string> panel;  // 9 to 15 different names
    int votes_for = 0;
    int votes_against = 0;
    int votes_abstain = 0;
};

// The household's acknowledgement of its exit (贫困户签字认可), given with the step `acknowledge`.
struct exit_acknowledgement {
    std::string acknowledged_on;  // YYYY-MM-DD, the day the household signed; not after today
    std::string signed_by;        // the member who signed (usually the head)
    std::string witness;          // who witnessed it (a village cadre, the helper)
};

// The public form of a case on a posting: what the masses see (两个公认). Never an ID number.
struct posting_entry {
    std::int64_t application_id = 0;
    int position = 0;  // order on the list, from 1
    std::string head_name;
    std::string village_code;
    std::string village_name;
    std::string group_code;
    std::string group_name;
    int household_size = 0;
    money_fen per_capita_net_income = 0;
    std::string main_cause;
    std::optional<int> appraisal_rank;
};

struct posting {
    std::int64_t id = 0;
    std::string level;  // posting_levels: village | township | county | result
    std::string area_code;
    std::string area_name;
    int year = 0;
    std::string published_on;  // YYYY-MM-DD, China Standard Time
    int days = 0;
    std::string last_day;      // published_on + days - 1: the posting runs through the end of this day
    std::string next_step_on;  // published_on + days: the first day the next step may be taken
    std::int64_t published_at_ms = 0;
    std::string published_by;
    std::vector<posting_entry> entries;
};

struct objection {
    std::int64_t id = 0;
    std::int64_t application_id = 0;
    std::int64_t posting_id = 0;
    std::string objector_name;
    std::string objector_contact;
    std::string grounds;
    std::string objected_on;  // YYYY-MM-DD
    std::string recorded_by;
    std::int64_t recorded_at_ms = 0;
    std::string state = "open";  // open | upheld | dismissed
    std::string answer;
    std::string consequence;     // upheld: refuse | return
    std::string answered_by;
    std::int64_t answered_at_ms = 0;
};

// One household's line in a village's democratic appraisal.
struct appraisal_result {
    std::int64_t application_id = 0;
    int proposed_rank = 0;  // the system's ranking from the indicators (filled by the server)
    int final_rank = 0;     // the panel's
    int votes_for = 0;
    int votes_against = 0;
    int votes_abstain = 0;
};

struct appraisal {
    std::int64_t id = 0;
    std::string village_code;
    int year = 0;
    std::string meeting_date;         // YYYY-MM-DD
    std::vector<std::string> panel;   // 9-15 members' names
    std::vector<appraisal_result> results;
    std::string recorded_by;
    std::int64_t recorded_at_ms = 0;
};

// A household as the system ranks it for the panel (五比五看), best placed first.
struct ranking_entry {
    std::int64_t application_id = 0;
    std::string head_name;
    int rank = 0;
    int priorities = 0;                  // how many of the three priorities apply
    money_fen per_capita_net_income = 0;
    money_fen per_capita_assets = 0;
    std::string consumption_level;
    int labourers = 0;                   // members with full labour capacity
};

struct quota {
    int year = 0;
    std::string area_code;
    std::string area_name;
    std::string level;        // county | township | village
    std::string parent_code;  // "" for the county
    int places = 0;           // the quota
    int used = 0;             // cases approved by the county or beyond (filled on read)
    int allocated = 0;        // the sum of the children's quotas (filled on read; villages: 0)
    std::string set_by;
    std::int64_t set_at_ms = 0;
};

struct poverty_line {
    int year = 0;
    money_fen amount = 0;  // per-capita net income per year
    std::string set_by;
    std::int64_t set_at_ms = 0;
};

// Posting lengths in days: the county may lengthen them (server configuration); 7, 7 and 15 in the plan.
struct posting_days {
    int village = 7;
    int township = 7;
    int county = 15;
    int result = 7;  // the result posted back to the village; nothing waits for its end
};

}  // namespace fupin::common
