// The whole access matrix against the real server: every endpoint × every role × a record in the user's own
// area, in another village of the same township, and in another township. The expectations are written out
// here independently of server/service/access_policy.cpp, so a change to the policy that was not meant shows.
#include <map>

#include "common/household_json.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

const std::string village_a2 = "529901100202";
const std::string group_a2 = "529901100202001";

enum class target { own_village, other_village_same_township, other_township, none };

struct expectation {
    int status;
    std::string code;  // error code when status >= 400
};

const expectation ok{200, ""};
const expectation created{201, ""};
const expectation no_content{204, ""};
const expectation denied{403, "access_denied"};
const expectation outside{403, "area_forbidden"};

bool reads(const std::string&) { return true; }  // every role reads files of its area
bool writes(const std::string& role) { return role == "village_clerk" || role == "township_reviewer"; }
bool manages_users(const std::string& role) { return role == "county_admin"; }
bool reads_audit(const std::string& role) { return role == "county_admin" || role == "supervisor"; }

// Whether a user's area holds a household file: the county holds all, a township its own, a village its own.
bool covers(const test_user& u, const common::household& file) {
    if (u.area.size() == 6) return true;
    if (u.area.size() == 9) return file.township_code == u.area;
    return file.village_code == u.area;
}

class access_matrix : public archive_test {
protected:
    void SetUp() override {
        archive_test::SetUp();
        if (IsSkipped()) return;
        auto county = client_as("reviewer_a");
        files_[target::own_village] = county.create_household(sample_household(township_a, village_a, group_a, 301), "");
        files_[target::other_village_same_township] =
            county.create_household(sample_household(township_a, village_a2, group_a2, 302), "");
        files_[target::other_township] =
            client_as("reviewer_b").create_household(sample_household(township_b, village_b, group_b, 303), "");
    }

    static void expect(const client::http_result& result, const expectation& e, const std::string& what) {
        EXPECT_EQ(result.status, e.status) << what << ": " << result.body;
        if (e.status >= 400 && result.status == e.status) {
            EXPECT_EQ(nlohmann::json::parse(result.body)["error"]["code"], e.code) << what;
        }
    }

    std::map<target, common::household> files_;
    int seed_ = 400;
};

TEST_P(access_matrix, every_endpoint_for_every_role_and_area) {
    for (const auto& user : test_users()) {
        auto client = client_as(user.username);
        const auto& role = user.role;
        for (auto t : {target::own_village, target::other_village_same_township, target::other_township}) {
            const auto& file = files_.at(t);
            const std::string what = user.username + " on " + file.village_code;
            const bool in_area = covers(user, file);

            expect(client.request(http_method::get, "/api/v1/households/" + std::to_string(file.id)),
                   in_area ? ok : outside, "GET household, " + what);

            auto current = client_as("approver").get_household(file.id);
            current.phone = "1390000" + std::to_string(1000 + seed_);
            expect(client.request(http_method::put, "/api/v1/households/" + std::to_string(file.id),
                                  common::to_json(current).dump()),
                   !writes(role) ? denied : in_area ? ok : outside, "PUT household, " + what);

            auto fresh = sample_household(file.township_code, file.village_code, file.group_code, seed_++, 1);
            expect(client.request(http_method::post, "/api/v1/households", common::to_json(fresh).dump()),
                   !writes(role) ? denied : in_area ? created : outside, "POST household, " + what);

            expect(client.request(http_method::get, "/api/v1/households?village=" + file.village_code),
                   in_area ? ok : outside, "GET households?village, " + what);
        }
        expect(client.request(http_method::get, "/api/v1/households"), reads(role) ? ok : denied,
               "GET households, " + user.username);

        const auto users_expect = [&](const expectation& allowed) { return manages_users(role) ? allowed : denied; };
        expect(client.request(http_method::get, "/api/v1/users"), users_expect(ok), "GET users, " + user.username);
        nlohmann::json account{{"username", "new_" + user.username},
                               {"display_name", "新账号"},
                               {"role", "village_clerk"},
                               {"area_code", village_b},
                               {"password", "a-long-password-1"}};
        expect(client.request(http_method::post, "/api/v1/users", account.dump()), users_expect(created),
               "POST users, " + user.username);
        expect(client.request(http_method::put, "/api/v1/users/clerk_b", R"({"display_name":"改名"})"),
               users_expect(ok), "PUT users, " + user.username);
        expect(client.request(http_method::post, "/api/v1/users/head_a/password", R"({"password":"another-password-2"})"),
               users_expect(no_content), "POST password, " + user.username);

        expect(client.request(http_method::get, "/api/v1/audit"), reads_audit(role) ? ok : denied,
               "GET audit, " + user.username);
        expect(client.request(http_method::get, "/api/v1/sessions/current"), ok, "whoami, " + user.username);
    }
}

TEST_P(access_matrix, every_denial_is_audited) {
    auto head = client_as("head_a");
    auto current = head.get_household(files_.at(target::own_village).id);
    current.phone = "13911112222";
    EXPECT_EQ(head.request(http_method::put, "/api/v1/households/" + std::to_string(current.id),
                           common::to_json(current).dump()).status, 403);
    EXPECT_EQ(head.request(http_method::get, "/api/v1/households/" +
                                                 std::to_string(files_.at(target::other_township).id)).status, 403);
    auto trail = client_as("supervisor").request_json(http_method::get, "/api/v1/audit?action=access.denied&user=head_a");
    ASSERT_EQ(trail["items"].size(), 2u) << trail.dump();
    EXPECT_EQ(trail["items"][0]["outcome"], "denied");
    EXPECT_EQ(trail["items"][0]["record"], "GET /api/v1/households/" + std::to_string(files_.at(target::other_township).id));
    EXPECT_EQ(trail["items"][1]["changes"]["code"], "access_denied");
}

TEST_P(access_matrix, a_flood_of_denials_is_counted_not_written_one_by_one) {
    // A user who may write nothing sends creates in a loop: each appended its own entry under the audit head's
    // lock, one at a time, serialising every write of the county. Per user and minute, the first ten are
    // written, the eleventh says that further ones are counted, and their number follows once the minute ends.
    auto head = client_as("head_a");
    const auto body = common::to_json(sample_household(township_a, village_a, group_a, 40)).dump();
    for (int i = 0; i < 40; ++i) ASSERT_EQ(head.request(http_method::post, "/api/v1/households", body).status, 403);
    auto supervisor = client_as("supervisor");
    const auto denials = [&] {
        return supervisor.request_json(http_method::get, "/api/v1/audit?action=access.denied&user=head_a")["items"];
    };
    auto trail = denials();
    ASSERT_EQ(trail.size(), 11u) << trail.dump();
    EXPECT_EQ(trail[0]["changes"]["further_denials_counted"], true);
    EXPECT_FALSE(trail[1]["changes"].contains("further_denials_counted"));

    *clock_offset_ms_ += 61'000;
    supervisor.request(http_method::get, "/api/v1/sessions/current");  // any request writes what has ended
    trail = denials();
    ASSERT_EQ(trail.size(), 12u) << trail.dump();
    EXPECT_EQ(trail[0]["changes"]["denials_counted"], 29);
    // A new minute starts a new window.
    ASSERT_EQ(head.request(http_method::post, "/api/v1/households", body).status, 403);
    trail = denials();
    ASSERT_EQ(trail.size(), 13u);
    EXPECT_EQ(trail[0]["changes"]["code"], "access_denied");
}

INSTANTIATE_TEST_SUITE_P(backends, access_matrix, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
