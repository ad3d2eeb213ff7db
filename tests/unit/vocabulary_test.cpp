#include "common/vocabulary.hpp"

#include <set>

#include <gtest/gtest.h>

namespace {

using namespace fupin::common;

TEST(vocabulary, knows_codes_and_refuses_others) {
    EXPECT_TRUE(is_valid(vocabulary::relations, "head"));
    EXPECT_TRUE(is_valid(vocabulary::relations, "daughter_in_law"));
    EXPECT_FALSE(is_valid(vocabulary::relations, "Head"));
    EXPECT_FALSE(is_valid(vocabulary::relations, ""));
    EXPECT_TRUE(is_valid(vocabulary::poverty_causes, "lack_of_drive"));
    EXPECT_FALSE(is_valid(vocabulary::poverty_causes, "gambling"));
}

TEST(vocabulary, labels_in_both_languages) {
    EXPECT_EQ(label(vocabulary::relations, "head", language::zh), "户主");
    EXPECT_EQ(label(vocabulary::relations, "head", language::en), "head of household");
    EXPECT_EQ(label(vocabulary::household_statuses, "registered", language::zh), "已建档立卡");
    EXPECT_EQ(label(vocabulary::education_levels, "vocational", language::zh), "中专/职高");
    EXPECT_EQ(label(vocabulary::poverty_causes, "poor_transport", language::zh), "交通条件落后");
    EXPECT_EQ(label(vocabulary::road_access, "nowhere", language::zh), "");
}

TEST(vocabulary, lists_are_complete_and_codes_unique) {
    EXPECT_EQ(vocabulary::relations.entries.size(), 15u);
    EXPECT_EQ(vocabulary::education_levels.entries.size(), 7u);
    EXPECT_EQ(vocabulary::poverty_causes.entries.size(), 12u);  // the national form's eleven and 其他
    EXPECT_EQ(label(vocabulary::poverty_causes, "other", language::zh), "其他");
    // 24 lists of the household file and the users, 6 of the helpers and the assistance, 9 of the
    // identification and exit procedures with their attachments, the campaign and its supervision, 1 of the
    // review rounds, 4 of the spot checks, 1 of the checks against other departments, 2 of the statistics.
    EXPECT_EQ(vocabulary::all().size(), 47u);
    EXPECT_EQ(label(vocabulary::check_verdicts, "should_exit", language::zh), "应退未退");
    EXPECT_EQ(vocabulary::out_of_school_reasons.entries.size(), 5u);
    EXPECT_EQ(label(vocabulary::roles, "helper", language::zh), "帮扶责任人");
    EXPECT_EQ(vocabulary::measure_categories.entries.size(), 10u);
    EXPECT_EQ(vocabulary::fund_sources.entries.size(), 7u);
    EXPECT_EQ(vocabulary::helper_unit_levels.entries.size(), 5u);
    EXPECT_EQ(vocabulary::housing_danger_grades.entries.size(), 2u);
    EXPECT_EQ(label(vocabulary::housing_danger_grades, "d", language::zh), "D级危房");
    EXPECT_EQ(vocabulary::fuel_types.entries.size(), 5u);
    EXPECT_EQ(vocabulary::ethnicities.entries.size(), 56u);
    EXPECT_EQ(vocabulary::labour_capacities.entries.size(), 5u);
    EXPECT_EQ(vocabulary::schooling.entries.size(), 8u);
    EXPECT_EQ(vocabulary::disability_categories.entries.size(), 7u);
    EXPECT_EQ(vocabulary::identification_standards.entries.size(), 3u);
    EXPECT_EQ(vocabulary::poverty_types.entries.size(), 3u);
    EXPECT_EQ(vocabulary::application_states.entries.size(), 22u);
    EXPECT_EQ(vocabulary::procedure_actions.entries.size(), 17u);  // with the import of an earlier archive
    EXPECT_EQ(vocabulary::posting_levels.entries.size(), 6u);
    EXPECT_EQ(vocabulary::objection_states.entries.size(), 3u);
    for (const auto* list : vocabulary::all()) {
        std::set<std::string> codes;
        for (const auto& e : list->entries) {
            EXPECT_TRUE(codes.insert(e.code).second) << list->name << ": " << e.code;
            EXPECT_FALSE(e.zh.empty()) << list->name << ": " << e.code;
            EXPECT_FALSE(e.en.empty()) << list->name << ": " << e.code;
        }
    }
    EXPECT_EQ(allowed_codes(vocabulary::electricity), "grid | none");
}

}  // namespace
