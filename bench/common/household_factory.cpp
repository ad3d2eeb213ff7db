#include "bench/common/household_factory.hpp"

#include <chrono>
#include <cstdio>

#include "bench/common/bench_failure.hpp"
#include "common/household_json.hpp"
#include "common/id_number.hpp"
#include "test_data/sample_household.hpp"

namespace fupin::bench {
namespace {

constexpr std::int64_t people_per_day = 1000;
constexpr auto first_birth = std::chrono::sys_days{std::chrono::year{1930} / 1 / 1};
constexpr auto last_birth = std::chrono::sys_days{std::chrono::year{2009} / 12 / 31};

}  // namespace

household_factory::household_factory(std::string region_code, std::int64_t first_person)
    : region_code_(std::move(region_code)), first_person_(first_person), next_person_(first_person) {}

std::string household_factory::id_number(std::int64_t person) const {
    const auto day = first_birth + std::chrono::days{person / people_per_day};
    if (day > last_birth) throw bench_failure("household_factory: out of distinct ID numbers");
    const std::chrono::year_month_day date{day};
    char digits[16];
    std::snprintf(digits, sizeof digits, "%04d%02u%02u%03d", static_cast<int>(date.year()),
                  static_cast<unsigned>(date.month()), static_cast<unsigned>(date.day()),
                  static_cast<int>(person % people_per_day));
    const std::string first17 = region_code_ + digits;
    return first17 + common::id_number_check_digit(first17);
}

common::household household_factory::make(const std::string& group) {
    const std::int64_t first = next_person_.fetch_add(4);
    return test_data::sample_household({.group = group, .size = 4},
                                       [&](int slot) { return id_number(first + slot); });
}

std::string household_factory::body(const common::household& h) { return common::to_json(h).dump(); }

void household_factory::edit(common::household& h, std::uint64_t round) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "138%08llu", static_cast<unsigned long long>(round % 100000000));
    h.phone = phone;
    h.address = "测试村二组" + std::to_string(round % 1000) + "号";
}

}  // namespace fupin::bench
