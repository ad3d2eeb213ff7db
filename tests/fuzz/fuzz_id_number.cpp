// Resident ID numbers (common/id_number.hpp) on arbitrary bytes, with the UTF-8 and name checks that guard the
// same personal text fields (common/utf8.hpp, common/name_mask.hpp). None of these throws; the checks are the
// promises of their headers.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "common/id_number.hpp"
#include "common/name_mask.hpp"
#include "common/utf8.hpp"
#include "tests/fuzz/fuzz_support.hpp"

namespace {

using namespace fupin::common;
using std::chrono::day;
using std::chrono::month;
using std::chrono::year;
using std::chrono::year_month_day;

bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

void check_number(std::string_view text, year_month_day today) {
    const auto r = check_id_number(text, today);
    FUZZ_CHECK(std::strlen(id_number_problem_code(r.problem)) == 0 || !r.ok());
    FUZZ_CHECK(id_number_problem_message(r.problem, true) != nullptr);
    FUZZ_CHECK(id_number_problem_message(r.problem, false) != nullptr);
    if (text.size() != 18) {
        FUZZ_CHECK(r.problem == id_number_problem::not_18_chars);
        return;
    }
    FUZZ_CHECK(r.problem != id_number_problem::not_18_chars);
    FUZZ_CHECK(r.normalized.size() == 18);
    if (!r.ok()) return;
    const std::string& n = r.normalized;
    FUZZ_CHECK(all_digits(std::string_view(n).substr(0, 17)));
    FUZZ_CHECK(id_number_check_digit(std::string_view(n).substr(0, 17)) == n[17]);
    FUZZ_CHECK(r.facts.region_code == n.substr(0, 6));
    FUZZ_CHECK(r.facts.birth_date.size() == 10 && r.facts.birth_date[4] == '-' && r.facts.birth_date[7] == '-');
    FUZZ_CHECK(r.facts.sex == "male" || r.facts.sex == "female");
    // The birth date it names is a real day between 1900 and today.
    const int y = std::stoi(r.facts.birth_date.substr(0, 4));
    const unsigned m = static_cast<unsigned>(std::stoi(r.facts.birth_date.substr(5, 2)));
    const unsigned d = static_cast<unsigned>(std::stoi(r.facts.birth_date.substr(8, 2)));
    const year_month_day birth{year{y}, month{m}, day{d}};
    FUZZ_CHECK(birth.ok() && birth.year() >= year{1900} && birth <= today);
    // Checking the normalised number again says the same.
    const auto again = check_id_number(n, today);
    FUZZ_CHECK(again.ok() && again.normalized == n);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto text = fupin::fuzz::as_text(data, size);

    check_number(text, year_month_day{year{2026}, month{12}, day{6}});
    check_number(text, year_month_day{year{1900}, month{1}, day{1}});
    check_number(text, year_month_day{year{9999}, month{12}, day{31}});

    const char check = id_number_check_digit(text);
    if (check != '\0') {
        FUZZ_CHECK(text.size() == 17 && all_digits(text));
        FUZZ_CHECK((check >= '0' && check <= '9') || check == 'X');
    } else {
        FUZZ_CHECK(text.size() != 17 || !all_digits(text));
    }

    const auto masked = mask_id_number(text);
    FUZZ_CHECK(masked.size() == text.size());
    if (text.size() == 18) {
        FUZZ_CHECK(masked.substr(0, 6) == text.substr(0, 6) && masked[17] == text[17]);
        FUZZ_CHECK(masked.substr(6, 11) == std::string(11, '*'));
    } else {
        FUZZ_CHECK(masked.find_first_not_of('*') == std::string::npos);
    }

    const auto length = utf8_length(text);
    if (length) FUZZ_CHECK(*length <= text.size());
    (void)has_control_characters(text);

    const auto name = mask_name(text);
    if (text.empty()) {
        FUZZ_CHECK(name.empty());
    } else if (!length) {
        FUZZ_CHECK(name == "*");
    } else {
        // The first character, then one * per further character: as many characters as the name.
        const auto masked_length = utf8_length(name);
        FUZZ_CHECK(masked_length && *masked_length == *length);
        FUZZ_CHECK(text.substr(0, name.size() - (*length - 1)) == name.substr(0, name.size() - (*length - 1)));
    }
    return 0;
}
