// An import of an existing archive end to end over real TLS on both databases: batches checked against the
// archive county-wide and the import's own earlier batches, problems named by row and column, a commit that
// writes every file in one transaction with its status, years, cases and trail, and refusals that write
// nothing.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/archive_import_client.hpp"
#include "client/client_error.hpp"
#include "common/archive_import_json.hpp"
#include "common/household_validation.hpp"
#include "server/sql/database_url.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::archive_import_client;

// A spreadsheet's file: its rows numbered from `first_row`, one per member.
common::archive_import_file file_of(common::household h, int first_row) {
    common::archive_import_file f;
    f.first_row = first_row;
    for (std::size_t i = 0; i < h.members.size(); ++i) f.rows.push_back(first_row + static_cast<int>(i));
    f.file = std::move(h);
    return f;
}

std::vector<const common::archive_import_file*> pointers(const std::vector<common::archive_import_file>& files) {
    std::vector<const common::archive_import_file*> out;
    for (const auto& f : files) out.push_back(&f);
    return out;
}

class archive_import : public archive_test {
protected:
    long long count(const std::string& sql, const std::vector<server::sql::value>& params = {}) {
        auto db = server::sql::connect(database_->url());
        return db->query(sql, params).at(0).get_int64(0);
    }
};

TEST_P(archive_import, FilesKeepTheirStatusYearsAndHistoryAndTheTrailNamesTheImport) {
    auto admin = client_as("admin");
    admin.request_json(client::http_method::put, "/api/v1/exit-standards/2018",
                       nlohmann::json{{"income_line", 3200}, {"transition_years", 2}}.dump());
    // The county's helpers: two of one name, told apart by their phones.
    const auto unit = admin.create_helper_unit({0, "县农业农村局", "county", county_code}).id;
    std::int64_t helper_id = 0;
    for (const char* phone : {"13900000001", "13900000002"}) {
        common::helper helper;
        helper.unit_id = unit;
        helper.name = "李帮扶";
        helper.phone = phone;
        helper_id = admin.create_helper(helper).id;  // the second
    }
    auto approver = client_as("approver");
    archive_import_client imports(approver);

    std::vector<common::archive_import_file> files;
    auto pending = test_data::sample_household({.group = group_a, .seed = 11, .size = 3});
    auto registered = test_data::sample_household({.group = group_b, .seed = 12, .size = 2});
    registered.status = "registered";
    registered.registered_year = 2016;
    auto exited = test_data::sample_household({.group = group_a, .seed = 13, .size = 1});
    exited.status = "exited";
    exited.registered_year = 2015;
    exited.exit_year = 2018;
    files.push_back(file_of(pending, 2));
    files.push_back(file_of(registered, 5));
    files.back().helpers = {{"李帮扶", "13900000002"}};
    files.push_back(file_of(exited, 7));

    const auto opened = imports.open("原有档案.xlsx");
    EXPECT_EQ(opened.state, "open");
    // Two batches: the second is checked against the first.
    auto first = imports.add(opened.id, {&files[0]});
    EXPECT_TRUE(first.problems.empty());
    auto second = imports.add(opened.id, {&files[1], &files[2]});
    ASSERT_TRUE(second.problems.empty()) << second.problems.front().zh;
    EXPECT_EQ(second.import.households, 3);
    EXPECT_EQ(second.import.people, 6);
    EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 0) << "nothing is written before the commit";

    const auto committed = imports.commit(opened.id);
    EXPECT_EQ(committed.state, "committed");
    EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM archive_import_households"), 0) << "the staging is dropped";

    const auto list = approver.list_households({});
    std::map<std::string, common::household> by_head_id;
    for (const auto& h : list.items) by_head_id[approver.get_household(h.id).members.front().id_number] = h;
    const auto stored_registered = approver.get_household(by_head_id.at(registered.members[0].id_number).id);
    EXPECT_EQ(stored_registered.status, "registered");
    EXPECT_EQ(stored_registered.registered_year, 2016);
    EXPECT_EQ(stored_registered.head_name, "王大山");
    EXPECT_GT(stored_registered.per_capita_net_income, 0);
    const auto stored_exited = approver.get_household(by_head_id.at(exited.members[0].id_number).id);
    EXPECT_EQ(stored_exited.status, "exited");
    EXPECT_EQ(stored_exited.registered_year, 2015);
    EXPECT_EQ(stored_exited.exit_year, 2018);
    EXPECT_EQ(stored_exited.policies_until, 2020);
    EXPECT_EQ(approver.get_household(by_head_id.at(pending.members[0].id_number).id).status, "pending");

    // The cases in their final states, each with the one step that names the import.
    EXPECT_EQ(count("SELECT COUNT(*) FROM applications WHERE kind = 'identification' AND state = 'registered'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM applications WHERE kind = 'exit' AND state = 'exited' AND year = 2018"), 1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM application_steps WHERE action = 'import' AND note LIKE ?",
                    {std::string("%原有档案.xlsx%")}),
              3);
    // The helper the row names answers for the registered file, paired by the import.
    const auto helpers = approver.household_helpers(stored_registered.id);
    ASSERT_EQ(helpers.current.size(), 1u);
    EXPECT_EQ(helpers.current[0].helper_id, helper_id);
    EXPECT_NE(helpers.current[0].start_reason.find("原有档案.xlsx"), std::string::npos);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'pairing.start'"), 1);
    // The trail: a household.import per file, the import itself; the feed hears every file.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.import'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'archive.import' AND record = ?",
                    {"archive_import/" + std::to_string(opened.id)}),
              1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM events WHERE kind = 'household.created'"), 3);

    // Closed: no more batches, no second commit.
    refused([&] { imports.add(opened.id, {&files[0]}); }, 409, "import_closed");
    refused([&] { imports.commit(opened.id); }, 409, "import_closed");
}

