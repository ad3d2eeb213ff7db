#pragma once
// One worker thread of the load generator: its own keep-alive connection (api_client is not thread-safe), its own
// random numbers and its own latency samples, merged by the runner afterwards so that recording costs no lock.
#include <chrono>
#include <cstdint>
#include <optional>
#include <random>
#include <string>

#include "bench/common/latency_samples.hpp"
#include "client/api_client.hpp"

namespace fupin::bench {

class load_worker {
public:
    using clock = std::chrono::steady_clock;

    load_worker(int index, std::string area, const client::connection_options& options);

    int index() const { return index_; }
    // The township (or county) whose certificate this worker presents.
    const std::string& area() const { return area_; }
    std::mt19937_64& random() { return random_; }

    // One timed HTTP exchange. Its latency is recorded when it starts and ends inside the measuring window.
    // Throws bench_failure on a transport error or any status but `expected_status`.
    client::http_result send(client::http_method method, const std::string& target,
                             std::optional<std::string> body, int expected_status,
                             const client::header_list& headers = {});

    // The window in which exchanges count (set by the runner after every worker has prepared).
    void set_window(clock::time_point from, clock::time_point until);
    bool window_over(clock::time_point now) const { return now >= until_; }

    latency_samples& samples() { return samples_; }
    std::uint64_t request_bytes() const { return request_bytes_; }
    std::uint64_t response_bytes() const { return response_bytes_; }
    client::api_client& client() { return client_; }

private:
    int index_;
    std::string area_;
    client::api_client client_;
    std::mt19937_64 random_;
    latency_samples samples_;
    clock::time_point from_ = clock::time_point::max();
    clock::time_point until_ = clock::time_point::max();
    std::uint64_t request_bytes_ = 0;   // bodies of recorded exchanges
    std::uint64_t response_bytes_ = 0;
};

}  // namespace fupin::bench
