#pragma once
// Half-yearly review rounds and their entries (one per household registered when the round opened).
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "common/review_round.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class review_round_repository {
public:
    explicit review_round_repository(sql::connection& conn) : conn_(conn) {}

    // Sets r.id. Throws sql::constraint_violation when the year and half have a round already.
    void insert(common::review_round& r);
    // Enters every registered household in the round, with its size and per-capita income now; how many.
    int enroll(std::int64_t round_id);

    std::optional<common::review_round> find(std::int64_t id);  // with its counts
    std::optional<common::review_round> find_period(std::int64_t id);  // without them (no scan of the entries)
    std::vector<common::review_round> list();                   // newest first

    // The household's entry, its row locked until the transaction ends; nullopt when it is not in the round.
    std::optional<common::review_entry> entry_for_update(std::int64_t round_id, std::int64_t household_id);
    // The household's entry as the lists read it; nullopt when it is not in the round.
    std::optional<common::review_entry> entry(std::int64_t round_id, std::int64_t household_id);
    // The entry's outcome, reasons, figures, note, who and when, and the file's township and village now (a file
    // may move while the round runs).
    void save(const common::review_entry& e);

    // Entries of the round whose village starts with `area_prefix` (digits only), by household id after
    // `after_household`, at most `limit`; `outcome` "" for any, "outstanding" for those not entered yet.
    std::vector<common::review_entry> entries(std::int64_t round_id, const std::string& area_prefix,
                                              const std::string& outcome, std::int64_t after_household, int limit);

    // Counts per village (`by_township` false) or township whose code starts with `area_prefix` (overdue not
    // filled: the deadline is the service's to apply).
    std::vector<common::review_progress> progress(std::int64_t round_id, const std::string& area_prefix, bool by_township);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
