// The bad-input catalogue: hostile requests as an attacker (or a broken client) would send them, each with the
// answer it must get, and each checked to change nothing: every table's row count and the audit head are as
// before, except the entries that record an audited refusal (a 403, a failed login).
// The requests are written as raw bytes on a real TLS connection, so that what the typed client would never
// send (two Content-Lengths, NUL bytes, broken UTF-8, slow bodies) reaches the server as it would on the wire.
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>

#include "common/household_json.hpp"
#include "transport/asio.hpp"
#include "transport/tls_context.hpp"
#include "server/sql/database_url.hpp"
#include "server/sql/connection.hpp"
#include "test_archive.hpp"

namespace fupin::test {
namespace {

using namespace fupin::transport;
using namespace std::string_literals;  // "…\0…"s keeps the NUL bytes
using client::http_method;

// What came back on a connection: an HTTP answer (status > 0), or the connection closed without one (status 0).
struct answer {
    int status = 0;
    std::string code;  // the error code of the JSON body, if any
};

// One TLS connection with an office's certificate, fed raw bytes.
answer send_raw(unsigned short port, const client::tls_files& files, const std::vector<std::string>& pieces,
                std::chrono::milliseconds pause_between = std::chrono::milliseconds(0),
                std::chrono::seconds wait = std::chrono::seconds(10)) {
    asio::io_context io;
    auto tls = make_client_tls_context({files.ca, files.certificate, files.private_key});
    beast::ssl_stream<beast::tcp_stream> stream(io, tls);
    beast::get_lowest_layer(stream).connect(tcp::endpoint(asio::ip::make_address("127.0.0.1"), port));
    stream.handshake(ssl::stream_base::client);
    error_code ec;
    for (std::size_t i = 0; i < pieces.size() && !ec; ++i) {
        if (i > 0 && pause_between.count() > 0) std::this_thread::sleep_for(pause_between);
        asio::write(stream, asio::buffer(pieces[i]), ec);
    }
    beast::get_lowest_layer(stream).expires_after(wait);
    beast::flat_buffer buffer;
    http::response_parser<http::string_body> parser;
    parser.body_limit(1 << 20);
    http::read(stream, buffer, parser, ec);
    answer a;
    if (ec) return a;  // closed (or timed out) without an answer
    a.status = static_cast<int>(parser.get().result_int());
    auto body = nlohmann::json::parse(parser.get().body(), nullptr, false);
    if (body.is_object() && body.contains("error")) a.code = body["error"].value("code", "");
    return a;
}

std::string request(const std::string& method, const std::string& target, const std::string& body,
                    const std::string& token, const std::vector<std::string>& headers = {},
                    bool content_length = true) {
    std::string r = method + " " + target + " HTTP/1.1\r\nHost: county\r\n";
    if (!token.empty()) r += "Authorization: Bearer " + token + "\r\n";
    bool typed = false;
    for (const auto& h : headers) {
        r += h + "\r\n";
        typed = typed || h.rfind("Content-Type:", 0) == 0;
    }
    if (!typed && !body.empty()) r += "Content-Type: application/json\r\n";
    if (content_length) r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return r + "\r\n" + body;
}

std::string deep(std::size_t levels) { return std::string(levels, '[') + std::string(levels, ']'); }

struct hostile {
    std::string name;
    std::function<answer()> send;
    int status;        // 0: the connection is closed without an answer
    std::string code;  // the error code expected ("" when status is 0)
    bool audited = false;
};

class bad_input_catalogue : public archive_test {
protected:
    void configure(server::server_config& config) override {
        config.idle_timeout = std::chrono::seconds(2);
        config.read_timeout = std::chrono::seconds(2);
    }

