#pragma once
// The scenarios of what county-server does today, and the mirror that drives the Beast baseline. Each lives in
// its own .cpp; only the factories are public.
#include <memory>
#include <string>

#include "bench/common/area_catalog.hpp"
#include "bench/common/household_factory.hpp"
#include "bench/load/archive_seed.hpp"
#include "bench/load/scenario.hpp"

namespace fupin::bench {

// GET /api/v1/health
std::unique_ptr<scenario> make_health_scenario();
// GET /api/v1/households/{id}, ids drawn uniformly from the worker's township's seeded households.
std::unique_ptr<scenario> make_read_scenario(const seeded_archive& seeded);
// GET /api/v1/households?village=…&page_size=20, a random village of the worker's township.
std::unique_ptr<scenario> make_list_scenario(const area_catalog& areas);
// POST /api/v1/households: four members with new ID numbers, an Idempotency-Key as township clients send.
std::unique_ptr<scenario> make_create_scenario(const area_catalog& areas, household_factory& factory);
// PUT /api/v1/households/{id} naming the current version; each worker edits only households it created in
// prepare() (read back with GET there), so a 409 is a failure, not contention.
std::unique_ptr<scenario> make_update_scenario(const area_catalog& areas, household_factory& factory, int threads,
                                               int households_per_worker);
// A township office's day: 60% reads, 20% village lists, 10% creates, 10% updates.
std::unique_ptr<scenario> make_mixed_scenario(const seeded_archive& seeded, const area_catalog& areas,
                                              household_factory& factory, int threads);
// The identification procedure's first steps in the worker's village (procedure_village): a fresh household
// (untimed), then POST /api/v1/applications for `year` and the steps group_appraise and verify, each timed as one
// request. Needs the year's poverty line (set_poverty_line) and the village clerks' bench accounts.
std::unique_ptr<scenario> make_procedure_scenario(const area_catalog& areas, household_factory& factory, int year);
// The village a township's procedure workers work in (its first): scripts/bench makes bench_<that code>, a
// village_clerk.
const std::string& procedure_village(const area_catalog& areas, const std::string& township);
// The baseline's counterpart of a scenario: the same method and request body size, asking the Beast baseline
// (bench/baseline) for a response body of the same size.
std::unique_ptr<scenario> make_mirror_scenario(std::string name, client::http_method method, std::size_t request_bytes,
                                               std::size_t response_bytes);

}  // namespace fupin::bench
