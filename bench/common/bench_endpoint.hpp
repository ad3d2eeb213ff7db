#pragma once
// Where a benchmark connects (HOST:PORT) and with which certificate (build/certs from certs/make-certs):
// the township offices' certificates, or the county office's.
#include <string>

#include "client/api_client.hpp"

namespace fupin::bench {

struct bench_endpoint {
    std::string host;
    std::string port;
};

// "127.0.0.1:8443"; throws bench_failure on anything else.
bench_endpoint parse_endpoint(const std::string& text);

// Keep-alive client options for `area` (a township code, or the 6-digit county code) under `certs_dir`.
// Busy answers are not retried: a 503 must show up as a failure, not as a hidden wait.
client::connection_options options_for(const bench_endpoint& endpoint, const std::string& certs_dir,
                                       const std::string& area);

// The benchmark accounts scripts/bench makes on each server: bench_<area> (a township reviewer, who may read and
// write the township's files), all with this password.
inline constexpr const char* bench_password = "bench-password-2026";
std::string bench_username(const std::string& area);

// Logs `client` in as the bench account of `area`; throws bench_failure when the server refuses.
void log_in_as_office(client::api_client& client, const std::string& area);

}  // namespace fupin::bench
