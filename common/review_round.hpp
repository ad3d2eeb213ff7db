#pragma once
// Half-yearly review rounds (半年审核调整一次): the county opens a round for a year and half with a deadline;
// every registered household enters it; its village enters the file again (the income of the period, the
// members and conditions confirmed or changed) and the rules judge it again: it stays (继续帮扶), is proposed for
// exit (拟脱贫: it meets the year's exit standard), or is flagged (疑点: the new figures contradict the file). The
// value types shared by server and client, and the one rule of the outcome (judge_review_entry).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/department_check.hpp"
#include "common/exit_rules.hpp"
#include "common/household.hpp"
#include "common/identification_rules.hpp"

namespace fupin::common {

struct review_round {
    std::int64_t id = 0;
    int year = 0;
    int half = 1;             // 1: 上半年, 2: 下半年
    std::string deadline;     // YYYY-MM-DD (China): entries after it count as overdue
    std::string opened_by;
    std::int64_t opened_at_ms = 0;
    int households = 0;       // read: the entries
    int entered = 0;
};

// A household in a round: what the file said when the round opened, and the village's entry once made.
struct review_entry {
    std::int64_t round_id = 0;
    std::int64_t household_id = 0;
    std::string township_code;
    std::string village_code;
    std::string village_name;  // read
    std::string head_name;     // read
    int size_before = 0;
    money_fen per_capita_before = 0;
    // The entry (entered_at_ms 0 until then).
    std::string outcome;  // vocabulary::review_outcomes: stays | proposed_exit | flagged; "" until entered
    std::vector<verdict_reason> reasons;  // why it is flagged, or the exit verdict's shortfalls
    int size_after = 0;
    money_fen per_capita_after = 0;
    std::string note;
    std::string entered_by;
    std::int64_t entered_at_ms = 0;
    // Read: an open flag of an excluding kind from the other departments' lists (common/department_check.hpp)
    // holds the household in the 疑点 list, entered or not, until a reviewer clears it; outcome then reads flagged
    // and reasons end with the flags'.
    bool held_by_flag = false;
};

// Progress of a round in one area (a village or a township; the county with area_code "").
struct review_progress {
    std::string area_code;
    std::string area_name;
    int households = 0;
    int entered = 0;
    int outstanding = 0;
    int overdue = 0;  // outstanding after the deadline
    int stays = 0;
    int proposed_exit = 0;
    int flagged = 0;
};

// When the new figures contradict the file: the per-capita income more than doubled (or rose from nothing), by
// at least review_income_jump_floor (a few hundred yuan on a tiny income is no contradiction).
inline constexpr int review_income_jump_factor = 2;
inline constexpr money_fen review_income_jump_floor = 100000;  // 1,000 yuan

// The outcome of an entry: `entered` (its per_capita_net_income derived) against what the file said when the
// round opened (size_before, per_capita_before). Flagged (疑点) when the per-capita income more than doubled (or
// rose from nothing or less) by at least the floor, or members are gone; else proposed for exit when the year's standard is set and met on `today`; else stays.
// Fills outcome, reasons, size_after and per_capita_after of `entry`.
void judge_review_entry(review_entry& entry, const household& entered, const std::optional<exit_standard>& standard,
                        const std::string& today);

// The entry as the round's lists read it while other departments' flags hold its household (the flags with
// household_flag::holds, common/department_check.hpp): 疑点 (flagged), held_by_flag, the flags' reasons after its
// own. Nothing changes when `holding` is empty.
void hold_review_entry(review_entry& entry, const std::vector<household_flag>& holding);

}  // namespace fupin::common
