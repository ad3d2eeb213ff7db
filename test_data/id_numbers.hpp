#pragma once
// Made-up ID numbers that pass GB 11643's checks, for tests and benchmarks: region 529901 is the fictional
// demo county 青峰县 (data/demo/), not a real one.
#include <string>

namespace fupin::test_data {

inline const std::string demo_region = "529901";

// The 17 digits with their check digit appended.
std::string with_check_digit(const std::string& first17);
// The demo county's person born on `birth` (YYYYMMDD) with sequence number 0..999 (odd: male, even: female);
// the sequence is taken modulo 1000.
std::string demo_id_number(const std::string& birth, int sequence);

}  // namespace fupin::test_data
