#include "server/sql/error_text.hpp"

namespace fupin::server::sql {
namespace {

bool identifier_like(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s) {
        const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '.';
        if (!ok) return false;
    }
    return true;
}

}  // namespace

std::string redact_values(std::string_view message) {
    std::string out;
    out.reserve(message.size());
    std::size_t i = 0;
    while (i < message.size()) {
        const char c = message[i];
        if (c != '\'' && c != '"' && c != '`') {
            out += c;
            ++i;
            continue;
        }
        const std::size_t close = message.find(c, i + 1);
        if (close == std::string_view::npos) {  // unbalanced: drop the rest, it may be a value
            out += c;
            out += "…";
            break;
        }
        const std::string_view inner = message.substr(i + 1, close - i - 1);
        out += c;
        out += identifier_like(inner) ? std::string(inner) : std::string("…");
        out += c;
        i = close + 1;
    }
    return out;
}

std::string sql_excerpt(std::string_view sql) {
    constexpr std::size_t limit = 300;
    if (sql.size() <= limit) return std::string(sql);
    return std::string(sql.substr(0, limit)) + "…";
}

}  // namespace fupin::server::sql
