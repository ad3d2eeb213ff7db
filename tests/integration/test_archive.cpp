#include "test_archive.hpp"

#include <chrono>
#include <cstdlib>

#include "common/china_date.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/transaction.hpp"
#include "server/storage/household_repository.hpp"

namespace fupin::test {
namespace fs = std::filesystem;

namespace {

fs::path make_certificates(const std::string& name, const std::string& label) {
    auto out = run_folder() / name;
    std::string command = std::string(FUPIN_SOURCE_DIR) + "/certs/make-certs --out '" + out.string() + "' --areas '" +
                          FUPIN_SOURCE_DIR + "/data/demo/areas.json'" + (label.empty() ? "" : " --name '" + label + "'") +
                          " >/dev/null";
    if (std::system(command.c_str()) != 0) throw std::runtime_error("make-certs failed: " + command);
    return out;
}

}  // namespace

const fs::path& certificates() {
    static const fs::path path = make_certificates("certs", "");
    return path;
}

const fs::path& foreign_certificates() {
    static const fs::path path = make_certificates("foreign", "邻县扶贫办");
    return path;
}

void archive_test::SetUp() {
    database_test::SetUp();
    if (!database_) return;  // skipped, or failed for want of MariaDB: nothing to serve
    auto config = server_config_with(certificates());
    configure(config);
    server_ = std::make_unique<server::county_server>(config);
    server_->start();
}

server::server_config archive_test::server_config_with(const std::filesystem::path& certs) const {
    server::server_config config;
    config.listen_host = "127.0.0.1";
    config.listen_port = 0;
    config.database_url = database_->url();
    config.tls_certificate = (certs / "server.crt").string();
    config.tls_private_key = (certs / "server.key").string();
    config.client_ca = (certs / "ca.crt").string();
    config.crl = (certs / "crl.pem").string();
    config.network_threads = 2;
    config.database_workers = 4;
    config.argon2_iterations = 1;
    config.argon2_memory_kib = 64;
    config.clock = [offset = clock_offset_ms_] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
                   .count() +
               offset->load();
    };
    config.monotonic_clock = [offset = cache_clock_offset_ms_] {
        return std::chrono::steady_clock::now() + std::chrono::milliseconds(offset->load());
    };
    return config;
}

void archive_test::TearDown() {
    if (server_) server_->stop();
    server_.reset();
    database_test::TearDown();
}

client::connection_options archive_test::options_for(const std::string& area) {
    const auto& certs = certificates();
    client::connection_options options;
    options.host = "127.0.0.1";
    options.port = std::to_string(server_->port());
    options.tls.ca = (certs / "ca.crt").string();
    auto stem = area == county_code ? certs / "county" : certs / "townships" / area;
    options.tls.certificate = stem.string() + ".crt";
    options.tls.private_key = stem.string() + ".key";
    options.timeout = std::chrono::seconds(20);
    return options;
}

client::api_client archive_test::client_for(const std::string& area, common::language lang) {
    if (area == county_code) return client_as("approver", lang);
    if (area == township_a) return client_as("reviewer_a", lang);
    if (area == township_b) return client_as("reviewer_b", lang);
    throw std::invalid_argument("no test office for " + area);
}

std::string archive_test::server_day(int plus_days) const {
    constexpr std::int64_t day_ms = 24LL * 60 * 60 * 1000;
    const auto now = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::system_clock::now().time_since_epoch()).count();
    return common::format_date(common::china_date_of_ms(now + *clock_offset_ms_ + plus_days * day_ms));
}

client::api_client archive_test::client_as(const std::string& username, common::language lang) {
    for (const auto& u : test_users()) {
        if (u.username != username) continue;
        auto options = options_for(u.area.size() == 6 ? county_code : u.area.substr(0, 9));
        options.lang = lang;
        client::api_client client(options);
        client.login(username, test_password);
        return client;
    }
    throw std::invalid_argument("no test user " + username);
}

void archive_test::mark_registered(std::int64_t household_id, int year) {
    auto db = server::sql::connect(database_->url());
    server::sql::transaction tx(*db, server::sql::tx_mode::write);
    ASSERT_TRUE(server::storage::household_repository(*db).set_status(household_id, "registered", 1000, std::nullopt,
                                                                      std::nullopt, year));
    tx.commit();
}

void archive_test::attach_pdf(client::api_client& c, std::int64_t household_id, const std::string& kind) {
    const auto r = c.request(client::http_method::post,
                             "/api/v1/households/" + std::to_string(household_id) + "/attachments?kind=" + kind +
                                 "&name=a.pdf",
                             std::string("%PDF-1.4 scan"), {{"Content-Type", "application/pdf"}});
    ASSERT_EQ(r.status, 201) << r.body;
}

}  // namespace fupin::test
