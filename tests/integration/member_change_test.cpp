// Natural changes of a household's members (人口自然变更) end to end over real TLS on both databases: a birth, a
// death of the head with a new head, a new ID number; each an edit of the file based on its version, with its
// history row, its audit entry and its event, in the editor's area only; one person one household still holds.
#include <gtest/gtest.h>

#include "common/household_json.hpp"
#include "common/member_change_json.hpp"
#include "test_data/id_numbers.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

class member_changes : public archive_test {
protected:
    static common::member newborn(const std::string& id_number) { return test_data::sample_newborn(id_number); }
    static common::member_change_request change(const std::string& kind) {
        common::member_change_request r;
        r.kind = kind;
        r.effective_on = "2026-08-01";
        r.reason = "证明材料已核实";
        return r;
    }
    static std::string code_of(const client::http_result& r) {
        return nlohmann::json::parse(r.body)["error"]["code"].get<std::string>();
    }
};

TEST_P(member_changes, births_deaths_and_new_numbers_change_the_file_and_keep_its_history) {
    auto clerk = client_as("clerk_a");
    const auto h = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 701}), "");
    const auto income_before = h.per_capita_net_income;

    auto birth = change("birth");
    birth.added = newborn(test_data::demo_id_number("20260801", 701));
    auto [after_birth, born] = clerk.change_members(h.id, h.version, birth);
    EXPECT_EQ(after_birth.members.size(), 4u);
    EXPECT_EQ(after_birth.version, h.version + 1);
    EXPECT_EQ(after_birth.per_capita_net_income, income_before * 3 / 4);
    EXPECT_EQ(after_birth.members.back().birth_date, "2026-08-01");
    EXPECT_EQ(born.kind, "birth");
    EXPECT_EQ(born.size_before, 3);
    EXPECT_EQ(born.size_after, 4);
    EXPECT_EQ(born.recorded_by, "clerk_a");
    EXPECT_GT(born.id, 0);

    auto death = change("death");
    death.id_number = h.members.at(0).id_number;  // the head
    death.new_head_id_number = h.members.at(2).id_number;
    auto [after_death, died] = client_as("reviewer_a").change_members(h.id, after_birth.version, death);
    EXPECT_EQ(after_death.head_name, h.members.at(2).name);
    EXPECT_EQ(died.new_head_name, h.members.at(2).name);
    EXPECT_EQ(after_death.members.size(), 3u);

    auto renumber = change("id_number_change");
    renumber.id_number = h.members.at(1).id_number;
    renumber.new_id_number = test_data::demo_id_number("19670816", 702);
    auto [after_renumber, renumbered] = clerk.change_members(h.id, after_death.version, renumber);
    EXPECT_EQ(after_renumber.members.at(0).birth_date, "1967-08-16");

    const auto history = client_as("supervisor").member_changes(h.id);
    ASSERT_EQ(history.size(), 3u);
    EXPECT_EQ(history[0].kind, "id_number_change");  // newest first
    EXPECT_EQ(history[1].kind, "death");
    EXPECT_EQ(history[2].kind, "birth");
    EXPECT_EQ(history[2].reason, "证明材料已核实");
    EXPECT_EQ(client_as("clerk_a").get_household(h.id).members.size(), 3u);

    const auto trail = client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=household.member_change");
    ASSERT_EQ(trail["items"].size(), 3u) << trail.dump();
    EXPECT_EQ(trail["items"][2]["record"], "household/" + std::to_string(h.id));
}

TEST_P(member_changes, a_change_is_based_on_the_version_and_made_by_those_who_edit_the_file) {
    auto clerk = client_as("clerk_a");
    const auto h = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 711}), "");
    const auto post = [&](client::api_client& c, const nlohmann::json& body) {
        return c.request(http_method::post, "/api/v1/households/" + std::to_string(h.id) + "/member-changes",
                         body.dump());
    };
    auto death = common::to_json(change("death"));
    death["id_number"] = h.members.at(1).id_number;
    death["version"] = h.version + 1;  // not the version stored
    auto r = post(clerk, death);
    EXPECT_EQ(r.status, 409);
    EXPECT_EQ(code_of(r), "version_conflict");
    death["version"] = h.version;
    auto head = client_as("head_a");  // reads, does not edit
    EXPECT_EQ(code_of(post(head, death)), "access_denied");
    auto other = client_as("reviewer_b");
    EXPECT_EQ(code_of(post(other, death)), "area_forbidden");
    auto no_version = death;
    no_version.erase("version");
    EXPECT_EQ(post(clerk, no_version).status, 422);
    auto unknown = death;
    unknown["why"] = "x";
    EXPECT_EQ(post(clerk, unknown).status, 400);
    EXPECT_EQ(count_rows("member_changes"), 0);
    r = post(clerk, death);
    EXPECT_EQ(r.status, 201) << r.body;
    EXPECT_EQ(count_rows("member_changes"), 1);

    // One person, one household: a person of another household cannot move into this one as well.
    const auto elsewhere = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 712}), "");
    auto birth = change("move_in");
    birth.added = newborn(elsewhere.members.at(2).id_number);
    auto body = common::to_json(birth);
    body["version"] = h.version + 1;
    r = post(clerk, body);
    EXPECT_EQ(r.status, 409) << r.body;
    EXPECT_EQ(count_rows("member_changes"), 1);  // nothing of a refused change is written
    EXPECT_EQ(client_as("reviewer_b").request(http_method::get, "/api/v1/households/" + std::to_string(h.id) +
                                                                 "/member-changes").status,
              403);
}

INSTANTIATE_TEST_SUITE_P(backends, member_changes, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
