#pragma once
// Pairings of helpers with households (结对帮扶). A pairing is never deleted: it ends with who, when and why.
// Reads fill the household's head and the helper's contact (联系到人), and give the household's village as it is
// now (a file may have moved since it was paired).
#include <optional>
#include <vector>

#include "common/helper.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class pairing_repository {
public:
    explicit pairing_repository(sql::connection& conn) : conn_(conn) {}

    // Sets p.id. The caller has locked the household and the helper and counted (pairing_service).
    void insert(common::pairing& p);
    // Ends the pairing if it still holds. False when it had ended already.
    bool end(std::int64_t id, std::int64_t at_ms, const std::string& by, const std::string& reason,
             std::int64_t replaced_by);
    std::optional<common::pairing> find(std::int64_t id);
    // Every pairing of the household, newest first; those that hold have ended_at_ms 0.
    std::vector<common::pairing> of_household(std::int64_t household_id);
    // The pairings that hold now: of a household, and of a helper (oldest first).
    std::vector<common::pairing> current_of_household(std::int64_t household_id);
    std::vector<common::pairing> current_of_helper(std::int64_t helper_id);
    // The pairings that hold now of every household living in the village (a register's helpers column).
    std::vector<common::pairing> current_in_village(const std::string& village_code);
    int count_current_of_helper(std::int64_t helper_id);
    // Whether the helper who logs in with this account is paired with the household now.
    bool holds_for_account(const std::string& username, std::int64_t household_id);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
