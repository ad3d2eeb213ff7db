#pragma once
// Synthetic household files for the growth benchmarks: household number `index` (0, 1, 2, …) is always the
// same file, so an archive grown 10k → 100k → 1M in steps holds exactly what one 1M run would, and a probe can
// name an existing household, its page token or a member's ID number without asking the database.
#include <cstdint>
#include <string>
#include <vector>

#include "common/area.hpp"
#include "common/household.hpp"

namespace fupin::test_data {

class household_generator {
public:
    // The ID-number layout (see household_generator.cpp) gives every index its own numbers up to this bound.
    static constexpr std::int64_t max_households = 1'400'000;
    static constexpr int max_members = 7;

    // groups: the village groups households are spread over (level "group"), in any order; seed varies the
    // attributes (names, incomes, groups) but never the ID numbers, so no two seeds collide on a person.
    household_generator(std::vector<common::area> groups, std::uint64_t seed);

    // Household `index` with id = index + 1, version 1, derived fields (sex, birth date, head name,
    // per-capita income) filled, and members in order. Valid under common::validate.
    // members: 1..7 to force the household's size (the direct-SQL baseline creates four-person households,
    // like the HTTP scenario); 0 for size(index).
    common::household make(std::int64_t index, int members = 0) const;

    // 1..7, about 4 on average.
    int size(std::int64_t index) const;
    // The ID number of member `slot` (0 = head) of household `index`; exists in the archive if slot < size.
    std::string id_number(std::int64_t index, int slot) const;
    std::int64_t updated_at_ms(std::int64_t index) const;
    const std::string& village_code(std::int64_t index) const;
    // The page token a list would hand out with household `index` as the last item of a page.
    std::string page_token(std::int64_t index) const;

    const std::vector<common::area>& groups() const { return groups_; }

private:
    std::uint64_t hash(std::int64_t index, std::uint64_t salt) const;
    const common::area& group_of(std::int64_t index) const;

    std::vector<common::area> groups_;
    std::uint64_t seed_;
};

}  // namespace fupin::test_data
