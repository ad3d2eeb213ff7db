#pragma once
// The database limit of the county server: the rows a household create, read and village list touch, written
// and read straight through household_repository and sql::transaction, without HTTP, JSON or the service's
// checks. The HTTP figures of bench/load are divided by these.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "test_data/household_generator.hpp"

namespace fupin::bench {

class sql_baseline {
public:
    // url: the database (migrated and filled by the caller); households: how many the generator wrote.
    // cpu_of: processes (name, pid) whose CPU time per operation is printed beside each rate, with this one's
    // ("bench-sql-baseline"); empty: none.
    sql_baseline(std::string url, const test_data::household_generator& generator, std::int64_t households, std::uint64_t seed,
                 std::vector<std::pair<std::string, int>> cpu_of = {});

    // Each runs `threads` threads, each with its own connection (like the server's database workers), for
    // `seconds`, and prints "<prefix>_<op>_<threads>t <rate> per_s" plus p50/p99 latency lines.
    // create: one household with four members per write transaction, as the server's create does.
    void run_creates(int threads, double seconds, const std::string& prefix);
    // service_create: household_service::create itself, as the server runs it for a POST once the body is
    // parsed: the Idempotency-Key claimed, areas and people checked, the audit entry and the outbox event
    // written, in its transaction. Between create and this lies the design's own work in the database; between
    // this and the HTTPS create, the network, TLS, JSON and the hand-offs between threads.
    void run_service_creates(int threads, double seconds, const std::string& prefix);
    // read: household_repository::find of a random id in a read transaction.
    void run_reads(int threads, double seconds, const std::string& prefix);
    // list: household_repository::list with a random village filter, page_size 20, in a read transaction.
    void run_lists(int threads, double seconds, const std::string& prefix);

private:
    enum class op { create, service_create, read, list };
    void run(op which, int threads, double seconds, const std::string& name);

    std::string url_;
    const test_data::household_generator& generator_;
    std::int64_t households_;
    std::uint64_t seed_;
    std::vector<std::pair<std::string, int>> cpu_of_;
};

}  // namespace fupin::bench
