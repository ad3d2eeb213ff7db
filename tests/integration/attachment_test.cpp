// Attachments of household files end to end over real TLS on both databases: a PDF, a JPEG and a PNG uploaded,
// listed and fetched byte for byte with their SHA-256; anything else refused by its bytes; the file's access rules
// for every call; uploads and fetches audited; and a file's completeness as it gains its documents.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "client/client_error.hpp"
#include "common/attachment_json.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"
#include "tests/integration/test_archive.hpp"

namespace fupin::test {
namespace {

using client::http_method;

const std::string pdf = std::string("%PDF-1.4\n") + std::string("\0\xFF\x01 scanned application", 23) + "\n%%EOF\n";
const std::string jpeg = std::string("\xFF\xD8\xFF\xE0", 4) + std::string(5000, '\x7F') + "\xFF\xD9";
const std::string png = std::string("\x89PNG\r\n\x1A\n", 8) + std::string("\0\0\0\rIHDR", 8) + std::string(64, '\0');

class attachments : public archive_test {
protected:
    static std::string path(std::int64_t household, const std::string& query) {
        return "/api/v1/households/" + std::to_string(household) + "/attachments?" + query;
    }
    client::http_result upload(client::api_client& c, std::int64_t household, const std::string& kind,
                               const std::string& name, const std::string& bytes, std::int64_t case_id = 0) {
        std::string query = "kind=" + kind + "&name=" + name;
        if (case_id) query += "&case=" + std::to_string(case_id);
        return c.request(http_method::post, path(household, query), bytes, {{"Content-Type", "application/octet-stream"}});
    }
    long long count(const std::string& sql) {
        auto db = server::sql::connect(database_->url());
        return db->query(sql).at(0).get_int64(0);
    }
    std::vector<common::completeness_gap> gaps(client::api_client& c, std::int64_t household) {
        return common::completeness_gaps_from_json(
            c.request_json(http_method::get, "/api/v1/households/" + std::to_string(household) + "/completeness"));
    }
};

TEST_P(attachments, APdfAJpegAndAPngAreKeptByteForByteAndAnythingElseIsRefused) {
    auto clerk = client_as("clerk_a");
    const auto h = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 61}), "");
    std::vector<std::pair<std::string, std::string>> sent{{"application", pdf}, {"house_photo", jpeg},
                                                          {"house_photo", png}};
    std::vector<std::int64_t> ids;
    for (const auto& [kind, bytes] : sent) {
        const auto r = upload(clerk, h.id, kind, "scan.bin", bytes);
        ASSERT_EQ(r.status, 201) << r.body;
        const auto a = common::attachment_from_json(nlohmann::json::parse(r.body));
        EXPECT_EQ(a.size, static_cast<std::int64_t>(bytes.size()));
        EXPECT_EQ(a.sha256.size(), 64u);
        ids.push_back(a.id);
    }
    const auto listed = clerk.request_json(http_method::get, "/api/v1/households/" + std::to_string(h.id) + "/attachments");
    ASSERT_EQ(listed.at("items").size(), 3u);
    EXPECT_EQ(listed.at("items")[0].at("content_type"), "application/pdf");
    EXPECT_EQ(listed.at("items")[1].at("content_type"), "image/jpeg");
    EXPECT_EQ(listed.at("items")[2].at("content_type"), "image/png");
    EXPECT_FALSE(listed.at("items")[0].contains("content"));

    // Fetched by the township's reviewer: the very bytes, with their type.
    auto reviewer = client_as("reviewer_a");
    const auto fetched = reviewer.request(http_method::get, "/api/v1/attachments/" + std::to_string(ids[0]));
    ASSERT_EQ(fetched.status, 200);
    EXPECT_EQ(fetched.body, pdf);
    ASSERT_NE(fetched.header("Content-Type"), nullptr);
    EXPECT_EQ(*fetched.header("Content-Type"), "application/pdf");
    EXPECT_EQ(reviewer.request(http_method::get, "/api/v1/attachments/" + std::to_string(ids[2])).body, png);

    // By their bytes, not their names: a text file called .pdf is refused; an empty one too.
    auto refused_upload = [&](const std::string& bytes, int status, const std::string& code) {
        const auto r = upload(clerk, h.id, "application", "letter.pdf", bytes);
        EXPECT_EQ(r.status, status) << r.body;
        if (r.status == status) EXPECT_EQ(nlohmann::json::parse(r.body)["error"]["code"], code);
    };
    refused_upload("this is no PDF", 415, "unsupported_media_type");
    refused_upload("", 415, "unsupported_media_type");
    refused_upload(std::string("%PDF-") + std::string(10 * 1024 * 1024, 'x'), 413, "body_too_large");
    EXPECT_EQ(upload(clerk, h.id, "passport", "a.pdf", pdf).status, 422);
    EXPECT_EQ(upload(clerk, h.id, "application", "../a.pdf", pdf).status, 422);
    EXPECT_EQ(upload(clerk, h.id, "application", "a.pdf", pdf, 999999).status, 422) << "not a case of the file";

    // On record: three uploads and two fetches, nothing of the refused.
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'attachment.upload'"), 3);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'attachment.download'"), 2);
    EXPECT_EQ(count("SELECT COUNT(*) FROM attachments"), 3);
}

