#pragma once
// Spot checks: the samples the county draws, their strata, and each sampled file with its check.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/spot_check.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// A file that may be drawn: registered, exited, or pending after its identification was refused.
struct sample_candidate {
    std::int64_t household_id = 0;
    std::string township_code;
    std::string village_code;
    std::string standing;  // registered | exited | refused
};

// One township's figures of a sample (spot_check_accuracy without the rate).
struct sample_tally {
    std::string township_code;
    std::string township_name;
    int sampled = 0, checked = 0, accurate = 0, inaccurate = 0, should_exit = 0, should_enter = 0;
};

class spot_check_repository {
public:
    explicit spot_check_repository(sql::connection& conn) : conn_(conn) {}

    // Every file of the county that a sample draws from, by household id.
    std::vector<sample_candidate> candidates();

    // Sets c.id. Writes the check, its strata and its items (the drawn files) together.
    void insert(common::spot_check& c, const std::vector<sample_candidate>& drawn);

    std::optional<common::spot_check> find(std::int64_t id);  // with strata and counts, without items
    std::vector<common::spot_check> list();                    // newest first, without strata or items
    std::vector<common::spot_check_item> items(std::int64_t check_id);

    // The sampled file, its row locked until the transaction ends; nullopt when it is not in the sample.
    std::optional<common::spot_check_item> item_for_update(std::int64_t check_id, std::int64_t household_id);
    void save_result(std::int64_t check_id, std::int64_t household_id, const common::spot_check_result& r);

    std::vector<sample_tally> tallies(std::int64_t check_id);  // by township

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
