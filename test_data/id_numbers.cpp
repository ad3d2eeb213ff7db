#include "test_data/id_numbers.hpp"

#include "common/id_number.hpp"

namespace fupin::test_data {

std::string with_check_digit(const std::string& first17) { return first17 + common::id_number_check_digit(first17); }

std::string demo_id_number(const std::string& birth, int sequence) {
    const auto digits = std::to_string(((sequence % 1000) + 1000) % 1000);
    return with_check_digit(demo_region + birth + std::string(3 - digits.size(), '0') + digits);
}

}  // namespace fupin::test_data
