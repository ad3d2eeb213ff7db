#include "bench/common/bench_endpoint.hpp"

#include "bench/common/bench_failure.hpp"

namespace fupin::bench {

bench_endpoint parse_endpoint(const std::string& text) {
    auto colon = text.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == text.size())
        throw bench_failure("expected HOST:PORT, got '" + text + "'");
    return {text.substr(0, colon), text.substr(colon + 1)};
}

client::connection_options options_for(const bench_endpoint& endpoint, const std::string& certs_dir,
                                       const std::string& area) {
    client::connection_options options;
    options.host = endpoint.host;
    options.port = endpoint.port;
    options.tls.ca = certs_dir + "/ca.crt";
    const std::string stem = area.size() == 6 ? certs_dir + "/county" : certs_dir + "/townships/" + area;
    options.tls.certificate = stem + ".crt";
    options.tls.private_key = stem + ".key";
    options.timeout = std::chrono::seconds(30);
    options.busy_retries = 0;
    return options;
}

std::string bench_username(const std::string& area) { return "bench_" + area; }

void log_in_as_office(client::api_client& client, const std::string& area) {
    try {
        client.login(bench_username(area), bench_password);
    } catch (const std::exception& e) {
        throw bench_failure("logging in as " + bench_username(area) + " (scripts/bench makes the account): " + e.what());
    }
}

}  // namespace fupin::bench
