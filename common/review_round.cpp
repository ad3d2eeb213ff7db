#include "common/review_round.hpp"

namespace fupin::common {

void judge_review_entry(review_entry& entry, const household& entered, const std::optional<exit_standard>& standard,
                        const std::string& today) {
    entry.size_after = static_cast<int>(entered.members.size());
    entry.per_capita_after = entered.per_capita_net_income;
    entry.reasons.clear();
    // 疑点: what the village enters must agree with what the file said; a contradiction is looked into first.
    const auto rise = entry.per_capita_after - entry.per_capita_before;
    if (rise >= review_income_jump_floor &&
        (entry.per_capita_before <= 0 || entry.per_capita_after > review_income_jump_factor * entry.per_capita_before))
        entry.reasons.push_back({"income_jump",
                                 "人均纯收入由" + yuan_text(entry.per_capita_before) + "元增至" +
                                     yuan_text(entry.per_capita_after) + "元,增幅超过一倍,需核实",
                                 "per-capita net income went from " + yuan_text(entry.per_capita_before) + " to " +
                                     yuan_text(entry.per_capita_after) + " yuan, more than double: to be verified"});
    if (entry.size_after < entry.size_before)
        entry.reasons.push_back({"members_gone",
                                 "家庭人口由" + std::to_string(entry.size_before) + "人减为" +
                                     std::to_string(entry.size_after) + "人,需核实",
                                 "the household went from " + std::to_string(entry.size_before) + " to " +
                                     std::to_string(entry.size_after) + " members: to be verified"});
    if (!entry.reasons.empty()) {
        entry.outcome = "flagged";
        return;
    }
    if (standard) {
        const auto verdict = exit_rules::judge(entered, *standard, today);
        if (verdict.meets) {
            entry.outcome = "proposed_exit";
            return;
        }
        entry.reasons = verdict.shortfalls;  // why it stays: what it still lacks
    }
    entry.outcome = "stays";
}

void hold_review_entry(review_entry& entry, const std::vector<household_flag>& holding) {
    const auto reasons = excluding_reasons(holding);
    if (reasons.empty()) return;
    entry.outcome = "flagged";
    entry.held_by_flag = true;
    entry.reasons.insert(entry.reasons.end(), reasons.begin(), reasons.end());
}

}  // namespace fupin::common
