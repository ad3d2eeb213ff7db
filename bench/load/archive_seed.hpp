#pragma once
// Households for the read and list scenarios, created through the API before any clock starts, each township
// entering its own (one thread per township, with that township's certificate); and the poverty line the
// procedure scenario needs.
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

// PUT /api/v1/poverty-lines/{year} {"amount": yuan}, as the county's bench account bench_<county code> (a
// county_admin that scripts/bench makes) with the county office's certificate: the procedure scenario's
// applications are judged against it.
void set_poverty_line(const bench_endpoint& endpoint, const std::string& certs_dir, const std::string& county_code,
                      int year, int yuan);

}  // namespace fupin::bench
