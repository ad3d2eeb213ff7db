#pragma once
// Slow and stalled township clients (slowloris): after a full mutual-TLS handshake, half of them dribble a
// request header one byte per second and never finish it; the other half send a POST header announcing a body
// and then stop a few bytes into it. They run on their own thread until stop(). A server that serves clients
// one at a time, or lets a slow read hold a shared thread, shows it in the other clients' latency.
#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "bench/common/bench_endpoint.hpp"

namespace fupin::bench {

class staller_clients {
public:
    staller_clients(const bench_endpoint& endpoint, const std::string& certs_dir, const std::string& area, int count);
    ~staller_clients();  // stop()

    // Blocks until every staller has finished its handshake and started stalling; throws bench_failure if any
    // handshake failed.
    void wait_until_stalling();
    // How many are still connected (the server may close them after its timeouts: idle 60 s, body 30 s).
    int connected() const { return connected_.load(); }
    void stop();

private:
    struct impl;
    std::unique_ptr<impl> impl_;
    std::atomic<int> connected_{0};
    std::thread thread_;
};

}  // namespace fupin::bench
