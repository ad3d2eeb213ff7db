#pragma once
// The rules a household file must meet before it is stored, shared by client and server so that a clerk sees
// offline the verdict the county will give. derive() fills what follows from other fields; validate() refuses
// with a fupin::common::api_error (422) naming the field as a JSON path into the request, e.g.
// "members[2].id_number", "income.wages", "causes.others[1]".
// Codes: missing_field, invalid_value, invalid_id_number, id_number_mismatch, too_long, too_many.
#include <chrono>
#include <string_view>
#include <vector>

#include "common/api_error.hpp"
#include "common/household.hpp"

namespace fupin::common {

// Limits. Ceilings are far above any real household and exist to catch typing errors and overflow.
inline constexpr std::size_t max_members = 20;
inline constexpr std::size_t max_other_causes = 2;
inline constexpr money_fen max_money_fen = 1'000'000'000;  // 10,000,000 yuan
inline constexpr double max_land_mu = 10'000;
inline constexpr double max_housing_area_m2 = 10'000;
inline constexpr double max_main_road_distance_km = 1'000;
inline constexpr std::size_t max_name_chars = 30;
inline constexpr std::size_t max_address_chars = 200;
inline constexpr std::size_t max_bank_name_chars = 50;
inline constexpr std::size_t max_assets_note_chars = 200;
inline constexpr std::size_t max_phone_chars = 20;
inline constexpr std::size_t max_bank_account_digits = 32;
inline constexpr std::size_t max_national_number_digits = 32;
inline constexpr int min_income_year = 2000;

// A phone number as people write it: digits, + and -, ending in a digit (the length is checked apart).
bool well_formed_phone(std::string_view phone);

// The transfers of every kind together (转移性收入).
money_fen transfers_total(const transfer_income& t);
// The net income: wages, the business's gross less its expenses, property, transfers and support.
money_fen income_total(const income& in);

// Fills the derived fields: upper-cases a trailing x in ID numbers; sex and birth_date from a valid ID number
// only where they are empty (a sent value is kept, so validate() can say it disagrees); head_name from the member
// whose relation is "head"; per_capita_net_income = total net income / household size, rounded down to the fen.
void derive(household& h);

// Every problem found, in field order (empty if the file is valid). For a client that shows them all at once.
std::vector<api_error> find_problems(const household& h, std::chrono::year_month_day today);

// Throws the first of find_problems(). `today` is the date in China Standard Time (see china_date.hpp).
void validate(const household& h, std::chrono::year_month_day today);

}  // namespace fupin::common
