#pragma once
// How a spot check's sample is drawn, in one place, so that anyone with the seed can draw it again (docs/
// procedure.md, "Spot checks"): the files fall into strata by township and standing; in each stratum every file
// gets the key SHA-256("<seed>:<household id>") in lower-case hex, the files are ordered by key (then id), and the
// first spot_check_sample_size(population, share, minimum) are drawn. The database's order, the server and the
// time play no part.
#include <string>
#include <vector>

#include "common/spot_check.hpp"
#include "server/storage/spot_check_repository.hpp"

namespace fupin::server::service {

struct drawn_sample {
    std::vector<common::spot_check_stratum> strata;  // by township, then standing (names not filled)
    std::vector<storage::sample_candidate> drawn;    // by stratum, then key
};

drawn_sample draw_sample(const std::vector<storage::sample_candidate>& candidates, const common::spot_check_plan& plan);

// The key of one file under a seed: what a person re-drawing the sample computes (e.g. with sha256sum).
std::string sample_key(const std::string& seed, std::int64_t household_id);

}  // namespace fupin::server::service
