#pragma once
// Latency of the archive's reads at its current size, straight through household_repository (no HTTP):
// find by id, a village's first page, a deep page of a village (keyset token), find_person by ID number.
// Each operation runs in its own read transaction, as household_service runs it.
#include <cstdint>
#include <string>

#include "test_data/household_generator.hpp"
#include "server/sql/connection.hpp"

namespace fupin::bench {

class growth_probe {
public:
    growth_probe(server::sql::connection& conn, const test_data::household_generator& generator, std::uint64_t seed);

    // households: how many the generator wrote (ids 1..households). Prints
    // "<prefix>_<op>_p50|p99|samples" for op in read, list_first, list_deep, find_person.
    // Throws std::runtime_error when a household or person the generator wrote is not found.
    void run(std::int64_t households, int samples, const std::string& prefix);

private:
    server::sql::connection& conn_;
    const test_data::household_generator& generator_;
    std::uint64_t seed_;
};

}  // namespace fupin::bench
