#pragma once
// Each household's assistance plan for a year (帮扶计划); its measures are read by measure_repository.
#include <optional>

#include "common/assistance.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class plan_repository {
public:
    explicit plan_repository(sql::connection& conn) : conn_(conn) {}

    std::optional<common::assistance_plan> find(std::int64_t household_id, int year);
    // The first plan of the household's year (p.version 0): an insert, constraint_violation when another came
    // first; later: written if still at p.version. Sets the new version; false when another change came first.
    bool save(common::assistance_plan& p, const std::string& by, std::int64_t now_ms);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