TEST_P(archive_import, ProblemsAreNamedByRowAndColumnAndAnImportWithAnyIsNotCommitted) {
    // Someone already in the archive, entered by a township.
    const auto existing = client_as("clerk_a").create_household(
        test_data::sample_household({.group = group_a, .seed = 21, .size = 2}), "");
    auto approver = client_as("approver");
    archive_import_client imports(approver);
    const auto opened = imports.open("旧档案.csv");

    std::vector<common::archive_import_file> files;
    files.push_back(file_of(test_data::sample_household({.group = group_a, .seed = 22, .size = 2}), 2));
    // Row 5 names the head of the archive's file.
    auto again = test_data::sample_household({.group = group_b, .seed = 23, .size = 2});
    test_data::renumber(again.members[1], existing.members[0].id_number);
    files.push_back(file_of(again, 4));
    // An exited file whose exit year has no standard.
    auto exited = test_data::sample_household({.group = group_b, .seed = 24, .size = 1});
    exited.status = "exited";
    exited.registered_year = 2016;
    exited.exit_year = 2019;
    files.push_back(file_of(exited, 6));
    // A group that does not exist.
    auto nowhere = test_data::sample_household({.group = group_b, .seed = 25, .size = 1});
    nowhere.group_code = village_b + "099";
    nowhere.village_code = village_b;
    files.push_back(file_of(nowhere, 7));
    // A helper the county has not registered, and a helper for a pending file.
    auto helped = test_data::sample_household({.group = group_b, .seed = 27, .size = 1});
    helped.status = "registered";
    helped.registered_year = 2017;
    files.push_back(file_of(helped, 8));
    files.back().helpers = {{"无名氏", ""}};
    files.push_back(file_of(test_data::sample_household({.group = group_b, .seed = 28, .size = 1}), 10));
    files.back().helpers = {{"李帮扶", ""}};
    // A file naming the head of a refused one (row 8) is no problem of its own: the refused file took nobody.
    auto after_refused = test_data::sample_household({.group = group_b, .seed = 29, .size = 1});
    test_data::renumber(after_refused.members[0], helped.members[0].id_number);
    files.push_back(file_of(after_refused, 12));
    const auto answer = imports.add(opened.id, pointers(files));
    EXPECT_EQ(answer.staged, 2u);
    EXPECT_EQ(answer.import.problems, 5);
    auto has = [&](int row, const std::string& column, const std::string& words) {
        for (const auto& p : answer.problems)
            if (p.row == row && p.column == column && p.zh.find(words) != std::string::npos) return true;
        return false;
    };
    EXPECT_TRUE(has(5, "身份证号", "已在")) << nlohmann::json(answer.problems.size()).dump();
    EXPECT_TRUE(has(6, "脱贫年度", "2019年度的脱贫标准尚未设定"));
    EXPECT_TRUE(has(7, "组代码", ""));
    EXPECT_TRUE(has(8, "帮扶责任人", "不在全县在册的帮扶责任人中"));
    EXPECT_TRUE(has(10, "帮扶责任人", "待识别的户还没有帮扶责任人"));
    for (const auto& p : answer.problems) EXPECT_NE(p.row, 12) << p.zh;

    // The staged file's people are the import's: a later batch naming one of them is told the row.
    auto twice = test_data::sample_household({.group = group_b, .seed = 26, .size = 1});
    test_data::renumber(twice.members[0], files[0].file.members[1].id_number);
    const auto later = file_of(twice, 9);
    const auto second = imports.add(opened.id, {&later});
    ASSERT_EQ(second.problems.size(), 1u);
    EXPECT_EQ(second.problems[0].row, 9);
    EXPECT_NE(second.problems[0].zh.find("与第3行是同一人"), std::string::npos) << second.problems[0].zh;

    refused([&] { imports.commit(opened.id); }, 409, "import_has_problems");
    EXPECT_EQ(count("SELECT COUNT(*) FROM households"), 1) << "only the township's file";
    const auto abandoned = imports.abandon(opened.id);
    EXPECT_EQ(abandoned.state, "abandoned");
    EXPECT_EQ(count("SELECT COUNT(*) FROM archive_import_people"), 0);
}

