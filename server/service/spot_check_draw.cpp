#include "server/service/spot_check_draw.hpp"

#include <algorithm>
#include <map>
#include <tuple>

#include "server/service/digest.hpp"

namespace fupin::server::service {

std::string sample_key(const std::string& seed, std::int64_t household_id) {
    return sha256_hex(seed + ":" + std::to_string(household_id));
}

drawn_sample draw_sample(const std::vector<storage::sample_candidate>& candidates, const common::spot_check_plan& plan) {
    struct keyed {
        std::string key;
        const storage::sample_candidate* file;
    };
    std::map<std::pair<std::string, std::string>, std::vector<keyed>> strata;
    for (const auto& c : candidates)
        strata[{c.township_code, c.standing}].push_back({sample_key(plan.seed, c.household_id), &c});
    drawn_sample out;
    for (auto& [stratum, files] : strata) {
        std::sort(files.begin(), files.end(), [](const keyed& a, const keyed& b) {
            return std::tie(a.key, a.file->household_id) < std::tie(b.key, b.file->household_id);
        });
        const int population = static_cast<int>(files.size());
        const int n = common::spot_check_sample_size(population, plan.share_percent, plan.minimum);
        out.strata.push_back({stratum.first, "", stratum.second, population, n});
        for (int i = 0; i < n; ++i) out.drawn.push_back(*files[static_cast<std::size_t>(i)].file);
    }
    return out;
}

}  // namespace fupin::server::service
