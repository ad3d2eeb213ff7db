#pragma once
// Households and areas for the storage tests. Chinese text on purpose, including a 4-byte character.
#include <string>

#include <gtest/gtest.h>

#include "common/household.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage::test {

inline constexpr const char* township_a = "529901101";
inline constexpr const char* village_a1 = "529901101201";
inline constexpr const char* village_a2 = "529901101202";
inline constexpr const char* group_a1_3 = "529901101201003";
inline constexpr const char* group_a2_1 = "529901101202001";
inline constexpr const char* township_b = "529901102";
inline constexpr const char* village_b1 = "529901102201";
inline constexpr const char* group_b1_1 = "529901102201001";

// "𠀀" is U+20000, four bytes in UTF-8 (F0 A0 80 80): it breaks any path that is not full utf8mb4.
inline const std::string four_byte = "\xF0\xA0\x80\x80";

// A distinct 18-character ID number for n (not checksum-valid: storage does not validate).
std::string id_number(int n);

// Writes the areas above (county, two townships, their villages and groups) with Chinese names.
void seed_areas(sql::connection& conn);

// The shared sample household (test_data/sample_household.hpp) in group `group` with `members` members (1..6)
// whose ID numbers are id_number(first_id + i), its derived fields filled.
common::household make_household(const std::string& group, int first_id, int members = 2);

// Takes the database back to before migration 027: 028 (the measures' and funds' figures) and 027 (the
// statistics' tallies: their triggers, table and the households' income_band), so a test can take it further back
// and migrate it again.
void undo_statistics_figures(sql::connection& conn);

// Every stored field equal (area names and server-set fields are compared only when compare_server_fields).
void expect_same(const common::household& expected, const common::household& actual, bool compare_server_fields);

}  // namespace fupin::server::storage::test
