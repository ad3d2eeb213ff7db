#pragma once
// Checks against other departments (数据比对, docs/procedure.md "Checks against other departments"): the county
// imports the lists other departments keep (民政 低保 and 特困供养, 残联 disability certificates, 公安/车管
// vehicles, 住建/房管 commercial housing, 市场监管 business registrations, 财政 state payroll); every member's ID
// number found on a list raises a flag on the household, with its reason. Flags of the excluding kinds stop the
// household's identification (apply, verify, approve, register) and hold it in the current review round's 疑点
// list until a reviewer clears them with a reason. The value types shared by server and client, and the rules: which kinds exclude, and how a
// flag's reason reads.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/identification_rules.hpp"
#include "common/language.hpp"

namespace fupin::common {

// One imported list: its kind (vocabulary::department_list_kinds), year and source, kept with its import.
struct department_list {
    std::int64_t id = 0;
    std::string kind;
    int year = 0;
    std::string source;     // the department as it signs the list, e.g. 公安车管; the kind's department if none given
    std::string file_name;  // as the importer named it, for the record only
    std::string encoding;   // utf-8 | gb18030: how the file was read
    int rows = 0;
    int flagged_households = 0;  // households flagged by this list when it was imported
    std::string imported_by;
    std::int64_t imported_at_ms = 0;
};

// One row of a list: a person the department knows, and what it knows (a car, a flat, a business, …).
struct department_list_row {
    int line = 0;             // line of the file where the row starts (the header is line 1)
    std::string id_number;    // checked (GB 11643), normalized
    std::string name;         // as the department spells it; may be empty
    std::string detail;       // e.g. 轿车一辆; may be empty
    std::string recorded_on;  // YYYY-MM or YYYY-MM-DD; may be empty
};

// A member of a household found on a list.
struct household_flag {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::string township_code;  // read: the file's, now
    std::string village_code;
    std::string village_name;
    std::string head_name;
    std::int64_t list_id = 0;
    std::string kind;  // the list's
    int year = 0;      // the list's
    std::string source;
    int line = 0;
    std::string member_name;  // the member's name on the file when the flag was raised
    std::string detail;       // the list row's
    std::string recorded_on;
    bool excluding = false;  // the list's kind excludes (excludes())
    // Read: an open flag of an excluding kind whose member is still in the household (a member who died or left
    // takes the flag's hold with him). Such a flag stops identification and holds a round's entry.
    bool holds = false;
    std::int64_t raised_at_ms = 0;
    // Cleared (核销) by a reviewer who checked it: who, when, why. Empty and 0 while open.
    std::string cleared_by;
    std::int64_t cleared_at_ms = 0;
    std::string clear_reason;

    bool open() const { return cleared_at_ms == 0; }
};

// Whether a hit on a list of this kind rules the household out (vehicle, commercial housing, business, state
// payroll: 四类排除) until a reviewer clears it. The other kinds (低保, 特困, disability) are facts the township
// should know, not contradictions.
bool excludes(std::string_view kind);

// The department a list of this kind comes from when its importer names none: 民政, 残联, 公安车管, 住建房管,
// 市场监管, 财政.
std::string default_source(std::string_view kind);

// The reason as officials read it, e.g. "成员王某名下有机动车：轿车一辆（公安车管，2027-03）".
std::string flag_reason(const household_flag& f, language lang);

// The flags that hold (household_flag::holds) as the reasons of a refusal, a verdict or a review entry (code
// department_flag), in order.
std::vector<verdict_reason> excluding_reasons(const std::vector<household_flag>& flags);

}  // namespace fupin::common
