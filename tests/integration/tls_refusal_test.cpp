// Only a township holding a certificate of the county CA gets an answer: no certificate, a certificate from
// another CA, plaintext and TLS 1.1 are refused before any HTTP is spoken.
#include <openssl/ssl.h>

#include <cstdlib>
#include <filesystem>

#include "transport/asio.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using client::client_error;
using client::error_kind;

// The refusal must be a transport failure: never an HTTP answer.
void expect_refused(client::connection_options options) {
    client::api_client client(std::move(options));
    try {
        auto result = client.request(client::http_method::get, "/api/v1/health");
        ADD_FAILURE() << "the server answered HTTP " << result.status << " instead of refusing the connection";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::tls) << e.what();
    }
}

class tls_refusal : public archive_test {};

TEST_P(tls_refusal, township_certificate_of_the_county_ca_is_accepted) {
    auto client = client_for(township_a);
    auto health = client.health();
    EXPECT_EQ(health["status"], "ok");
    EXPECT_EQ(health["database"], GetParam());
    EXPECT_EQ(health["caller_area"], township_a);
}

TEST_P(tls_refusal, no_client_certificate_is_refused) {
    auto options = options_for(township_a);
    options.tls.certificate.clear();
    options.tls.private_key.clear();
    expect_refused(options);
}

TEST_P(tls_refusal, certificate_from_another_ca_is_refused) {
    auto options = options_for(township_a);
    auto stem = (foreign_certificates() / "townships" / township_a).string();
    options.tls.certificate = stem + ".crt";
    options.tls.private_key = stem + ".key";
    expect_refused(options);
}

// A certificate the county CA signed by mistake (OpenSSL's own policies cannot forbid a second OU): the
// server reads the office only from a subject with exactly one OU.
client::connection_options with_signed_subject(client::connection_options options, const std::string& subject,
                                               const std::string& name) {
    const auto dir = certificates().parent_path() / ("odd-" + name);
    std::filesystem::create_directories(dir);
    const auto stem = (dir / name).string();
    const auto ca = certificates().string();
    const auto command =
        "cd '" + dir.string() + "' && openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout '" +
        stem + ".key' -subj '" + subject + "' -out '" + stem + ".csr' 2>/dev/null && " +
        "printf 'basicConstraints=CA:false\nkeyUsage=digitalSignature\nextendedKeyUsage=clientAuth\n' > ext.cnf && " +
        "openssl x509 -req -in '" + stem + ".csr' -CA '" + ca + "/ca.crt' -CAkey '" + ca + "/ca.key' " +
        "-CAcreateserial -days 30 -extfile ext.cnf -out '" + stem + ".crt' 2>/dev/null";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    options.tls.certificate = stem + ".crt";
    options.tls.private_key = stem + ".key";
    return options;
}

TEST_P(tls_refusal, a_certificate_without_exactly_one_ou_names_no_office) {
    for (const auto& [subject, name] : std::vector<std::pair<std::string, std::string>>{
             {"/C=CN/O=x/OU=" + township_b + "/OU=" + county_code + "/CN=two", "two-ous"},
             {"/C=CN/O=x/OU=" + county_code + "/OU=" + township_b + "/CN=two", "two-ous-county-first"},
             {"/C=CN/O=x/CN=none", "no-ou"}}) {
        client::api_client client(with_signed_subject(options_for(township_a), subject, name));
        const auto result = client.request(client::http_method::get, "/api/v1/health");
        EXPECT_EQ(result.status, 403) << name;
        EXPECT_EQ(nlohmann::json::parse(result.body)["error"]["code"], "certificate_without_area") << name;
    }
}

TEST_P(tls_refusal, tls_1_1_is_refused_by_the_server) {
    auto options = options_for(township_a);
    options.versions = client::tls_versions::tls1_1_only;
    std::string message;
    try {
        client::api_client client(options);
        auto result = client.request(client::http_method::get, "/api/v1/health");
        ADD_FAILURE() << "the server answered HTTP " << result.status << " over TLS 1.1";
    } catch (const client_error& e) {
        EXPECT_EQ(e.kind(), error_kind::tls);
        message = e.what();
    }
    // The server's alert, not our own client declining to offer TLS 1.1.
    EXPECT_NE(message.find("protocol version"), std::string::npos) << message;
}

TEST_P(tls_refusal, plaintext_http_gets_no_http_answer) {
    using namespace fupin::transport;
    asio::io_context io;
    tcp::socket socket(io);
    socket.connect({asio::ip::make_address("127.0.0.1"), server_->port()});
    const std::string request = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    asio::write(socket, asio::buffer(request));
    std::string answer;
    error_code ec;
    char chunk[512];
    for (;;) {
        auto n = socket.read_some(asio::buffer(chunk), ec);
        answer.append(chunk, n);
        if (ec) break;
    }
    // The server reads our text as a broken handshake and closes; at most a TLS alert comes back.
    EXPECT_TRUE(ec == asio::error::eof || ec == asio::error::connection_reset) << ec.message();
    EXPECT_EQ(answer.find("HTTP/"), std::string::npos) << answer;
}

INSTANTIATE_TEST_SUITE_P(backends, tls_refusal, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
