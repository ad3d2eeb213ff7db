#pragma once
// The units that send helpers (帮扶单位), kept by the county.
#include <optional>
#include <vector>

#include "common/helper.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class helper_unit_repository {
public:
    explicit helper_unit_repository(sql::connection& conn) : conn_(conn) {}

    // Sets u.id, u.version = 1 and both times. Throws sql::constraint_violation when the name is taken.
    void insert(common::helper_unit& u, std::int64_t now_ms);
    // Writes name, level and area if the unit is still at expected_version; bumps the version. False when
    // another change came first. Throws sql::constraint_violation when the new name is taken.
    bool update(common::helper_unit& u, std::int64_t expected_version, std::int64_t now_ms);
    std::optional<common::helper_unit> find(std::int64_t id);
    std::vector<common::helper_unit> list();  // by level, then name

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
