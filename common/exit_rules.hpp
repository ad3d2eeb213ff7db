#pragma once
// Whether a household meets the exit standard (脱贫标准), in one place: per-capita net income above the year's exit
// line, and 两不愁三保障 as the file records it: food and clothing secure (不愁吃、不愁穿), every child of compulsory
// school age in school or with a recorded reason (义务教育有保障), every member in the basic medical insurance
// (基本医疗有保障), a house that is not dilapidated (住房安全有保障: no 危房, no C or D grade) and safe drinking
// water (饮水安全). The county sets the line and the transition period per year (exit_standard); the server
// judges a file with it and the client runs the same code to show a clerk what is missing.
#include <cstdint>
#include <string>
#include <vector>

#include "common/household.hpp"
#include "common/identification_rules.hpp"

namespace fupin::common {

// The county's exit standard of a year.
struct exit_standard {
    int year = 0;
    money_fen income_line = 0;  // per-capita net income a household must be above (元/人/年, in fen)
    int transition_years = 0;   // 脱贫不脱政策: years an exited household keeps its helpers and measures
    std::string set_by;
    std::int64_t set_at_ms = 0;
};

struct exit_verdict {
    bool meets = false;  // no shortfall
    money_fen income_line = 0;
    money_fen per_capita_net_income = 0;
    // What is missing, one reason per finding (a member's by name); empty when the household meets the standard.
    // Codes: income_not_above_line, income_out_of_date, food_insecure, clothing_insecure, child_out_of_school,
    // member_uninsured, housing_unsafe, water_unsafe.
    std::vector<verdict_reason> shortfalls;
};

class exit_rules {
public:
    // Compulsory schooling (义务教育): from the 6th birthday to the day before the 16th.
    static constexpr int compulsory_school_from_age = 6;
    static constexpr int compulsory_school_until_age = 15;

    // Judges h (its per_capita_net_income derived) on `today` ("YYYY-MM-DD", China), or on the standard's last
    // day when that came before: the members' ages count on that day. The incomes must be of the standard's year
    // or the one before.
    static exit_verdict judge(const household& h, const exit_standard& standard, const std::string& today);

    // Age in whole years on `on` of someone born on `birth_date`, both "YYYY-MM-DD"; -1 when either is malformed.
    static int age_on(const std::string& birth_date, const std::string& on);
};

}  // namespace fupin::common
