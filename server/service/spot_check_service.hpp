#pragma once
// Spot checks (不定期抽查、明察暗访, docs/procedure.md "Spot checks"): the county's supervisor draws a stratified
// sample from a recorded seed (spot_check_draw) and records a check of each sampled file; every official reads
// the accuracy per township and for the county. Which files were drawn is the supervisor's to know until each
// check is recorded (an unannounced visit must stay unannounced): samples are read with record_checks only.
#include <cstdint>
#include <functional>
#include <vector>

#include "common/spot_check.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class spot_check_service {
public:
    using clock = std::function<std::int64_t()>;
    explicit spot_check_service(clock now);

    // The sample drawn and stored, with its items. A plan without a seed gets a random one.
    common::spot_check draw(sql::connection& db, const principal& who, common::spot_check_plan plan) const;
    std::vector<common::spot_check> list(sql::connection& db, const principal& who) const;
    common::spot_check get(sql::connection& db, const principal& who, std::int64_t id) const;  // with items
    // The check of one sampled file, once: 404 when the file is not in the sample, 409 already_checked.
    common::spot_check_item record(sql::connection& db, const principal& who, std::int64_t check_id,
                                   std::int64_t household_id, common::spot_check_result result) const;
    // Per township of the sample (those the caller's area covers), then the county's total (township_code "").
    std::vector<common::spot_check_accuracy> accuracy(sql::connection& db, const principal& who,
                                                      std::int64_t check_id) const;

private:
    clock now_;
};

}  // namespace fupin::server::service
