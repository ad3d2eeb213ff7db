// `--log-format json`: each line one JSON object a log shipper parses, with a request's key=value words as fields.
#include <gtest/gtest.h>

#include <chrono>

#include <nlohmann/json.hpp>
#include <spdlog/details/log_msg.h>

#include "server/cli/json_log_formatter.hpp"

namespace fupin::server {
namespace {

nlohmann::json formatted(std::string_view text, spdlog::level::level_enum level = spdlog::level::info,
                         std::chrono::system_clock::time_point at = std::chrono::system_clock::time_point(
                             std::chrono::milliseconds(1796644800123))) {
    spdlog::details::log_msg msg(at, spdlog::source_loc{}, "", level, spdlog::string_view_t(text.data(), text.size()));
    spdlog::memory_buf_t out;
    json_log_formatter().format(msg, out);
    const std::string line(out.data(), out.size());
    EXPECT_EQ(line.back(), '\n');
    EXPECT_EQ(line.find('\n'), line.size() - 1) << "one line";
    return nlohmann::json::parse(line);
}

TEST(json_log_formatter, a_request_line_is_one_object_with_its_fields) {
    const auto j = formatted("request=0000001c user=reviewer_a area=529901100 peer=127.0.0.1 GET /api/v1/households "
                             "status=200 time_ms=2.3 in=0 out=21596");
    EXPECT_EQ(j["time"], "2026-12-07T12:00:00.123Z");
    EXPECT_EQ(j["level"], "info");
    EXPECT_EQ(j["request"], "0000001c");
    EXPECT_EQ(j["user"], "reviewer_a");
    EXPECT_EQ(j["status"], "200");
    EXPECT_EQ(j["time_ms"], "2.3");
    EXPECT_EQ(j["out"], "21596");
    EXPECT_EQ(j["message"].get<std::string>().substr(0, 16), "request=0000001c");
}

TEST(json_log_formatter, quotes_newlines_and_bytes_that_are_not_utf8_stay_one_parsable_line) {
    const auto j = formatted("bad \"name\"\nsecond line \xff\xfe end time=forged level=forged message=forged",
                             spdlog::level::warn);
    EXPECT_EQ(j["level"], "warning");
    EXPECT_NE(j["message"].get<std::string>().find("second line"), std::string::npos);
    EXPECT_EQ(j["time"], "2026-12-07T12:00:00.123Z") << "a message cannot set the line's own fields";
    EXPECT_EQ(j.size(), 3u);
}

}  // namespace
}  // namespace fupin::server