TEST_P(archive_import, OnlyTheCountyOfficeImportsAndAnotherOfficeSeesNoImport) {
    auto reviewer = client_as("reviewer_a");
    auto supervisor = client_as("supervisor");
    auto clerk = client_as("clerk_a");
    auto admin = client_as("admin");
    refused([&] { archive_import_client(reviewer).open("x.csv"); }, 403, "access_denied");
    refused([&] { archive_import_client(supervisor).open("x.csv"); }, 403, "access_denied");
    auto approver = client_as("approver");
    const auto opened = archive_import_client(approver).open("x.csv");
    refused([&] { archive_import_client(clerk).commit(opened.id); }, 403, "access_denied");
    // The administrator, of the same office, registers no households: not even by an import.
    refused([&] { archive_import_client(admin).open("x.csv"); }, 403, "access_denied");
    refused([&] { archive_import_client(admin).commit(opened.id); }, 403, "access_denied");
    EXPECT_EQ(archive_import_client(approver).abandon(opened.id).state, "abandoned");
    refused([&] { archive_import_client(approver).commit(999999); }, 404, "not_found");
    // A batch too large, and a file name too long.
    std::vector<common::archive_import_file> many(common::archive_import_batch_files + 1,
                                                  file_of(test_data::sample_household(), 2));
    const auto next = archive_import_client(approver).open("y.csv");
    refused([&] { archive_import_client(approver).add(next.id, pointers(many)); }, 422, "too_many");
    refused([&] { archive_import_client(approver).open(std::string(201, 'x')); }, 422, "invalid_value");
}

TEST_P(archive_import, TheTemplateIsTheExportsHeaderWithoutRows) {
    auto approver = client_as("approver");
    const auto csv = approver.request(client::http_method::get, "/api/v1/import-template?format=csv");
    ASSERT_EQ(csv.status, 200);
    EXPECT_TRUE(csv.body.starts_with("\xEF\xBB\xBF户编号,乡镇,村,组,组代码,档案状态,建档年度,脱贫年度")) << csv.body;
    EXPECT_EQ(std::count(csv.body.begin(), csv.body.end(), '\n'), 1) << "the header alone";
    const auto xlsx = approver.request(client::http_method::get, "/api/v1/import-template");
    ASSERT_EQ(xlsx.status, 200);
    EXPECT_TRUE(xlsx.body.starts_with("PK"));
    EXPECT_EQ(client_as("clerk_a").request(client::http_method::get, "/api/v1/import-template").status, 403);
}

INSTANTIATE_TEST_SUITE_P(backends, archive_import, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
