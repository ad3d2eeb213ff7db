#pragma once
// Half-yearly review rounds (半年审核调整一次, docs/procedure.md "Review rounds"): the county opens a round for a
// year and half with a deadline, which enrols every registered household; a village enters each file again (an
// edit of the file through household_service, the round's entry written in its transaction) and the rules of
// common/review_round judge it; everyone reads the progress of their area.
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "common/review_round.hpp"
#include "server/service/household_service.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class review_round_service {
public:
    using clock = std::function<std::int64_t()>;
    review_round_service(clock now, household_service households);

    // 409 round_exists for a year and half opened already; 422 at half, deadline (a date not before today).
    common::review_round open(sql::connection& db, const principal& who, int year, int half,
                              const std::string& deadline) const;
    std::vector<common::review_round> list(sql::connection& db, const principal& who) const;
    common::review_round get(sql::connection& db, const principal& who, std::int64_t id) const;

    // The file entered again in the round (`input` carries the version the clerk saw, and the period's income:
    // income.year the round's year), judged, and the entry returned. 404 when the household is not in the round;
    // 409 income_newer when the file holds a later year's income; 409 entry_flagged when a flagged entry is
    // entered again by the village (the township verifies and enters it).
    common::review_entry enter(sql::connection& db, const principal& who, std::int64_t round_id,
                               std::int64_t household_id, common::household input, const std::string& note) const;

    // Entries in `area` (a township or village inside the caller's area; "" the caller's area), of one outcome
    // ("" any, "outstanding" not entered), by household id after `after`, at most page_size (1..500).
    std::vector<common::review_entry> entries(sql::connection& db, const principal& who, std::int64_t round_id,
                                              const std::string& area, const std::string& outcome, std::int64_t after,
                                              int page_size) const;
    // Per village (or township) of `area`, then the total of the area (area_code "").
    std::vector<common::review_progress> progress(sql::connection& db, const principal& who, std::int64_t round_id,
                                                  const std::string& area, bool by_township) const;

private:
    clock now_;
    household_service households_;
};

}  // namespace fupin::server::service
