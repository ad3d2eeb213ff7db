#include "common/id_number.hpp"

#include <array>

namespace fupin::common {
namespace {

constexpr std::array<int, 17> weights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
constexpr std::string_view check_chars = "10X98765432";  // indexed by (weighted sum mod 11)

bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

int digits_value(std::string_view s) noexcept {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

char id_number_check_digit(std::string_view first17) {
    if (first17.size() != 17) return '\0';
    int sum = 0;
    for (std::size_t i = 0; i < 17; ++i) {
        if (!is_digit(first17[i])) return '\0';
        sum += (first17[i] - '0') * weights[i];
    }
    return check_chars[static_cast<std::size_t>(sum % 11)];
}

id_number_check check_id_number(std::string_view id_number, std::chrono::year_month_day today) {
    id_number_check result;
    // Count bytes: a multi-byte UTF-8 character can never be part of a valid number, and a length error is the
    // clearest message for a clerk who typed 17 or 19 characters.
    if (id_number.size() != 18) {
        result.problem = id_number_problem::not_18_chars;
        return result;
    }
    result.normalized.assign(id_number);
    if (result.normalized[17] == 'x') result.normalized[17] = 'X';
    const std::string& id = result.normalized;
    for (std::size_t i = 0; i < 17; ++i) {
        if (!is_digit(id[i])) {
            result.problem = id_number_problem::invalid_characters;
            return result;
        }
    }
    if (!is_digit(id[17]) && id[17] != 'X') {
        result.problem = id_number_problem::invalid_characters;
        return result;
    }

    using namespace std::chrono;
    const year_month_day birth{year{digits_value(std::string_view(id).substr(6, 4))},
                               month{static_cast<unsigned>(digits_value(std::string_view(id).substr(10, 2)))},
                               day{static_cast<unsigned>(digits_value(std::string_view(id).substr(12, 2)))}};
    // ok() rejects month 13, 2 月 30 日 and 2 月 29 日 of a common year.
    if (!birth.ok() || birth.year() < year{1900} || sys_days{birth} > sys_days{today}) {
        result.problem = id_number_problem::invalid_birth_date;
        return result;
    }
    if (id_number_check_digit(std::string_view(id).substr(0, 17)) != id[17]) {
        result.problem = id_number_problem::invalid_check_digit;
        return result;
    }

    result.facts.region_code = id.substr(0, 6);
    result.facts.birth_date = id.substr(6, 4) + "-" + id.substr(10, 2) + "-" + id.substr(12, 2);
    result.facts.sex = ((id[16] - '0') % 2 == 1) ? "male" : "female";
    return result;
}

const char* id_number_problem_code(id_number_problem problem) noexcept {
    switch (problem) {
        case id_number_problem::none: return "";
        case id_number_problem::not_18_chars: return "not_18_chars";
        case id_number_problem::invalid_characters: return "invalid_characters";
        case id_number_problem::invalid_birth_date: return "invalid_birth_date";
        case id_number_problem::invalid_check_digit: return "invalid_check_digit";
    }
    return "";
}

const char* id_number_problem_message(id_number_problem problem, bool english) noexcept {
    switch (problem) {
        case id_number_problem::none: return "";
        case id_number_problem::not_18_chars:
            return english ? "the ID number must be exactly 18 characters" : "身份证号应为18位";
        case id_number_problem::invalid_characters:
            return english ? "the ID number must be 17 digits followed by a digit or X"
                           : "身份证号应为17位数字加1位数字或X";
        case id_number_problem::invalid_birth_date:
            return english ? "the birth date in the ID number is not a real date between 1900 and today"
                           : "身份证号中的出生日期无效(须为1900年至今的真实日期)";
        case id_number_problem::invalid_check_digit:
            return english ? "the check digit of the ID number is wrong" : "身份证号校验码错误";
    }
    return "";
}

std::string mask_id_number(std::string_view id_number) {
    if (id_number.size() != 18) return std::string(id_number.size(), '*');
    std::string masked(id_number);
    for (std::size_t i = 6; i < 17; ++i) masked[i] = '*';
    return masked;
}

}  // namespace fupin::common
