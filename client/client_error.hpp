#pragma once
// The one error of the township client. Transport failures (no server, TLS refused, garbage answers) and the
// server's API errors ({"error":{"code","message","field","details"}}) arrive here, so the CLI maps them to a
// message and an exit code in one place (cli_app.cpp).
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

namespace fupin::client {

enum class error_kind {
    unreachable,  // DNS failure, connection refused, connect/read/write timeout, connection lost
    tls,          // handshake failed, server certificate not trusted, or our certificate refused by the server
    http,         // the server answered with a status >= 400; status(), code(), message(), field(), details()
    protocol,     // the answer is not HTTP we understand, too large, or not the JSON we expect
};

const char* to_string(error_kind kind) noexcept;

class client_error : public std::runtime_error {
public:
    // A transport or protocol failure; message is English diagnostic text (for logs and the CLI).
    client_error(error_kind kind, std::string message);

    // An API error answered by the server.
    static client_error from_response(int status, std::string code, std::string message, std::string field = {},
                                      nlohmann::json details = nullptr, int retry_after_seconds = 0);

    error_kind kind() const noexcept { return kind_; }
    int status() const noexcept { return status_; }                  // 0 unless kind() == http
    const std::string& code() const noexcept { return code_; }       // e.g. "version_conflict"; empty unless http
    const std::string& message() const noexcept { return message_; } // the server's message (in the asked language)
    const std::string& field() const noexcept { return field_; }     // e.g. "members[0].id_number"; may be empty
    const nlohmann::json& details() const noexcept { return details_; }  // object or null
    int retry_after_seconds() const noexcept { return retry_after_; }    // from Retry-After on 503; else 0

private:
    error_kind kind_;
    int status_ = 0;
    std::string code_;
    std::string message_;
    std::string field_;
    nlohmann::json details_;
    int retry_after_ = 0;
};

}  // namespace fupin::client
