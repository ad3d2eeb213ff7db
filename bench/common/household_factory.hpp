#pragma once
// Valid household files (GB 11643 ID numbers with correct check digits) whose members are never registered
// twice: the archive holds one person in one household, so every person drawn here gets the next number of one
// shared, thread-safe sequence. Person p is born on day p / 1000 after 1930-01-01 with sequence p % 1000,
// which gives 29 million distinct people (7 million four-person households) before 2010.
#include <atomic>
#include <cstdint>
#include <string>

#include "common/household.hpp"

namespace fupin::bench {

class household_factory {
public:
    // `first_person`: where the sequence starts, to keep runs on the same database apart.
    explicit household_factory(std::string region_code, std::int64_t first_person = 0);

    // The shared sample household (test_data/sample_household.hpp) with four members (head, spouse, son,
    // daughter) of this factory's sequence, in the given village group.
    common::household make(const std::string& group);
    // The JSON request body of a create or update.
    static std::string body(const common::household& h);
    // A small edit a clerk would make (phone and address), so that an update really changes the row.
    static void edit(common::household& h, std::uint64_t round);

    std::int64_t people_made() const { return next_person_.load() - first_person_; }

private:
    std::string id_number(std::int64_t person) const;

    std::string region_code_;
    std::int64_t first_person_;
    std::atomic<std::int64_t> next_person_;
};

}  // namespace fupin::bench
