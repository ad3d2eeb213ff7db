#pragma once
// The county's figures (统计, common/statistics.hpp) for the county, a township or a village: a township sees its
// own, the county all. Counted in the database (storage/statistics_repository) and rolled up here.
#include <string>

#include "common/statistics.hpp"
#include "server/service/principal.hpp"

namespace fupin::server::sql {
class connection;
}

namespace fupin::server::service {

class statistics_service {
public:
    // area_code empty: the caller's own area. year: of the measures and funds (2000–2100).
    common::statistics_report report(sql::connection& db, const principal& who, std::string area_code, int year) const;
};

}  // namespace fupin::server::service
