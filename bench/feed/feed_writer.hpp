#pragma once
// The writes the feed carries: household creates (POST /api/v1/households, one event each) by township
// offices' bench accounts, each on its own keep-alive connection. The steady phase writes sequentially at a
// fixed rate on the first connection; the burst phase writes as fast as the server answers, on every connection
// at once. Each write's time is that of its 201: the commit (and its outbox row) happened before it.
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "bench/common/area_catalog.hpp"
#include "bench/common/bench_endpoint.hpp"
#include "bench/common/household_factory.hpp"
#include "client/api_client.hpp"

namespace fupin::bench {

struct feed_write {
    std::int64_t household_id = 0;
    std::int64_t started_ns = 0;  // since the run's epoch
    std::int64_t done_ns = 0;     // the 201 received
};

class feed_writer {
public:
    // Logs in one connection per township (at most `connections`), in the area file's order.
    feed_writer(const bench_endpoint& endpoint, const std::string& certs_dir, const area_catalog& areas,
                household_factory& factory, int connections, std::chrono::steady_clock::time_point epoch);
    ~feed_writer();

    // `writes` creates one after the other, the i-th started at i / rate seconds (or at once when late).
    std::vector<feed_write> steady(int writes, double per_second);
    // `writes` creates spread over every connection, each connection writing back to back; in no given order.
    std::vector<feed_write> burst(int writes);

private:
    struct connection;
    feed_write create(connection& c, int n);

    household_factory& factory_;
    std::chrono::steady_clock::time_point epoch_;
    std::vector<std::unique_ptr<connection>> connections_;
};

}  // namespace fupin::bench
