#pragma once
// The one sample household file that the tests and benchmarks start from, as a clerk enters it: every field of
// the national form filled with plausible values, valid under common::validate, and poor enough (about 770
// yuan a person) that the identification rules find it eligible. A field added to the file gets its sample
// value here, once. Tests break it one field at a time; integration tests and benchmarks vary its place and
// its people.
#include <functional>
#include <string>

#include "common/household.hpp"

namespace fupin::test_data {

// 石门镇 岩脚村 三组 of the demo county.
inline const std::string sample_group = "529901101201003";

struct sample_options {
    std::string group = sample_group;  // the file's township and village follow from the group's code
    int seed = 0;  // 0 to 999,999: varies the members' ID numbers, and no two seeds share a person
    int size = 3;  // 1..6 members: head 王大山, spouse 李秀英, son 王小军, daughter 王小红, the head's two brothers
};

// What member `slot` (0 = head) is numbered, for callers that keep their own sequence of people.
using member_numbers = std::function<std::string(int slot)>;

common::household sample_household(const sample_options& options = {});
common::household sample_household(const sample_options& options, const member_numbers& numbers);

// Gives the member another ID number, and its disability certificate (which begins with the number) with it:
// how a test makes two files name one person.
void renumber(common::member& m, const std::string& id_number);

// A grandson of the sample household's head, born with `id_number` (its birth date is the number's): the member
// a birth adds, as a clerk enters him (his sex and birth date left to be derived).
common::member sample_newborn(const std::string& id_number);

// The default sample as a read answers it: id 12, version 3, pending, stored on 2026-11-29, the areas' names
// and the derived fields (sex, birth dates, head name, per-capita income) filled.
common::household stored_sample_household();

}  // namespace fupin::test_data
