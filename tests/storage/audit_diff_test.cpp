// audit_diff: which leaves of a household changed, with ID numbers and bank accounts masked and secrets dropped.
#include <gtest/gtest.h>

#include "common/household_json.hpp"
#include "common/id_number.hpp"
#include "sample_data.hpp"
#include "server/service/audit_diff.hpp"

namespace fupin::server::storage::test {
namespace {

using nlohmann::json;
using service::audit_diff;

common::household sample() {
    auto h = make_household(group_a1_3, 500, 3);
    h.id = 12;
    h.version = 4;
    h.bank_account = "6228480012345678901";
    return h;
}

}  // namespace

TEST(audit_diff, names_changed_leaves_by_path_and_ignores_version_and_times) {
    auto before = sample();
    auto after = before;
    after.version = 5;
    after.updated_at_ms += 60'000;
    after.phone = "13912345678";
    after.members[1].name = "王二妹";
    after.income.wages += 100'000;
    const auto d = audit_diff::changes(common::to_json(before), common::to_json(after));
    EXPECT_EQ(d.at("phone"), (json{{"before", before.phone}, {"after", "13912345678"}}));
    EXPECT_EQ(d.at("members[1].name"), (json{{"before", before.members[1].name}, {"after", "王二妹"}}));
    EXPECT_TRUE(d.contains("income.wages"));
    EXPECT_TRUE(d.contains("income.total"));  // derived, but what a reader sees changed
    EXPECT_FALSE(d.contains("version"));
    EXPECT_FALSE(d.contains("updated_at"));
    EXPECT_EQ(d.size(), 4u) << d.dump();  // phone, members[1].name, income.wages, income.total
    EXPECT_TRUE(audit_diff::changes(common::to_json(before), common::to_json(before)).empty());
}

TEST(audit_diff, added_and_removed_members_show_null_on_the_other_side) {
    auto before = sample();
    auto after = before;
    after.members.pop_back();
    const auto removed = audit_diff::changes(common::to_json(before), common::to_json(after));
    ASSERT_TRUE(removed.contains("members[2].name")) << removed.dump();
    EXPECT_EQ(removed.at("members[2].name").at("before"), before.members[2].name);
    EXPECT_TRUE(removed.at("members[2].name").at("after").is_null());
    const auto added = audit_diff::changes(common::to_json(after), common::to_json(before));
    EXPECT_TRUE(added.at("members[2].name").at("before").is_null());
    EXPECT_EQ(added.at("members[2].name").at("after"), before.members[2].name);
}

TEST(audit_diff, id_numbers_and_bank_accounts_are_masked_everywhere) {
    auto before = sample();
    auto after = before;
    const std::string old_id = before.members[0].id_number;
    const std::string new_id = "529901199001019999";
    after.members[0].id_number = new_id;
    after.bank_account = "6228480099998888";
    const auto d = audit_diff::changes(common::to_json(before), common::to_json(after));
    const std::string text = d.dump();
    ASSERT_EQ(old_id.size(), 18u);
    EXPECT_EQ(text.find(old_id), std::string::npos) << text;
    EXPECT_EQ(text.find(new_id), std::string::npos) << text;
    EXPECT_EQ(text.find("6228480012345678901"), std::string::npos) << text;
    EXPECT_EQ(text.find("6228480099998888"), std::string::npos) << text;
    // Still visibly changed, and still useful: the region, the last character, the last 4 digits.
    EXPECT_EQ(d.at("members[0].id_number").at("before"), "529901***********" + old_id.substr(17));
    EXPECT_EQ(d.at("members[0].id_number").at("after"), "529901***********9");
    EXPECT_EQ(d.at("bank_account"), (json{{"before", "****8901"}, {"after", "****8888"}}));
    EXPECT_EQ(audit_diff::mask_bank_account("1234"), "****");
}

TEST(audit_diff, birth_dates_and_sex_are_hidden_beside_the_masked_id_number) {
    auto before = sample();
    auto after = before;
    after.members[0].birth_date = "19700101";
    after.members[0].sex = before.members[0].sex == "male" ? "female" : "male";
    const auto d = audit_diff::changes(common::to_json(before), common::to_json(after));
    EXPECT_EQ(d.at("members[0].birth_date"), (json{{"before", "***"}, {"after", "***"}}));
    EXPECT_EQ(d.at("members[0].sex"), (json{{"before", "***"}, {"after", "***"}}));
    const auto created = audit_diff::created(common::to_json(before)).dump();
    for (const auto& m : before.members) EXPECT_EQ(created.find(m.birth_date), std::string::npos) << created;
}

TEST(audit_diff, a_create_lists_every_leaf_masked) {
    const auto h = sample();
    const auto d = audit_diff::created(common::to_json(h));
    const std::string text = d.dump();
    for (const auto& m : h.members) EXPECT_EQ(text.find(m.id_number), std::string::npos) << m.id_number;
    // A disability certificate carries the ID number: masked the same way, its category and grade kept.
    ASSERT_EQ(h.members[1].disability_certificate.size(), 20u);
    EXPECT_EQ(d.at("members[1].disability_certificate").at("after"),
              common::mask_id_number(h.members[1].id_number) + h.members[1].disability_certificate.substr(18));
    EXPECT_EQ(text.find(h.bank_account), std::string::npos);
    EXPECT_TRUE(d.at("head_name").at("before").is_null());
    EXPECT_EQ(d.at("head_name").at("after"), h.head_name);
    EXPECT_EQ(d.at("members[2].id_number").at("after"), common::mask_id_number(h.members[2].id_number));
    EXPECT_EQ(d.at("id").at("after"), 12);
    EXPECT_FALSE(d.contains("version"));
    EXPECT_FALSE(d.contains("created_at"));
}

TEST(audit_diff, passwords_and_tokens_never_appear) {
    const json before = {{"username", "shimen_clerk"}, {"password", "old-secret-1"}, {"role", "village_clerk"}};
    const json after = {{"username", "shimen_clerk"},
                        {"password", "new-secret-2"},
                        {"new_password", "new-secret-2"},
                        {"session", {{"token", "abcd1234"}, {"token_hash", "ffff"}}},
                        {"role", "township_reviewer"}};
    const auto d = audit_diff::changes(before, after);
    const std::string text = d.dump();
    for (const char* secret : {"old-secret-1", "new-secret-2", "abcd1234", "ffff", "password", "token"})
        EXPECT_EQ(text.find(secret), std::string::npos) << secret << " in " << text;
    EXPECT_EQ(d, (json{{"role", {{"before", "village_clerk"}, {"after", "township_reviewer"}}}}));
}

TEST(audit_diff, nested_values_under_an_id_number_key_are_masked_too) {
    const json after = {{"ids", {{"id_number", {"529901199001010011", "529901199001010022"}}}}};
    const auto d = audit_diff::created(after);
    EXPECT_EQ(d.at("ids.id_number[0]").at("after"), "529901***********1");
    EXPECT_EQ(d.dump().find("529901199001010022"), std::string::npos);
}

}  // namespace fupin::server::storage::test
