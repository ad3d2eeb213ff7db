#pragma once
// Households for the read and list scenarios, created through the API before any clock starts, each township
// entering its own (one thread per township, with that township's certificate).
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "bench/common/area_catalog.hpp"
#include "bench/common/bench_endpoint.hpp"
#include "bench/common/household_factory.hpp"

namespace fupin::bench {

struct seeded_archive {
    std::map<std::string, std::vector<std::int64_t>> ids_by_township;
    std::size_t total() const;
};

// Creates `per_township` households in every township, spread over its villages and groups.
seeded_archive seed_archive(const bench_endpoint& endpoint, const std::string& certs_dir, const area_catalog& areas,
                            household_factory& factory, int per_township);

}  // namespace fupin::bench
