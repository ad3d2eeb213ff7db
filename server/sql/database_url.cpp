#include "server/sql/database_url.hpp"

#include <charconv>
#include <stdexcept>

#include "server/sql/sqlite_connection.hpp"

namespace fupin::server::sql {
namespace {

constexpr std::string_view usage =
    " (expected sqlite:PATH, mysql://USER:PASS@HOST[:PORT]/DB or mysql://USER[:PASS]@localhost/DB?socket=PATH)";

[[noreturn]] void invalid(std::string_view what) {
    throw std::invalid_argument("invalid database URL: " + std::string(what) + std::string(usage));
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view s, std::string_view what) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        if (i + 2 >= s.size()) invalid(std::string("bad percent escape in ") + std::string(what));
        const int hi = hex_digit(s[i + 1]);
        const int lo = hex_digit(s[i + 2]);
        if (hi < 0 || lo < 0) invalid(std::string("bad percent escape in ") + std::string(what));
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

std::string percent_encode(std::string_view s) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        const bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                           c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += digits[c >> 4];
            out += digits[c & 15];
        }
    }
    return out;
}

bool valid_identifier(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$'))
            return false;
    return true;
}

database_url parse_mysql(std::string_view rest) {
    database_url out;
    out.backend = database_url::kind::mysql;
    mysql_options& m = out.mysql;

    const auto slash = rest.find('/');
    if (slash == std::string_view::npos) invalid("no /DB after the host");
    const std::string_view authority = rest.substr(0, slash);
    std::string_view path = rest.substr(slash + 1);

    const auto at = authority.rfind('@');
    if (at == std::string_view::npos) invalid("no USER@ before the host");
    const std::string_view userinfo = authority.substr(0, at);
    const std::string_view hostport = authority.substr(at + 1);
    const auto colon = userinfo.find(':');
    m.user = percent_decode(userinfo.substr(0, colon), "the user");
    if (colon != std::string_view::npos) m.password = percent_decode(userinfo.substr(colon + 1), "the password");
    if (m.user.empty()) invalid("empty user");

    const auto port_colon = hostport.rfind(':');
    m.host = std::string(hostport.substr(0, port_colon));
    if (m.host.empty()) invalid("empty host");
    if (port_colon != std::string_view::npos) {
        const std::string_view port = hostport.substr(port_colon + 1);
        int n = 0;
        const auto [p, ec] = std::from_chars(port.data(), port.data() + port.size(), n);
        if (port.empty() || ec != std::errc() || p != port.data() + port.size() || n < 1 || n > 65535)
            invalid("bad port");
        m.port = n;
    }

    std::string_view query;
    if (const auto q = path.find('?'); q != std::string_view::npos) {
        query = path.substr(q + 1);
        path = path.substr(0, q);
    }
    if (!valid_identifier(path)) invalid("database name must be 1-64 of A-Z a-z 0-9 _ $");
    m.database = std::string(path);

    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos) invalid("query parameter without =");
        const auto name = pair.substr(0, eq);
        const auto value = pair.substr(eq + 1);
        if (name == "socket") {
            m.socket = percent_decode(value, "the socket path");
            if (m.socket.empty() || m.socket.front() != '/') invalid("socket must be an absolute path");
        } else if (name == "timeout") {
            int seconds = 0;
            const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), seconds);
            if (ec != std::errc() || end != value.data() + value.size() || seconds < 1 || seconds > 300)
                invalid("timeout must be 1 to 300 seconds");
            m.timeout_s = seconds;
        } else {
            invalid("unknown query parameter (socket= and timeout= are known)");
        }
    }
    if (!m.socket.empty() && m.host != "localhost") invalid("socket= needs the host localhost");
    return out;
}

}  // namespace

database_url database_url::parse(const std::string& url) {
    constexpr std::string_view sqlite_prefix = "sqlite:";
    constexpr std::string_view mysql_prefix = "mysql://";
    const std::string_view u = url;
    if (u.starts_with(sqlite_prefix)) {
        database_url out;
        out.backend = kind::sqlite;
        out.sqlite_path = std::string(u.substr(sqlite_prefix.size()));
        if (out.sqlite_path.empty()) invalid("empty SQLite path");
        return out;
    }
    if (u.starts_with(mysql_prefix)) return parse_mysql(u.substr(mysql_prefix.size()));
    invalid("unknown scheme");
}

std::string database_url::redacted() const {
    if (backend == kind::sqlite) return "sqlite:" + sqlite_path;
    std::string out = "mysql://" + percent_encode(mysql.user);
    if (!mysql.password.empty()) out += ":***";
    out += "@" + mysql.host;
    if (mysql.socket.empty() && mysql.port != 3306) out += ":" + std::to_string(mysql.port);
    out += "/" + mysql.database;
    std::string query;
    if (!mysql.socket.empty()) query += "socket=" + mysql.socket;
    if (mysql.timeout_s != mysql_options{}.timeout_s)
        query += (query.empty() ? "" : "&") + std::string("timeout=") + std::to_string(mysql.timeout_s);
    if (!query.empty()) out += "?" + query;
    return out;
}

database_url database_url::for_maintenance() const {
    database_url out = *this;
    out.mysql.statement_timeout_s = 3600;
    return out;
}

std::unique_ptr<connection> connect(const std::string& url) { return connect(database_url::parse(url)); }

std::unique_ptr<connection> connect(const database_url& url) {
    if (url.backend == database_url::kind::sqlite) return std::make_unique<sqlite_connection>(url.sqlite_path);
    return std::make_unique<mysql_connection>(url.mysql);
}

}  // namespace fupin::server::sql
