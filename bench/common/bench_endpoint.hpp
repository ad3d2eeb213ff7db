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

}  // namespace fupin::bench
