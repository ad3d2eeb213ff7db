#include "common/statistics.hpp"

#include <limits>


namespace fupin::common {
const std::vector<income_band_start>& income_band_starts() {
    static const std::vector<income_band_start> starts{{"below_1000", std::numeric_limits<money_fen>::min()},
                                                       {"1000_2000", 100000},
                                                       {"2000_3000", 200000},
                                                       {"3000_4000", 300000},
                                                       {"4000_up", 400000}};
    return starts;
}

std::string income_band_of(money_fen per_capita) {
    std::string found = income_band_starts().front().code;
    for (const auto& b : income_band_starts())
        if (per_capita >= b.from) found = b.code;
    return found;
}

std::int64_t statistics_report::registered() const {
    if (areas.empty()) return 0;
    for (const auto& s : areas.front().by_status)
        if (s.key == "registered") return s.count.households;
    return 0;
}

std::int64_t statistics_report::registered_with_helper() const { return areas.empty() ? 0 : areas.front().with_helper; }

}  // namespace fupin::common
