#pragma once
// Natural changes of a household's members (人口自然变更): a birth, a death, a marriage in or out, a move in or out,
// a member's new ID number. Each is a change of the member list on a date with a reason, kept in the file's history
// (never changed); the household's per-capita income follows because the file is derived again. apply() is the one
// rule of what each kind does to the list, run by the server and, to preview, by the client.
#include <cstdint>
#include <optional>
#include <string>

#include "common/household.hpp"

namespace fupin::common {

// What is asked of a change, as a clerk sends it.
struct member_change_request {
    std::string kind;          // vocabulary::member_change_kinds
    std::string effective_on;  // "YYYY-MM-DD", China: when it happened, not after today
    std::string reason;        // why, as the clerk records it; required, at most 500 characters
    std::optional<member> added;   // birth, marriage_in, move_in: the member who joins
    std::string id_number;         // death, marriage_out, move_out, id_number_change: the member concerned
    std::string new_id_number;     // id_number_change: the member's new number
    std::string new_head_id_number;  // when the head leaves: the member who becomes head
};

// A change as the file's history keeps it.
struct member_change {
    std::int64_t id = 0;
    std::int64_t household_id = 0;
    std::string kind;
    std::string effective_on;
    std::string reason;
    std::string name;           // the member who joined, left or was renumbered
    std::string id_number;      // that member's number (the old one for id_number_change)
    std::string new_id_number;  // id_number_change only
    std::string new_head_name;  // when the head left: who became head
    int size_before = 0;        // members before and after
    int size_after = 0;
    money_fen income_removed = 0;  // a leaver's migrant work income, taken out of the household's wages
    std::string recorded_by;
    std::int64_t recorded_at_ms = 0;
};

bool adds_member(const std::string& kind);     // birth, marriage_in, move_in
bool removes_member(const std::string& kind);  // death, marriage_out, move_out

// Applies the change to h's member list and returns its history entry (without id, household, who and when). A
// member who leaves takes his migrant work income (务工收入) out of the household's wages; the new head, when the
// head leaves, is the one member whose relation changes (the others' stay as recorded until an edit).
// Throws api_error 422 (invalid_field at the request's field) for a kind, date, reason or number that is wrong, a
// member not in the household, a missing new head; 409 last_member when the last member would leave. The file is
// derived and validated by the caller, as every edit is.
member_change apply(household& h, const member_change_request& request, const std::string& today);

}  // namespace fupin::common
