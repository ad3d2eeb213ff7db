#pragma once
// Household files (一户一档) with their members. Written once over sql::connection for both backends.
// No method begins or commits: the service wraps each use in a sql::transaction (write mode for changes).
// Every method that changes a file names it to the connection's change observer as record_of(id).
#include <cstdint>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "common/household.hpp"
#include "common/record_key.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

// Where a person (by ID number) is registered, for the person_already_registered answer and the cross-township
// lookup: the file's areas and status, and the member's own name (the callers mask it for another area).
struct person_location {
    std::int64_t household_id = 0;
    std::string township_code;
    std::string township_name;
    std::string village_code;
    std::string village_name;
    std::string name;              // the member's name as in the file
    std::string household_status;  // the file's status: pending | registered | exited
};

class household_repository {
public:
    // How events, audit entries (its text) and the change observer name a household file.
    static common::record_key record_of(std::int64_t id) { return common::record_key::household(id); }

    explicit household_repository(sql::connection& conn) : conn_(conn) {}

    // Stores h and its members (in vector order). Sets h.id, h.version = 1, h.created_at_ms and
    // h.updated_at_ms = now_ms; stores h.status as given. Throws sql::constraint_violation when a member's
    // ID number is already in a household (the unique index is the guarantee; roll back the transaction).
    void insert(common::household& h, std::int64_t now_ms);
    // The same for several households, each created at its own created_at_ms, in as few statements as the
    // database allows (two when it gives one INSERT's rows evenly spaced ids, else one insert() each).
    void insert_all(std::vector<common::household>& households);

    // The household with its members in order and the names of its three areas ("" if not in areas).
    std::optional<common::household> find(std::int64_t id);

    // Locks the household's row until the transaction ends (MySQL; SQLite's write transaction holds the whole
    // file). What must agree with the file's area at commit takes it first: an edit that moves the file and a
    // case opened for it are then one after the other. False when there is no such household.
    bool lock(std::int64_t id);

    // Replaces the editable fields and the members of household h.id if it is still at expected_version.
    // False when no row matched (no such id, or another version: the caller tells 404 from 409).
    // On success h.version, h.updated_at_ms, h.status, h.exit_year, h.policies_until and h.created_at_ms hold
    // the stored values (status, exit and creation time are kept; an edit never changes them). Area names are not refreshed: use find().
    // Throws sql::constraint_violation like insert().
    bool update(common::household& h, std::int64_t expected_version, std::int64_t now_ms);

    // The procedures' one change to a file: its status (registered when identified, with the year of the
    // registration; exited when it leaves, with the exit year and the last year of its policies; both empty
    // otherwise). An empty registered_year keeps the one stored. Bumps the version, so an editor holding the old
    // version gets a 409. False when no such household.
    bool set_status(std::int64_t id, const std::string& status, std::int64_t now_ms,
                    std::optional<int> exit_year = std::nullopt, std::optional<int> policies_until = std::nullopt,
                    std::optional<int> registered_year = std::nullopt);

    // Newest change first (updated_at_ms DESC, id DESC), keyset-paged. Filters that are empty are not
    // applied. page_size is clamped to 1..200. Throws std::invalid_argument for a malformed page_token.
    common::household_page list(const common::household_filter& filter);

    // The households of a village in the order of its register (by group, then by file number), `limit` at a
    // time after the household (after_group, after_id); ("", 0) for the first. With their members.
    std::vector<common::household> in_register_order(const std::string& village_code, const std::string& after_group,
                                                     std::int64_t after_id, int limit);

    std::optional<person_location> find_person(const std::string& id_number);
    // Where each of these people is registered, in one query (keyed by ID number; absent: nowhere).
    std::map<std::string, person_location> find_people(const std::vector<std::string>& id_numbers);
    std::int64_t count();

private:
    void insert_members(const common::household& h);
    void insert_members(std::span<const common::household> households);
    void load_members(std::vector<common::household>& households);

    sql::connection& conn_;
};

}  // namespace fupin::server::storage