TEST_P(attachments, TheFilesAccessRulesHoldForEveryCall) {
    auto clerk = client_as("clerk_a");
    const auto h = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 62}), "");
    const auto a = common::attachment_from_json(
        nlohmann::json::parse(upload(clerk, h.id, "house_photo", "house.jpg", jpeg).body));
    auto other = client_as("clerk_b");
    refused([&] { other.request_json(http_method::get, "/api/v1/attachments/" + std::to_string(a.id)); }, 403,
            "area_forbidden");
    refused([&] { other.request_json(http_method::get, "/api/v1/households/" + std::to_string(h.id) + "/attachments"); },
            403, "area_forbidden");
    EXPECT_EQ(upload(other, h.id, "house_photo", "x.jpg", jpeg).status, 403);
    // Readers who do not write: the township head reads, may not upload.
    auto head = client_as("head_a");
    EXPECT_EQ(head.request(http_method::get, "/api/v1/attachments/" + std::to_string(a.id)).status, 200);
    EXPECT_EQ(upload(head, h.id, "house_photo", "x.jpg", jpeg).status, 403);
    // A helper not paired with the household.
    auto helper = client_as("helper_a");
    EXPECT_EQ(helper.request(http_method::get, "/api/v1/attachments/" + std::to_string(a.id)).status, 403);
    refused([&] { clerk.request_json(http_method::get, "/api/v1/attachments/999999"); }, 404, "not_found");
}

TEST_P(attachments, AFilesCompletenessNamesWhatItLacksUntilItHasIt) {
    auto admin = client_as("admin");
    admin.set_poverty_line(2026, 230000);
    auto clerk = client_as("clerk_a");
    const auto h = clerk.create_household(test_data::sample_household({.group = group_a, .seed = 63}), "");
    EXPECT_TRUE(gaps(clerk, h.id).empty()) << "a pending file without a case lacks nothing";

    const auto c = clerk.create_application(h.id, 2026, "本人申请");
    auto now = gaps(clerk, h.id);
    ASSERT_EQ(now.size(), 1u);
    EXPECT_EQ(now[0].code, "attachment.application");
    EXPECT_EQ(now[0].zh, "缺入户申请书");
    ASSERT_EQ(upload(clerk, h.id, "application", "申请书.pdf", pdf, c.id).status, 201);
    EXPECT_TRUE(gaps(clerk, h.id).empty());

    {
        auto db = server::sql::connect(database_->url());
        server::sql::transaction tx(*db, server::sql::tx_mode::write);
        server::storage::household_repository(*db).set_status(h.id, "registered", 1000, std::nullopt, std::nullopt, 2026);
        tx.commit();
    }
    now = gaps(clerk, h.id);
    std::vector<std::string> codes;
    for (const auto& g : now) codes.push_back(g.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"attachment.appraisal_minutes", "attachment.house_photo"}));
    ASSERT_EQ(upload(clerk, h.id, "appraisal_minutes", "评议记录.pdf", pdf).status, 201);
    ASSERT_EQ(upload(clerk, h.id, "house_photo", "住房.png", png).status, 201);
    EXPECT_TRUE(gaps(clerk, h.id).empty());
}

INSTANTIATE_TEST_SUITE_P(backends, attachments, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
