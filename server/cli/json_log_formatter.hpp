#pragma once
// `--log-format json`: each log line one JSON object, for a log shipper. {"time":"2026-12-07T10:00:00.123Z",
// "level":"info","message":"…"} and every `key=value` word of the message as a field of its own (strings, as
// written), so a request's line gives "request", "user", "area", "peer", "status", "time_ms", "in" and "out"
// without a parser of ours. The message keeps what it says in text (the one line per request stays one line).
#include <memory>

#include <spdlog/formatter.h>

namespace fupin::server {

class json_log_formatter final : public spdlog::formatter {
public:
    void format(const spdlog::details::log_msg& msg, spdlog::memory_buf_t& dest) override;
    std::unique_ptr<spdlog::formatter> clone() const override;
};

}  // namespace fupin::server
