// How a spot check's sample is drawn (server/service/spot_check_draw): by stratum, the share rounded up with its
// floor, the same seed the same sample whatever order the files come in, and a key anyone can compute.
#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <set>

#include "server/service/spot_check_draw.hpp"

namespace fupin::server::service {
namespace {

std::vector<storage::sample_candidate> county(int per_township_registered, int exited, int refused) {
    std::vector<storage::sample_candidate> out;
    std::int64_t id = 1;
    for (const std::string township : {"529901101", "529901102"}) {
        for (int i = 0; i < per_township_registered; ++i) out.push_back({id++, township, township + "201", "registered"});
        for (int i = 0; i < exited; ++i) out.push_back({id++, township, township + "202", "exited"});
        for (int i = 0; i < refused; ++i) out.push_back({id++, township, township + "203", "refused"});
    }
    return out;
}

std::set<std::int64_t> ids(const drawn_sample& s) {
    std::set<std::int64_t> out;
    for (const auto& d : s.drawn) out.insert(d.household_id);
    return out;
}

TEST(spot_check_draw, each_stratum_gives_its_share_rounded_up_with_a_floor_and_never_more_than_it_has) {
    EXPECT_EQ(common::spot_check_sample_size(1000, 5, 10), 50);
    EXPECT_EQ(common::spot_check_sample_size(1001, 5, 10), 51);  // rounded up
    EXPECT_EQ(common::spot_check_sample_size(100, 5, 10), 10);   // the floor
    EXPECT_EQ(common::spot_check_sample_size(7, 5, 10), 7);      // all of a small stratum
    EXPECT_EQ(common::spot_check_sample_size(0, 5, 10), 0);

    const auto files = county(400, 30, 4);
    const auto s = draw_sample(files, {2026, 5, 10, "seed-1"});
    ASSERT_EQ(s.strata.size(), 6u);  // 2 townships × 3 standings
    for (const auto& st : s.strata) {
        const int expected = st.standing == "registered" ? 20 : st.standing == "exited" ? 10 : 4;
        EXPECT_EQ(st.drawn, expected) << st.township_code << " " << st.standing;
        const int population = st.standing == "registered" ? 400 : st.standing == "exited" ? 30 : 4;
        EXPECT_EQ(st.population, population);
    }
    EXPECT_EQ(s.drawn.size(), 2u * (20 + 10 + 4));
    EXPECT_EQ(ids(s).size(), s.drawn.size()) << "no file twice";
    for (const auto& d : s.drawn) {  // every drawn file is from its stratum
        const auto it = std::find_if(files.begin(), files.end(), [&](const auto& f) { return f.household_id == d.household_id; });
        ASSERT_NE(it, files.end());
        EXPECT_EQ(it->standing, d.standing);
        EXPECT_EQ(it->township_code, d.township_code);
    }
}

TEST(spot_check_draw, the_same_seed_draws_the_same_sample_in_any_order_and_another_seed_another) {
    auto files = county(400, 30, 4);
    const auto first = ids(draw_sample(files, {2026, 5, 10, "2027-H1"}));
    std::shuffle(files.begin(), files.end(), std::mt19937(42));
    EXPECT_EQ(ids(draw_sample(files, {2026, 5, 10, "2027-H1"})), first);
    EXPECT_NE(ids(draw_sample(files, {2026, 5, 10, "2027-H2"})), first);
}

TEST(spot_check_draw, the_key_is_sha256_of_seed_colon_id_that_anyone_can_compute) {
    // printf '%s' 'abc:1' | sha256sum
    EXPECT_EQ(sample_key("abc", 1), "bfcf0b9cbe9d8208b2cddd9a01c31a9a60698a106a0e4fc1664233a15f16acec");
    // The drawn files of a stratum are those of the smallest keys.
    const auto files = county(50, 0, 0);
    const auto s = draw_sample(files, {2026, 10, 1, "abc"});
    std::vector<std::pair<std::string, std::int64_t>> keyed;
    for (const auto& f : files)
        if (f.township_code == "529901101") keyed.push_back({sample_key("abc", f.household_id), f.household_id});
    std::sort(keyed.begin(), keyed.end());
    std::set<std::int64_t> smallest;
    for (int i = 0; i < 5; ++i) smallest.insert(keyed[static_cast<std::size_t>(i)].second);
    std::set<std::int64_t> drawn;
    for (const auto& d : s.drawn)
        if (d.township_code == "529901101") drawn.insert(d.household_id);
    EXPECT_EQ(drawn, smallest);
}

}  // namespace
}  // namespace fupin::server::service
