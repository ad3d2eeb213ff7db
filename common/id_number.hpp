#pragma once
// Resident ID numbers (公民身份号码, GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence
// (odd for men, even for women) and a check digit (ISO 7064 MOD 11-2, 'X' standing for 10).
// The checker is shared by client and server so that a clerk sees offline the verdict the county will give.
#include <chrono>
#include <string>
#include <string_view>

namespace fupin::common {

// The check digit ('0'..'9' or 'X') of the first 17 digits. Returns '\0' if `first17` is not 17 ASCII digits.
char id_number_check_digit(std::string_view first17);

// What an ID number says about its holder.
struct id_number_facts {
    std::string birth_date;   // "YYYY-MM-DD"
    std::string sex;          // "male" | "female"
    std::string region_code;  // first 6 digits
};

// Why an ID number was refused. The stable codes are those of id_number_problem_code().
enum class id_number_problem {
    none,
    not_18_chars,         // not exactly 18 characters
    invalid_characters,   // not 17 digits followed by a digit or X
    invalid_birth_date,   // not a calendar date, in the future, or before 1900
    invalid_check_digit,  // the 18th character is not the check digit of the first 17
};

struct id_number_check {
    id_number_problem problem = id_number_problem::none;
    std::string normalized;  // the number with a lowercase x upper-cased (set whenever the length is right)
    id_number_facts facts;   // filled only when ok()
    bool ok() const noexcept { return problem == id_number_problem::none; }
};

// Checks an ID number against GB 11643. `today` (China Standard Time) bounds the birth date, so tests can fix it.
id_number_check check_id_number(std::string_view id_number, std::chrono::year_month_day today);

// "not_18_chars", "invalid_characters", "invalid_birth_date", "invalid_check_digit" ("" for none).
const char* id_number_problem_code(id_number_problem problem) noexcept;
// A sentence a clerk understands, e.g. "身份证号校验码错误" / "the check digit of the ID number is wrong".
const char* id_number_problem_message(id_number_problem problem, bool english) noexcept;

// For logs: keeps the region (first 6) and the last character, masks the rest, e.g. "529901***********6".
// Anything that is not 18 characters is masked entirely (it may still be personal data).
std::string mask_id_number(std::string_view id_number);

}  // namespace fupin::common
