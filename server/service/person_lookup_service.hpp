#pragma once
// The cross-township person lookup (docs/protocol.md, "GET /api/v1/people"): any township may ask whether a
// person (by ID number) is already in a household file of the county, to stop double registration. Within the
// caller's own area the answer is the whole file; for another area's file it is what a public posting would
// show: township, village, the file's status and the masked name (common/name_mask.hpp), nothing else.
// Every lookup is rate limited per user in the database (schema 006, shared by every server process) and
// written to the audit trail in the same transaction, under the masked ID number only.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "common/household.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

struct person_lookup_result {
    bool found = false;
    bool own_area = false;  // the file lies in the caller's area: name, household_id and household are in full
    std::string township_code;
    std::string township_name;
    std::string village_code;
    std::string village_name;
    std::string household_status;
    std::string name;                             // masked unless own_area
    std::int64_t household_id = 0;                // own_area only; 0 otherwise
    std::optional<common::household> household;  // own_area only
};

class person_lookup_service {
public:
    using clock = std::function<std::int64_t()>;  // ms since the epoch, UTC

    // At most `limit` lookups per user within any `window` (a rolling window).
    person_lookup_service(clock now, int limit, std::chrono::milliseconds window);

    // 403 access_denied without read_households; 422 invalid_id_number (the message never repeats the number);
    // 429 rate_limited with Retry-After when the user's window is full (not counted, not audited: a client
    // hammering the limit must not flood the trail).
    person_lookup_result lookup(sql::connection& db, const principal& who, const std::string& id_number) const;

    // A refusal that told the caller where a person of another area is registered (409
    // person_already_registered on creating or editing a file) tells what a lookup tells, so it is charged as
    // one: counted and audited always, since even a refusal over the limit tells that the person is registered
    // elsewhere; over the limit it throws 429 rate_limited (so the caller does not learn the township). Call it
    // after the refused request's transaction has rolled back (db outside any transaction).
    void charge(sql::connection& db, const principal& who, const std::string& id_number,
                const std::string& township_code) const;

private:
    // Runs `work` in a write transaction after counting one lookup of the user (429 when the window is full).
    template <class Work>
    auto counted(sql::connection& db, const principal& who, std::int64_t now, Work&& work) const;

    clock now_;
    int limit_;
    std::int64_t window_ms_;
};

}  // namespace fupin::server::service
