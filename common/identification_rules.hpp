#pragma once
// Who may be identified as a poverty-alleviation target (识别), in one place: the income test on per-capita
// net income against the year's poverty line, the three priorities (三优先), the three exclusions (三不评), and
// 五保户/低保户 being outside this registration. The server applies it at the steps that judge eligibility
// (application_workflow); the client runs the same code to warn a clerk before submitting.
// Also the system's proposed ranking for a village's democratic appraisal (五比五看).
#include <string>
#include <vector>

#include "common/api_error.hpp"
#include "common/household.hpp"
#include "common/procedure.hpp"

namespace fupin::common {

// One reason of a verdict, in both languages, so a clerk and an objector can read why.
struct verdict_reason {
    std::string code;  // stable: below_line, above_line, priority_*, excluded_*, five_guarantee (poverty_type
                       // extreme_support), minimum_allowance (poverty_type minimum_allowance)
    std::string zh;
    std::string en;
    const std::string& text(language lang) const { return lang == language::en ? en : zh; }
};

// An amount as a verdict's text says it: "2300", "2300.50".
std::string yuan_text(money_fen fen);

struct identification_verdict {
    bool eligible = false;          // below the line, not excluded, not 五保 or 低保
    bool below_line = false;
    money_fen line = 0;
    money_fen per_capita_net_income = 0;
    std::vector<std::string> priorities;  // codes of the priorities that apply (priority_*)
    std::vector<std::string> exclusions;  // codes of what excludes (excluded_*, five_guarantee, minimum_allowance)
    std::vector<verdict_reason> reasons;  // every finding, the deciding ones first
};

class identification_rules {
public:
    // Judges h (its per_capita_net_income must be derived) against the poverty line of the year, in fen.
    // application_year (0: not checked): the incomes must be of that year or the one before, or the verdict
    // says they are out of date (an old year's figures prove nothing about this year).
    static identification_verdict judge(const household& h, money_fen poverty_line, int application_year = 0);

    // The indicators of a household, for the ranking.
    static ranking_entry indicators(const household& h);
    // Orders the entries as the system proposes them to the panel and numbers their ranks from 1: the
    // priorities first, then the lower per-capita income, the fewer per-capita assets, the lower consumption,
    // the fewer full labourers; ties by application id.
    static void rank(std::vector<ranking_entry>& entries);
};

}  // namespace fupin::common
