#pragma once
// Many township offices connected at once and doing nothing: each connection makes one request (so its TLS
// session and HTTP state are fully set up on the server) and then stays open and idle while the server's
// resident memory is read from /proc/PID/status.
#include <cstddef>
#include <string>
#include <vector>

#include "bench/common/bench_endpoint.hpp"
#include "client/api_client.hpp"

namespace fupin::bench {

class idle_connections {
public:
    // Opens `count` connections with the certificates of `areas` in turn, each sending GET `target` (200).
    // Throws bench_failure if any connection or request fails.
    idle_connections(const bench_endpoint& endpoint, const std::string& certs_dir, const std::vector<std::string>& areas,
                     std::size_t count, const std::string& target);
    // Sends one more request on every connection: proves the server kept them all (within its idle timeout).
    void check_all_alive(const std::string& target);
    std::size_t size() const { return clients_.size(); }

private:
    std::vector<client::api_client> clients_;
};

}  // namespace fupin::bench
