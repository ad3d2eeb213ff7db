#include "server/net/request_target.hpp"

namespace fupin::server::net {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '+') {
            out.push_back(' ');
        } else if (text[i] == '%' && i + 2 < text.size() &&
                   hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out.push_back(static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2])));
            i += 2;
        } else {
            out.push_back(text[i]);
        }
    }
    return out;
}

}  // namespace

request_target split_request_target(std::string_view target) {
    request_target result;
    auto question = target.find('?');
    result.path = std::string(target.substr(0, question));  // our paths are plain ASCII: never decoded
    if (question == std::string_view::npos) return result;
    auto query = target.substr(question + 1);
    while (!query.empty()) {
        auto amp = query.find('&');
        auto pair = query.substr(0, amp);
        if (!pair.empty()) {
            auto eq = pair.find('=');
            auto key = percent_decode(pair.substr(0, eq));
            auto value = eq == std::string_view::npos ? std::string() : percent_decode(pair.substr(eq + 1));
            result.query.emplace(std::move(key), std::move(value));  // the first of a repeated key wins
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return result;
}

}  // namespace fupin::server::net