    // Every table's row count and the audit head: what a refused request must leave as it found it.
    std::map<std::string, long long> snapshot() {
        auto db = server::sql::connect(database_->url());
        std::map<std::string, long long> out;
        for (const auto* table :
             {"areas", "households", "members", "idempotency_keys", "users", "audit_log", "poverty_lines", "quotas",
              "applications", "application_steps", "postings", "posting_entries", "objections", "appraisals",
              "appraisal_results", "events", "sessions", "login_throttle", "lookup_times"})
            out[table] = db->query(std::string("SELECT COUNT(*) FROM ") + table).at(0).get_int64(0);
        out["audit_head"] = db->query("SELECT MAX(seq) FROM audit_log").at(0).get_int64(0);
        out["users.updated"] = db->query("SELECT COALESCE(SUM(updated_at_ms), 0) FROM users").at(0).get_int64(0);
        out["households.version"] = db->query("SELECT COALESCE(SUM(version), 0) FROM households").at(0).get_int64(0);
        return out;
    }

    std::string expired_certificate_stem();
};

// A certificate of the county CA that expired in 2020, issued from a copy of the CA's folder (so the shared
// index is not touched).
std::string bad_input_catalogue::expired_certificate_stem() {
    const auto dir = certificates().parent_path() / ("expired-" + GetParam());
    std::filesystem::remove_all(dir);
    std::filesystem::copy(certificates(), dir, std::filesystem::copy_options::recursive);
    const auto stem = (dir / "expired").string();
    const auto command = "cd '" + dir.string() + "' && FUPIN_CA_DIR='" + dir.string() +
                         "' sh -c \"openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout '" +
                         stem + ".key' -subj '/C=CN/O=x/OU=" + township_a + "/CN=expired' -out '" + stem +
                         ".csr' && openssl ca -batch -config '" + std::string(FUPIN_SOURCE_DIR) +
                         "/certs/openssl.cnf' -policy policy_office -extensions client_ext -startdate "
                         "20200101000000Z -enddate 20200201000000Z -in '" + stem + ".csr' -out '" + stem +
                         ".crt' -notext\" >/dev/null 2>&1";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return stem;
}

TEST_P(bad_input_catalogue, every_hostile_request_gets_its_answer_and_changes_nothing) {
    // The data the requests aim at: a file of this township and one of another.
    auto reviewer = client_for(township_a);
    const auto own = reviewer.create_household(test_data::sample_household({.group = group_a, .seed = 1}), "");
    const auto other = client_for(township_b).create_household(test_data::sample_household({.group = group_b, .seed = 2}), "");
    const auto token = reviewer.token();
    auto other_office = client_as("reviewer_b");
    const auto token_b = other_office.token();
    auto ended = client_as("clerk_a");
    const auto ended_token = ended.token();
    ended.logout();

    const auto files = options_for(township_a).tls;
    const auto port = server_->port();
    const auto raw = [&](std::string bytes) { return [=, &files] { return send_raw(port, files, {bytes}); }; };
    const auto as_reviewer = [&](const std::string& method, const std::string& target, const std::string& body,
                                 std::vector<std::string> headers = {}) {
        return raw(request(method, target, body, token, std::move(headers)));
    };
    const auto create = [&](const std::string& body) { return as_reviewer("POST", "/api/v1/households", body); };
    auto valid = common::to_json(test_data::sample_household({.group = group_a, .seed = 5}));
    const auto with = [&](const std::function<void(nlohmann::json&)>& edit) {
        auto j = valid;
        edit(j);
        return j.dump();
    };
    const std::string own_id = std::to_string(own.id), other_id = std::to_string(other.id);
    auto put_body = common::to_json(own);
    const auto expired = expired_certificate_stem();
    auto expired_files = files;
    expired_files.certificate = expired + ".crt";
    expired_files.private_key = expired + ".key";

    std::vector<hostile> catalogue{
        // HTTP framing
        {"Content-Length and Transfer-Encoding together (smuggling)",
         raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nAuthorization: Bearer " + token +
             "\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
             "GET /api/v1/households HTTP/1.1\r\nHost: c\r\n\r\n"),
         400, "bad_request"},
        {"two different Content-Lengths",
         raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nContent-Type: application/json\r\nContent-Length: 2\r\n"
             "Content-Length: 40\r\n\r\n{}"),
         400, "bad_request"},
        {"a negative Content-Length", raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nContent-Length: -1\r\n\r\n"),
         400, "bad_request"},
        {"a Content-Length beyond 64 bits",
         raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nContent-Length: 99999999999999999999999\r\n\r\n"), 400,
         "bad_request"},
        {"a header over the limit", as_reviewer("GET", "/api/v1/households", "", {"X-Padding: " + std::string(9000, 'a')}),
         431, "header_too_large"},
        {"a declared body over the limit",
         raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nContent-Type: application/json\r\nContent-Length: 2097152\r\n\r\n{"),
         413, "body_too_large"},
        {"a chunked body over the limit",
         raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nContent-Type: application/json\r\nTransfer-Encoding: "
             "chunked\r\n\r\n200000\r\n" + std::string(0x200000, ' ') + "\r\n0\r\n\r\n"),
         413, "body_too_large"},
        {"a malformed chunk size",
         raw("POST /api/v1/households HTTP/1.1\r\nHost: c\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n"),
         400, "bad_request"},
        {"a NUL byte in a header", raw("GET /api/v1/households HTTP/1.1\r\nHost: c\r\nX-A: a\0b\r\n\r\n"s),
         400, "bad_request"},
        {"a NUL byte in the target", raw("GET /api/v1/house\0holds HTTP/1.1\r\nHost: c\r\n\r\n"s), 400,
         "bad_request"},
        {"an unknown HTTP version", raw("GET /api/v1/health HTTP/9.9\r\nHost: c\r\n\r\n"), 400, "bad_request"},
        {"a request line that is not HTTP", raw("HELLO\r\n\r\n"), 400, "bad_request"},
        {"a header without a colon", raw("GET /api/v1/health HTTP/1.1\r\nHost c\r\n\r\n"), 400, "bad_request"},
        {"a slow header (never finished)",
         [&] { return send_raw(port, files, {"GET /api/v1/households HTTP/1.1\r\nHost: c\r\n"}, {}, std::chrono::seconds(6)); },
         0, ""},
        {"a slow body (never finished)",
         [&] {
             return send_raw(port, files, {request("POST", "/api/v1/households", valid.dump(), token).substr(0, 400)}, {},
                             std::chrono::seconds(6));
         },
         0, ""},
        // Paths and parameters
        {"path traversal", as_reviewer("GET", "/api/v1/../../etc/passwd", ""), 404, "not_found"},
        {"an encoded path traversal", as_reviewer("GET", "/api/v1/households/..%2F..%2Fetc%2Fpasswd", ""), 404,
         "not_found"},
        {"a very long target", as_reviewer("GET", "/api/v1/households/" + std::string(7000, '1'), ""), 404, "not_found"},
        {"an id of zero", as_reviewer("GET", "/api/v1/households/0", ""), 404, "not_found"},
        {"a negative id", as_reviewer("GET", "/api/v1/households/-5", ""), 404, "not_found"},
        {"an id of 19 digits", as_reviewer("GET", "/api/v1/households/9223372036854775808", ""), 404, "not_found"},
        {"SQL in the path", as_reviewer("GET", "/api/v1/households/1%20OR%201=1", ""), 404, "not_found"},
        {"SQL in a query parameter", as_reviewer("GET", "/api/v1/households?village=%27%20OR%201=1--", ""), 400,
         "invalid_parameter"},
        {"page_size zero", as_reviewer("GET", "/api/v1/households?page_size=0", ""), 400, "invalid_parameter"},
        {"page_size huge", as_reviewer("GET", "/api/v1/households?page_size=99999999999", ""), 400, "invalid_parameter"},
        {"a forged page token", as_reviewer("GET", "/api/v1/households?page_token=%00%ff", ""), 400, "invalid_parameter"},
        {"an unknown endpoint", as_reviewer("GET", "/api/v1/secrets", ""), 404, "not_found"},
        {"a method the endpoint does not have", as_reviewer("DELETE", "/api/v1/households", ""), 405,
         "method_not_allowed"},
        // Bodies
        {"a body that is not declared JSON", as_reviewer("POST", "/api/v1/households", valid.dump(), {"Content-Type: text/plain"}),
         415, "unsupported_media_type"},
        {"a body without a type", raw(request("POST", "/api/v1/households", "", token)), 415,
         "unsupported_media_type"},
        {"JSON cut short", create("{\"township_code\": \"529901100\", "), 400, "invalid_json"},
        {"an array instead of an object", create("[]"), 400, "invalid_json"},
        {"a string instead of an object", create("\"household\""), 400, "invalid_json"},
        {"two values", create("{} {}"), 400, "invalid_json"},
        {"invalid UTF-8", create(with([](auto&) {}).replace(2, 0, "\xff\xfe")), 400, "invalid_json"},
        {"overlong UTF-8 (a slash as C0 AF)", create("{\"address\":\"\xc0\xaf\"}"), 400, "invalid_json"},
        {"a UTF-16 surrogate in UTF-8", create("{\"address\":\"\xed\xa0\x80\"}"), 400, "invalid_json"},
        {"a raw NUL byte in the body", create("{\"address\":\"a\0b\"}"s), 400, "invalid_json"},
        {"nesting under an ignored key", create("{\"id\":" + deep(100'000) + "}"), 400, "json_too_complex"},
        {"nesting in the members", create("{\"members\":" + deep(70) + "}"), 400, "json_too_complex"},
        {"nesting unclosed", create(std::string(300'000, '[')), 400, "json_too_complex"},
        {"too many values", create("{\"x\":[" + [] {
                                       std::string v = "0";
                                       for (int i = 0; i < 100'001; ++i) v += ",0";
                                       return v;
                                   }() + "]}"),
         400, "json_too_complex"},
        {"nesting in a login", raw(request("POST", "/api/v1/sessions", "{\"username\":" + deep(1000) + "}", "")), 400,
         "json_too_complex"},
        {"nesting in an application",
         as_reviewer("POST", "/api/v1/applications", "{\"household_id\":" + deep(1000) + "}"), 400, "json_too_complex"},
        {"nesting in a quota", as_reviewer("PUT", "/api/v1/quotas/2026/" + village_a, "{\"quota\":" + deep(1000) + "}"),
         400, "json_too_complex"},
        {"nesting in a user", as_reviewer("POST", "/api/v1/users", "{\"username\":" + deep(1000) + "}"), 400,
         "json_too_complex"},
        {"an unknown field", create(with([](auto& j) { j["is_admin"] = true; })), 400, "unknown_field"},
        {"an output-only field of the wrong type", create(with([](auto& j) { j["status"] = nlohmann::json::object(); })),
         400, "invalid_type"},
        {"members as an object", create(with([](auto& j) { j["members"] = nlohmann::json::object(); })), 400,
         "invalid_type"},
        {"a number as text", create(with([](auto& j) { j["income"]["wages"] = "1200"; })), 400, "invalid_type"},
        {"a number too large for any amount", create(with([](auto& j) { j["income"]["wages"] = 1e300; })), 422,
         "invalid_value"},
        {"a number beyond 64 bits", create([&] {
             auto text = valid.dump();
             const auto at = text.find("\"migrant_work_months\":");
             return text.insert(at + 22, "123456789012345678901234567890");  // digits before the real value
         }()),
         400, "invalid_type"},
        {"a number beyond a double", create("{\"income\":{\"wages\":1e999}}"), 400, "invalid_json"},
        {"a negative month count",
         create(with([](auto& j) { j["members"][0]["migrant_work_months"] = -5; })), 422, "invalid_value"},
        {"a wrong check digit",
         create(with([](auto& j) {
             auto id = j["members"][0]["id_number"].template get<std::string>();
             id.back() = id.back() == '0' ? '1' : '0';
             j["members"][0]["id_number"] = id;
         })),
         422, "invalid_id_number"},
        {"a name of 10,000 characters", create(with([](auto& j) { j["members"][0]["name"] = std::string(10'000, 'a'); })),
         422, "too_long"},
        {"a control character in a name", create(with([](auto& j) { j["members"][0]["name"] = "王\u0001大山"; })), 422,
         "invalid_value"},
        {"an update without a version",
         as_reviewer("PUT", "/api/v1/households/" + own_id, [&] {
             auto j = put_body;
             j.erase("version");
             return j.dump();
         }()),
         422, "missing_field"},
        {"an Idempotency-Key with a path", as_reviewer("POST", "/api/v1/households", valid.dump(), {"Idempotency-Key: ../../etc"}),
         400, "invalid_idempotency_key"},
        {"an Idempotency-Key too long",
         as_reviewer("POST", "/api/v1/households", valid.dump(), {"Idempotency-Key: " + std::string(200, 'k')}), 400,
         "invalid_idempotency_key"},
        // Other areas' records
        {"reading another township's file", as_reviewer("GET", "/api/v1/households/" + other_id, ""), 403,
         "area_forbidden", true},
        {"editing another township's file",
         as_reviewer("PUT", "/api/v1/households/" + other_id, common::to_json(other).dump()), 403, "area_forbidden", true},
        {"creating a file in another township",
         create(common::to_json(test_data::sample_household({.group = group_b, .seed = 9})).dump()), 403, "area_forbidden", true},
        {"applying for another township's file",
         as_reviewer("POST", "/api/v1/applications", "{\"household_id\":" + other_id + ",\"year\":2026}"), 403,
         "access_denied", true},
        {"setting another township's quota",
         as_reviewer("PUT", "/api/v1/quotas/2026/" + village_b, "{\"quota\":5}"), 403, "area_forbidden", true},
        {"managing users without the role",
         as_reviewer("POST", "/api/v1/users/clerk_a/password", "{\"password\":\"another-password-9\"}"), 403,
         "access_denied", true},
        // Sessions and tokens
        {"no token", raw(request("GET", "/api/v1/households", "", "")), 401, "authentication_required"},
        {"another scheme", raw(request("GET", "/api/v1/households", "", "", {"Authorization: Basic YTpi"})), 401,
         "authentication_required"},
        {"a forged token", raw(request("GET", "/api/v1/households", "", std::string(64, 'a'))), 401, "session_expired"},
        {"a token of the wrong length", raw(request("GET", "/api/v1/households", "", token + "00")), 401,
         "session_expired"},
        {"a token replayed after its logout", raw(request("GET", "/api/v1/households", "", ended_token)), 401,
         "session_expired"},
        {"another office's token", raw(request("GET", "/api/v1/households", "", token_b)), 401, "certificate_mismatch"},
        {"SQL as a username", raw(request("POST", "/api/v1/sessions", R"({"username":"x' OR '1'='1","password":"p"})", "")),
         401, "invalid_credentials"},
        {"a password of a megabyte less a bit",
         raw(request("POST", "/api/v1/sessions", "{\"username\":\"clerk_a\",\"password\":\"" + std::string(900'000, 'p') + "\"}", "")),
         422, "too_long"},
        // Certificates (the TLS handshake refuses them: no HTTP answer at all)
        {"an expired certificate", [&] {
             try {
                 return send_raw(port, expired_files, {request("GET", "/api/v1/health", "", "")});
             } catch (const std::exception&) {
                 return answer{};
             }
         },
         0, ""},
    };
    ASSERT_GE(catalogue.size(), 60u);

    for (const auto& h : catalogue) {
        auto before = snapshot();
        const auto got = h.send();
        EXPECT_EQ(got.status, h.status) << h.name;
        if (h.status != 0) {
            EXPECT_EQ(got.code, h.code) << h.name;
        }
        auto after = snapshot();
        if (h.audited) {
            EXPECT_EQ(after["audit_log"], before["audit_log"] + 1) << h.name << ": the refusal is on record";
            after["audit_log"] = before["audit_log"];
            after["audit_head"] = before["audit_head"];
        }
        EXPECT_EQ(after, before) << h.name << ": changed something";
    }
    // And the server is still there.
    EXPECT_EQ(client_for(township_a).health()["status"], "ok");
}

INSTANTIATE_TEST_SUITE_P(backends, bad_input_catalogue, ::testing::Values("sqlite", "mysql"), backend_name);

}  // namespace
}  // namespace fupin::test
