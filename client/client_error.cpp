#include "client/client_error.hpp"

#include <utility>

namespace fupin::client {

const char* to_string(error_kind kind) noexcept {
    switch (kind) {
    case error_kind::unreachable: return "unreachable";
    case error_kind::tls: return "tls";
    case error_kind::http: return "http";
    case error_kind::protocol: return "protocol";
    }
    return "unknown";
}

client_error::client_error(error_kind kind, std::string message)
    : std::runtime_error(message), kind_(kind), message_(std::move(message)) {}

client_error client_error::from_response(int status, std::string code, std::string message, std::string field,
                                         nlohmann::json details, int retry_after_seconds) {
    client_error e(error_kind::http, "HTTP " + std::to_string(status) + " " + code + ": " + message);
    e.status_ = status;
    e.code_ = std::move(code);
    e.message_ = std::move(message);
    e.field_ = std::move(field);
    e.details_ = std::move(details);
    e.retry_after_ = retry_after_seconds;
    return e;
}

}  // namespace fupin::client
