#include "server/cli/json_log_formatter.hpp"

#include <algorithm>
#include <chrono>
#include <string_view>

#include <nlohmann/json.hpp>

#include "common/household_json.hpp"

namespace fupin::server {
namespace {

// A field's name: lower-case letters, digits and '_', starting with a letter; "time", "level" and "message" are
// the line's own.
bool field_name(std::string_view name) {
    if (name.empty() || name.front() < 'a' || name.front() > 'z') return false;
    for (const char c : name)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return name != "time" && name != "level" && name != "message";
}

}  // namespace

void json_log_formatter::format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) {
    const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(msg.time.time_since_epoch()).count();
    const std::string_view text(msg.payload.data(), msg.payload.size());
    const auto level = spdlog::level::to_string_view(msg.level);
    nlohmann::json line{{"time", common::format_utc_ms(ms)},
                        {"level", std::string(level.data(), level.size())},
                        {"message", std::string(text)}};
    // Every word key=value: the first of a name counts (a message never names one twice on purpose).
    for (std::size_t at = 0; at < text.size();) {
        const auto end = std::min(text.find(' ', at), text.size());
        const auto word = text.substr(at, end - at);
        if (const auto eq = word.find('='); eq != std::string_view::npos) {
            const auto name = word.substr(0, eq);
            if (field_name(name) && !line.contains(name)) line[std::string(name)] = std::string(word.substr(eq + 1));
        }
        at = end + 1;
    }
    // Text that is not UTF-8 (a peer's bytes in a message) is replaced, never a line that cannot be parsed.
    const auto out = line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    dest.append(out.data(), out.data() + out.size());
    dest.push_back('\n');
}

std::unique_ptr<spdlog::formatter> json_log_formatter::clone() const { return std::make_unique<json_log_formatter>(); }

}  // namespace fupin::server
