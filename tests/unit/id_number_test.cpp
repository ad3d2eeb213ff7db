#include "common/id_number.hpp"

#include <gtest/gtest.h>

namespace {

using namespace fupin::common;
using namespace std::chrono;

constexpr year_month_day today{year{2026}, November, day{29}};

// Valid numbers, computed by the GB 11643 algorithm once and written down here.
constexpr const char* well_known = "11010519491231002X";  // the standard's own example: female, 1949-12-31
constexpr const char* man_1965 = "529901196503120016";    // male, 1965-03-12 (the protocol's example with the right check digit)
constexpr const char* leap_day = "529901200002290024";    // female, born on 2000-02-29 (2000 is a leap year)

TEST(id_number, check_digit_matches_the_standard) {
    EXPECT_EQ(id_number_check_digit("11010519491231002"), 'X');
    EXPECT_EQ(id_number_check_digit("52990119650312001"), '6');
    EXPECT_EQ(id_number_check_digit("52990120000229002"), '4');
    EXPECT_EQ(id_number_check_digit("5299012000022900"), '\0');
    EXPECT_EQ(id_number_check_digit("5299012000022900A"), '\0');
}

TEST(id_number, valid_numbers_give_their_facts) {
    auto r = check_id_number(well_known, today);
    ASSERT_TRUE(r.ok()) << id_number_problem_code(r.problem);
    EXPECT_EQ(r.facts.birth_date, "1949-12-31");
    EXPECT_EQ(r.facts.sex, "female");
    EXPECT_EQ(r.facts.region_code, "110105");

    r = check_id_number(man_1965, today);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.facts.birth_date, "1965-03-12");
    EXPECT_EQ(r.facts.sex, "male");
    EXPECT_EQ(r.facts.region_code, "529901");

    r = check_id_number(leap_day, today);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.facts.birth_date, "2000-02-29");
}

TEST(id_number, lowercase_x_is_accepted_and_normalised) {
    const auto r = check_id_number("11010519491231002x", today);
    ASSERT_TRUE(r.ok());
    EXPECT_EQ(r.normalized, "11010519491231002X");
}

TEST(id_number, wrong_check_digit_is_refused) {
    EXPECT_EQ(check_id_number("110105194912310021", today).problem, id_number_problem::invalid_check_digit);
    EXPECT_EQ(check_id_number("52990119650312001X", today).problem, id_number_problem::invalid_check_digit);
    EXPECT_EQ(check_id_number("529901196503120017", today).problem, id_number_problem::invalid_check_digit);
}

TEST(id_number, wrong_length_is_refused) {
    EXPECT_EQ(check_id_number("", today).problem, id_number_problem::not_18_chars);
    EXPECT_EQ(check_id_number("52990119650312001", today).problem, id_number_problem::not_18_chars);
    EXPECT_EQ(check_id_number("5299011965031200160", today).problem, id_number_problem::not_18_chars);
    // 15-digit first-generation numbers are not accepted either.
    EXPECT_EQ(check_id_number("529901650312001", today).problem, id_number_problem::not_18_chars);
}

TEST(id_number, invalid_characters_are_refused) {
    EXPECT_EQ(check_id_number("52990119650312001A", today).problem, id_number_problem::invalid_characters);
    EXPECT_EQ(check_id_number("5299011965031200X6", today).problem, id_number_problem::invalid_characters);
    EXPECT_EQ(check_id_number(" 52990119650312001", today).problem, id_number_problem::invalid_characters);
}

// Builds a number with the right check digit around a birth date, so only the date can be wrong.
std::string with_date(const char* yyyymmdd) {
    std::string first17 = std::string("529901") + yyyymmdd + "001";
    const char check = id_number_check_digit(first17);
    return first17 + (check ? check : '0');
}

TEST(id_number, impossible_birth_dates_are_refused) {
    for (const char* date : {"19900230", "19990229", "19001301", "19900001", "19900100", "18991231", "20261130",
                             "20270101", "19900431"}) {
        EXPECT_EQ(check_id_number(with_date(date), today).problem, id_number_problem::invalid_birth_date) << date;
    }
    for (const char* date : {"19000101", "20000229", "19960229", "20261129", "19901231"}) {
        EXPECT_TRUE(check_id_number(with_date(date), today).ok()) << date;
    }
}

TEST(id_number, problem_codes_and_messages) {
    EXPECT_STREQ(id_number_problem_code(id_number_problem::invalid_check_digit), "invalid_check_digit");
    EXPECT_STREQ(id_number_problem_code(id_number_problem::not_18_chars), "not_18_chars");
    EXPECT_STREQ(id_number_problem_message(id_number_problem::invalid_check_digit, false), "身份证号校验码错误");
}

TEST(id_number, mask_keeps_only_region_and_last_character) {
    EXPECT_EQ(mask_id_number("529901196503120016"), "529901***********6");
    EXPECT_EQ(mask_id_number("52990119650312"), "**************");
    EXPECT_EQ(mask_id_number(""), "");
}

}  // namespace
