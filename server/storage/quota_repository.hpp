#pragma once
// Quotas (规模控制) per year and area, and the places cases use.
#include <optional>
#include <string>
#include <vector>

#include "common/procedure.hpp"
#include "server/sql/connection.hpp"

namespace fupin::server::storage {

class quota_repository {
public:
    explicit quota_repository(sql::connection& conn) : conn_(conn) {}

    // The quota row, locked until the transaction ends (FOR UPDATE on MySQL; SQLite's write transaction
    // already holds the database). Only places, parent_code, set_by, set_at_ms are filled.
    std::optional<common::quota> find_for_update(int year, const std::string& area_code);
    std::optional<common::quota> find(int year, const std::string& area_code);
    std::vector<common::quota> children(int year, const std::string& parent_code);
    void save(const common::quota& q);

    // Cases of the year that hold a place (application_workflow::states_holding_a_place) in an area:
    // area_code of 6 digits counts the county, 9 a township, 12 a village.
    int places_used(int year, const std::string& area_code);

private:
    sql::connection& conn_;
};

}  // namespace fupin::server::storage
